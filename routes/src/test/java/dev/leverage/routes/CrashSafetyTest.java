package dev.leverage.routes;

import dev.leverage.index.FileRecord;
import dev.leverage.index.Json;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of an ingest, then the same ingest again: the index opens clean (CheckIndex), no document
 * is half in it, and in the end every file has exactly one record and every indexed document all its pages. The
 * ingest runs in a real child JVM (the CLI), killed with SIGKILL after it has committed some files.
 */
@Timeout(600)
class CrashSafetyTest {
    static final int FILES = 900;

    @TempDir
    Path tmp;

    @Test
    void aKilledIngestLeavesACleanIndexAndTheRerunEndsWithEveryFileOnce() throws Exception {
        Path folder = SmallCorpus.write(tmp.resolve("discovery"), FILES);
        Path data = tmp.resolve("data");
        Path indexDir = data.resolve("cases/crash/index");

        Process first = cli(folder, data, tmp.resolve("first.log"));
        // Wait for the running ingest to commit at least twice beyond the empty index, then kill it without warning.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (generation(indexDir) < 3 || committedRecords(indexDir) < FILES / 4) {
            assertTrue(first.isAlive(), "the ingest ended before it could be killed: " + Files.readString(tmp.resolve("first.log")));
            assertTrue(System.nanoTime() < deadline, "no commit within 5 minutes");
            Thread.sleep(100);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");

        // The index as the crash left it: clean, and every document in it whole.
        assertClean(indexDir);
        State crashed = state(indexDir);
        assertTrue(crashed.records > 0 && crashed.records < FILES,
                "the kill came mid-ingest: " + crashed.records + " of " + FILES + " files were committed");
        crashed.assertWhole();

        // The same ingest again, to the end.
        Process second = cli(folder, data, tmp.resolve("second.log"));
        assertTrue(second.waitFor(8, TimeUnit.MINUTES), "the rerun finishes");
        String log = Files.readString(tmp.resolve("second.log"));
        assertEquals(0, second.exitValue(), log);
        assertClean(indexDir);
        State done = state(indexDir);
        done.assertWhole();
        assertEquals(FILES, done.records, "every file has a record");
        assertEquals(FILES, done.paths.size(), "and only one: " + done.duplicatePaths());
        assertEquals(FILES - SmallCorpus.DUPLICATES, done.indexed, "every file that is not a duplicate is indexed");
        assertTrue(log.contains(crashed.records + " already in the case") || log.contains("already in the case"), log);
        int already = Integer.parseInt(log.replaceAll("(?s).*?(\\d+) already in the case.*", "$1"));
        assertTrue(already >= crashed.records, "what the first run committed is not read again: " + already + " vs " + crashed.records);
        System.out.printf("crash safety: killed after %d of %d files committed (generation %d); the rerun found %d already in the case "
                + "and finished with %d records, %d indexed documents, CheckIndex clean both times%n",
                crashed.records, FILES, crashed.generation, already, done.records, done.indexed);
        System.out.println("rerun's progress: " + log.lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElse(""));
    }

    private Process cli(Path folder, Path data, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.leverage.routes.cli.LeverageCli", "ingest", folder.toString(), "--case", "crash", "--data", data.toString(),
                "--threads", "2", "--commit-every", "1");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static long generation(Path indexDir) throws Exception {
        if (!Files.isDirectory(indexDir)) return 0;
        try (Directory d = FSDirectory.open(indexDir)) {
            return SegmentInfos.getLastCommitGeneration(d.listAll());
        }
    }

    private static int committedRecords(Path indexDir) throws Exception {
        try (Directory d = FSDirectory.open(indexDir); DirectoryReader r = DirectoryReader.open(d)) {
            return new IndexSearcher(r).count(new TermQuery(new Term("kind", "record")));
        }
    }

    private static void assertClean(Path indexDir) throws Exception {
        try (Directory d = FSDirectory.open(indexDir); CheckIndex check = new CheckIndex(d)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            check.setInfoStream(new PrintStream(buf, true, StandardCharsets.UTF_8));
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex: " + buf.toString(StandardCharsets.UTF_8));
        }
    }

    /** What a committed index holds: records by path, and per document its pages and facts. */
    record State(long generation, int records, int indexed, Map<String, Integer> paths, Map<String, Integer> pagesByDoc,
                 Map<String, Integer> expectedPages, Map<String, Integer> factsByDoc) {
        void assertWhole() {
            for (var e : expectedPages.entrySet()) {
                assertEquals(e.getValue(), pagesByDoc.getOrDefault(e.getKey(), 0), "all pages of " + e.getKey());
                assertEquals(1, factsByDoc.getOrDefault(e.getKey(), 0), "one facts entry for " + e.getKey());
            }
            assertEquals(expectedPages.keySet(), pagesByDoc.keySet(), "no pages without their record");
        }

        List<String> duplicatePaths() {
            List<String> out = new ArrayList<>();
            paths.forEach((p, n) -> {
                if (n > 1) out.add(p);
            });
            return out;
        }
    }

    private static State state(Path indexDir) throws Exception {
        try (Directory d = FSDirectory.open(indexDir); DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            Map<String, Integer> paths = new HashMap<>(), pages = new HashMap<>(), expected = new HashMap<>(), facts = new HashMap<>();
            int records = 0, indexed = 0;
            for (ScoreDoc sd : s.search(new TermQuery(new Term("kind", "record")), Integer.MAX_VALUE).scoreDocs) {
                FileRecord rec = Json.MAPPER.readValue(s.storedFields().document(sd.doc).get("json"), FileRecord.class);
                if (FileRecord.INDEXED.equals(rec.status())) expected.put(rec.documentId(), rec.pages());
                if (rec.embedded()) continue;
                records++;
                paths.merge(rec.path(), 1, Integer::sum);
                if (FileRecord.INDEXED.equals(rec.status())) indexed++;
            }
            for (ScoreDoc sd : s.search(new TermQuery(new Term("kind", "page")), Integer.MAX_VALUE).scoreDocs) {
                pages.merge(s.storedFields().document(sd.doc).get("doc_id"), 1, Integer::sum);
            }
            for (ScoreDoc sd : s.search(new TermQuery(new Term("kind", "facts")), Integer.MAX_VALUE).scoreDocs) {
                facts.merge(s.storedFields().document(sd.doc).get("doc_id"), 1, Integer::sum);
            }
            return new State(r.getIndexCommit().getGeneration(), records, indexed, paths, pages, expected, facts);
        }
    }
}
