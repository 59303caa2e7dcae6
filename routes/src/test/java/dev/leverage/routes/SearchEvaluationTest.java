package dev.leverage.routes;

import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.SearchHit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search quality on labelled queries: the demo case and three more cases (with OCR-noisy pages among them) are
 * ingested through the real route into a temporary data folder, each query of {@code search-eval/queries.tsv} is
 * run as a user would type it, and the top ten pages are scored against the pages a reader judged relevant:
 * recall@10 (share of the relevant pages in the top ten, averaged over queries) and MRR (1 / rank of the first
 * relevant page). The queries and judgments were written without sight of the search code.
 */
class SearchEvaluationTest {
    static final Path ROOT = DemoCaseEndToEndTest.ROOT;
    static final Path SET = ROOT.resolve("routes/src/test/resources/search-eval");
    static final Path BLIND2 = ROOT.resolve("routes/src/test/resources/search-blind2");
    static final double BLIND2_RECALL_FLOOR = 0.89, BLIND2_MRR_FLOOR = 0.95;
    static final int K = 10;
    /**
     * Issue 6's bar: recall@10 0.90 and MRR 0.80. The first run (strict AND, no stems across derivations, no OCR
     * folding) scored recall@10 0.759, MRR 0.924 (EVALUATION.md has the history).
     */
    static final double RECALL_FLOOR = 0.90, MRR_FLOOR = 0.80;

    @TempDir
    static Path data;
    static CaseStore store;

    record Query(String id, String caseId, String query, Set<String> relevant, String need) {
    }

    @BeforeAll
    static void ingest() throws Exception {
        store = new CaseStore(data);
        CaseService service = new CaseService(store);
        service.ingest(ROOT.resolve("examples/cases/25-003117"), "25-003117", false);
        for (Path set : List.of(SET, BLIND2)) {
            if (!Files.isDirectory(set.resolve("cases"))) continue;
            try (var cases = Files.list(set.resolve("cases"))) {
                for (Path c : cases.filter(Files::isDirectory).sorted().toList()) service.ingest(c, c.getFileName().toString(), false);
            }
        }
    }

    static List<Query> queries(Path set) throws Exception {
        List<Query> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(set.resolve("queries.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            Set<String> rel = new LinkedHashSet<>();
            for (String r : f[3].strip().split(" (?=[^ ]*#\\d+)")) if (!r.isBlank()) rel.add(r.strip());
            out.add(new Query(f[0], f[1], f[2], rel, f.length > 4 ? f[4] : ""));
        }
        return out;
    }

    /** Recall@10 and MRR of a set's queries, printed with every query that misses; returns {recall, mrr, queries}. */
    static double[] score(String name, Path set) throws Exception {
        List<Query> qs = queries(set);
        double recallSum = 0, rrSum = 0;
        List<String> misses = new ArrayList<>();
        Set<String> cases = new TreeSet<>();
        for (Query q : qs) {
            cases.add(q.caseId);
            List<String> got = new ArrayList<>();
            try (DiscoveryIndex index = store.open(q.caseId)) {
                for (SearchHit h : index.search(q.query, 0, K).hits()) got.add(h.document() + "#" + h.page());
            }
            int found = 0;
            double rr = 0;
            for (int i = 0; i < got.size(); i++) {
                if (q.relevant.contains(got.get(i))) {
                    found++;
                    if (rr == 0) rr = 1.0 / (i + 1);
                }
            }
            double recall = q.relevant.isEmpty() ? 1 : (double) found / q.relevant.size();
            recallSum += recall;
            rrSum += rr;
            if (recall < 1 || rr < 1) {
                Set<String> missing = new TreeSet<>(q.relevant);
                missing.removeAll(got);
                misses.add(String.format(Locale.ROOT, "  %s [%s] %-40s recall %.2f rr %.2f missing %s; top: %s", q.id, q.caseId, q.query, recall, rr,
                        missing, got.subList(0, Math.min(3, got.size()))));
            }
        }
        double recall = recallSum / qs.size(), mrr = rrSum / qs.size();
        System.out.printf(Locale.ROOT, "Search evaluation (%s): %d queries over %d cases: recall@%d %.3f, MRR %.3f%n", name, qs.size(), cases.size(), K, recall, mrr);
        misses.forEach(System.out::println);
        return new double[]{recall, mrr, qs.size()};
    }

    @Test
    void recallAtTenAndMeanReciprocalRank() throws Exception {
        double[] r = score("search-eval", SET);
        assertTrue(r[2] >= 40, "the issue asks for at least 40 queries");
        assertTrue(r[0] >= RECALL_FLOOR, "recall@10 " + r[0] + " is under " + RECALL_FLOOR);
        assertTrue(r[1] >= MRR_FLOOR, "MRR " + r[1] + " is under " + MRR_FLOOR);
    }

    /**
     * search-blind2 (56 queries over two more cases, written blind after the work on the first set): its first and
     * only blind run scored recall@10 0.892, MRR 0.955. The floors hold that figure.
     */
    @Test
    void secondSetWrittenBlind() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(BLIND2.resolve("queries.tsv")), "search-blind2 not written yet");
        double[] r = score("search-blind2", BLIND2);
        assertTrue(r[0] >= BLIND2_RECALL_FLOOR, "recall@10 " + r[0] + " is under " + BLIND2_RECALL_FLOOR);
        assertTrue(r[1] >= BLIND2_MRR_FLOOR, "MRR " + r[1] + " is under " + BLIND2_MRR_FLOOR);
    }
}
