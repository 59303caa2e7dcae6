package dev.leverage.routes;

import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.FileRecord;
import dev.leverage.index.SearchResult;
import dev.leverage.ingest.IngestLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus ({@link HostileCorpus}: corrupt, encrypted, bombs, deep nesting, empty, huge, mislabelled,
 * odd encodings and names, images, duplicates) through the real ingest route with out-of-process parsing: the
 * batch completes, every file ends indexed, duplicate or quarantined as expected with a one-line reason, the
 * counts add up, and what is indexed is found by search.
 */
@Timeout(600)
class HostileIngestTest {
    @TempDir
    Path tmp;

    /** The word exactly (a quoted phrase): plain words are typo-tolerant, and the markers differ by a letter or two. */
    private static String exact(String word) {
        return "\"" + word + "\"";
    }

    @Test
    void everyHostileFileEndsIndexedDuplicateOrQuarantinedAndTheBatchCompletes() throws Exception {
        Path folder = tmp.resolve("hostile");
        List<HostileCorpus.Entry> entries = HostileCorpus.build(folder);
        assertTrue(entries.size() >= 30, "at least 30 hostile files: " + entries.size());
        IngestLimits limits = IngestLimits.DEFAULT.withMaxFileBytes(HostileCorpus.MAX_FILE_BYTES).withWriteLimit(HostileCorpus.WRITE_LIMIT)
                .withMaxEmbedded(100).withMaxDepth(HostileCorpus.MAX_DEPTH).withMaxCompressionRatio(HostileCorpus.MAX_COMPRESSION_RATIO)
                .withParseTimeoutSeconds(120).withParserHeapMb(512);
        CaseStore store = new CaseStore(tmp.resolve("data"));
        CaseService.Outcome o = new CaseService(store, CaseService.Settings.DEFAULT.withLimits(limits)).ingest(folder, "hostile", false);

        IngestRun run = o.run();
        assertEquals(entries.size(), run.found(), "Camel found every file");
        assertEquals(run.found(), run.indexed() + run.duplicates() + run.quarantinedCount() + run.unchangedCount(), "the counts add up: " + run.summary());
        try (DiscoveryIndex index = store.open("hostile")) {
            Map<String, FileRecord> byPath = index.records().stream().filter(r -> !r.embedded())
                    .collect(Collectors.toMap(FileRecord::path, Function.identity()));
            assertEquals(entries.size(), byPath.size(), "one record per file");
            List<String> wrong = new ArrayList<>();
            for (HostileCorpus.Entry e : entries) {
                FileRecord r = byPath.get(e.relativePath());
                assertNotNull(r, "a record for " + e.relativePath());
                String expected = e.expected().name().toLowerCase(Locale.ROOT);
                if (!expected.equals(r.status())) {
                    wrong.add(e.relativePath() + ": expected " + expected + ", got " + r.status() + " (" + r.reason() + ") — " + e.what());
                    continue;
                }
                if (e.expected() == HostileCorpus.Outcome.QUARANTINED) {
                    String reason = r.reason();
                    assertTrue(reason != null && !reason.isBlank(), e.relativePath() + " has a reason");
                    assertFalse(reason.contains("\n") || reason.contains("Exception") || reason.contains("\tat "), "one plain line: " + reason);
                    assertTrue(reason.endsWith(".") && reason.length() < 400, "a sentence: " + reason);
                    if (e.reasonHint() != null) assertTrue(reason.toLowerCase(Locale.ROOT).contains(e.reasonHint()), e.relativePath() + ": " + reason);
                }
                if (e.expected() == HostileCorpus.Outcome.INDEXED && e.marker() != null) {
                    SearchResult found = index.search(exact(e.marker()), 0, 5);
                    if (found.hits().stream().noneMatch(h -> h.document().startsWith(e.relativePath()))) {
                        wrong.add(e.relativePath() + ": its marker " + e.marker() + " is not found by search");
                    }
                }
            }
            assertTrue(wrong.isEmpty(), "files that did not end as expected:\n" + String.join("\n", wrong));

            for (String never : List.of(HostileCorpus.DEEP_MARKER, HostileCorpus.CUT_MARKER, HostileCorpus.SCRIPT_MARKER, HostileCorpus.EMBED_LIMIT_MARKER)) {
                SearchResult r = index.search(exact(never), 0, 3);
                assertEquals(0, r.total(), never + " lies past a limit (depth, write limit, script, embedded count): " + r.hits());
            }
            assertTrue(index.search(exact(HostileCorpus.ATTACHMENT_MARKER), 0, 1).total() > 0, "a docx in a zip attached to an email in a zip is found");
            assertTrue(index.search(exact(HostileCorpus.TWIN_MARKER), 0, 1).total() > 0, "the second of two same-named files in one zip is kept");
            assertTrue(byPath.get("11_nested_12_deep.zip").reason().contains("nested more than " + HostileCorpus.MAX_DEPTH + " levels"),
                    "the skipped levels are a warning on the file: " + byPath.get("11_nested_12_deep.zip").reason());
            assertTrue(byPath.get("12b_many_entries.zip").reason().contains("Only the first 100"), byPath.get("12b_many_entries.zip").reason());
            assertTrue(byPath.get("16_large_dispatch_log.txt").reason().contains("write limit"), byPath.get("16_large_dispatch_log.txt").reason());
            assertEquals(1, byPath.get("24_statement_windows1252.txt").pages(), "Windows-1252 quotes are read as quotes, not page breaks");
            // Scanned pages without text are listed, not silently empty; OCRed pages keep their confidence.
            assertEquals(List.of(6, 7, 8), byPath.get("03a_truncated_classic_xref.pdf").textlessPages(), "the cut PDF's empty pages are listed");
            FileRecord scan = byPath.get("37_scanned_note.png");
            assertTrue(scan.ocrPages() == 1 && scan.ocrConfidence() != null && scan.ocrConfidence() > 0.5, "OCR confidence kept: " + scan);
            var report = CaseService.analyze("hostile", index, dev.leverage.extract.sampling.Thresholds.load(store.thresholds()));
            var docs = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
            report.path("documents").forEach(docs::add);
            assertTrue(docs.stream().anyMatch(d -> d.path("path").asText().equals("03a_truncated_classic_xref.pdf")
                    && d.path("pages_without_text").toString().equals("[6,7,8]")), "the report lists the pages without text");
            assertTrue(docs.stream().anyMatch(d -> d.path("path").asText().equals("37_scanned_note.png")
                    && d.path("ocr").path("mean_confidence").asDouble() > 0.5), "the report gives each document's OCR confidence");
            System.out.println("hostile corpus: " + run.summary());
            for (HostileCorpus.Entry e : entries) {
                FileRecord r = byPath.get(e.relativePath());
                System.out.printf("  %-11s %s%s%n", r.status(), e.relativePath(), r.reason() == null ? "" : " — " + r.reason());
            }
        }
    }
}
