package dev.leverage.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.Json;
import dev.leverage.index.SearchHit;
import dev.leverage.index.SearchRequest;
import dev.leverage.index.SearchResult;
import dev.leverage.index.SolrDiscoveryIndex;
import dev.leverage.index.SolrTestCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SolrCloud backend answers as the embedded index does (issue 9's parity suite), on a real two-node, two-shard
 * SolrCloud in the test JVM:
 * <ul>
 *   <li>the demo case ingested through the Camel route into each backend gives the same report (one file at a
 *   time, so that both read the files in the same order);</li>
 *   <li>the search evaluation's cases, indexed embedded and then copied to Solr by the migration, answer every
 *   query of both search sets with the same hits in the same order (pages whose scores tie may swap), the same
 *   scores, snippets, totals and facets; sorted by date as well. Each case sits alone in a collection of its own
 *   here: BM25 weighs a word by the statistics of the shard, and in a collection shared by many cases those are
 *   every case's on that shard, so scores (never the matches, snippets or facets) differ from the embedded
 *   index's there (DEPLOY.md says so);</li>
 *   <li>{@code migrate --to solr} and back moves a case and leaves it answering as before.</li>
 * </ul>
 */
class BackendParityTest {
    static final Path ROOT = DemoCaseEndToEndTest.ROOT;
    static final String DEMO = DemoCaseEndToEndTest.CASE;

    @TempDir
    static Path tmp;
    static CaseStore embedded, solr;
    static SolrTarget target;
    static final List<String> EVAL_CASES = new ArrayList<>();

    @BeforeAll
    static void ingest() throws Exception {
        target = new SolrTarget(SolrTestCluster.zkHost(), null, SolrTestCluster.COLLECTION);
        embedded = new CaseStore(tmp.resolve("embedded"));
        solr = new CaseStore(tmp.resolve("solr")).withSolr(new SolrTarget(SolrTestCluster.zkHost(), null, SolrTestCluster.newCollection("parity-demo")));
        CaseService.Settings oneAtATime = new CaseService.Settings(CaseService.Settings.DEFAULT.limits(), true, 1,
                CaseService.Settings.DEFAULT.commitEverySeconds(), CaseService.Settings.DEFAULT.extractChars());
        new CaseService(embedded, oneAtATime).ingest(DemoCaseEndToEndTest.DEMO, DEMO, true);
        new CaseService(solr, oneAtATime).ingest(DemoCaseEndToEndTest.DEMO, DEMO, true);
        for (Path set : List.of(SearchEvaluationTest.SET, SearchEvaluationTest.BLIND2)) {
            try (var cases = Files.list(set.resolve("cases"))) {
                for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                    String id = c.getFileName().toString();
                    new CaseService(embedded).ingest(c, id, false);
                    // the Solr side gets the embedded index's content through the migration's copy: no second parse
                    try (DiscoveryIndex from = embedded.open(id); SolrDiscoveryIndex to = alone(id)) {
                        CaseMigration.copy(id, "embedded", "solr", from, to);
                    }
                    EVAL_CASES.add(id);
                }
            }
        }
    }

    /** The case in the collection it has to itself. */
    static SolrDiscoveryIndex alone(String caseId) throws Exception {
        String collection = "parity-" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
        if (!COLLECTIONS.contains(collection)) COLLECTIONS.add(SolrTestCluster.newCollection(collection));
        return new SolrDiscoveryIndex(SolrTestCluster.client(), collection, caseId, true);
    }

    static final List<String> COLLECTIONS = new ArrayList<>();

    @Test
    void theDemoCaseGivesTheSameReportOnBothBackends() throws Exception {
        assertTrue(solr.onSolr(DEMO) && !embedded.onSolr(DEMO));
        String a, b;
        try (DiscoveryIndex e = embedded.open(DEMO); DiscoveryIndex s = solr.open(DEMO)) {
            a = comparable(e.analysis().orElseThrow());
            b = comparable(s.analysis().orElseThrow());
            assertEquals(e.records().size(), s.records().size());
            assertEquals(people(e), people(s));
        }
        assertTrue(a.contains("\"findings\""), "the report has findings");
        if (!a.equals(b)) {
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "parity-embedded.json"), a);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "parity-solr.json"), b);
        }
        assertEquals(a, b);
        // nothing of the Solr case is in the embedded data folder's index
        assertFalse(Files.exists(solr.caseDir(DEMO).resolve("index")));
    }

    /** The cast, each person with aliases sorted (their order is the order the documents' facts were read in). */
    static List<String> people(DiscoveryIndex i) throws Exception {
        List<String> out = new ArrayList<>();
        for (var p : i.cast().people()) {
            ObjectNode n = Json.MAPPER.valueToTree(p);
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            aliases.sort(null);
            n.set("aliases", Json.MAPPER.valueToTree(aliases));
            out.add(Json.MAPPER.writeValueAsString(n));
        }
        out.sort(null);
        return out;
    }

    /** The report without the moment it was generated. */
    static String comparable(String report) throws Exception {
        ObjectNode n = (ObjectNode) Json.MAPPER.readTree(report);
        n.remove("generated");
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    }

    @Test
    void everyEvaluationQueryAnswersTheSameOnBothBackends() throws Exception {
        int queries = 0, sameOrder = 0;
        double maxScoreDiff = 0;
        for (Path set : List.of(SearchEvaluationTest.SET, SearchEvaluationTest.BLIND2)) {
            for (SearchEvaluationTest.Query q : SearchEvaluationTest.queries(set)) {
                // the demo case went through the route into each backend; the others were copied
                try (DiscoveryIndex e = embedded.open(q.caseId());
                     DiscoveryIndex s = q.caseId().equals(DEMO) ? solr.open(DEMO) : alone(q.caseId())) {
                    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
                        SearchRequest r = new SearchRequest(q.query(), 0, 10, sort);
                        SearchResult a = e.search(r), b = s.search(r);
                        String what = q.id() + " [" + q.caseId() + "] " + q.query() + " by " + sort;
                        assertEquals(a.total(), b.total(), what + ": total");
                        assertEquals(a.facets(), b.facets(), what + ": facets");
                        assertEquals(a.jump() == null, b.jump() == null, what + ": Bates jump");
                        assertSameHits(a.hits(), b.hits(), what);
                        if (key(a.hits()).equals(key(b.hits()))) sameOrder++;
                        for (int i = 0; i < a.hits().size(); i++) maxScoreDiff = Math.max(maxScoreDiff, relative(a.hits().get(i).score(), scoreOf(b.hits(), a.hits().get(i))));
                        queries++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Backend parity: %d searches (evaluation queries by relevance and by date) over %d cases and the demo case: %d in the identical order, "
                + "the rest differ only among tied scores; largest score difference %.2e (relative)%n", queries, EVAL_CASES.size(), sameOrder, maxScoreDiff);
        assertTrue(queries >= 100, "both search sets' queries, both sorts");
    }

    /** The same pages with the same citation, snippet and flags; in the same order except within runs of tied scores. */
    static void assertSameHits(List<SearchHit> a, List<SearchHit> b, String what) {
        assertEquals(key(a).size(), key(b).size(), what + ": hits " + key(a) + " vs " + key(b));
        for (int i = 0; i < a.size(); i++) {
            SearchHit x = a.get(i);
            SearchHit y = b.stream().filter(h -> h.document().equals(x.document()) && h.page() == x.page()).findFirst().orElse(null);
            if (y == null) {
                // a page at the end of the list may give way to another with the same score
                assertTrue(i > 0 && relative(x.score(), a.get(a.size() - 1).score()) < 1e-5, what + ": " + x.document() + "#" + x.page() + " missing; " + key(a) + " vs " + key(b));
                continue;
            }
            assertEquals(x.bates(), y.bates(), what);
            assertEquals(x.type(), y.type(), what);
            assertEquals(x.date(), y.date(), what);
            assertEquals(x.ocr(), y.ocr(), what);
            assertEquals(x.partial(), y.partial(), what);
            assertEquals(x.ocrConfidence(), y.ocrConfidence(), what);
            assertEquals(x.snippet(), y.snippet(), what + ": snippet of " + x.document() + "#" + x.page());
            assertTrue(relative(x.score(), y.score()) < 1e-4, what + ": score " + x.score() + " vs " + y.score());
            // the same position, or a position among pages of the same score
            int j = b.indexOf(y);
            if (j != i) {
                assertTrue(relative(x.score(), a.get(Math.min(j, a.size() - 1)).score()) < 1e-5 || x.score() == b.get(i).score(),
                        what + ": " + x.document() + "#" + x.page() + " at " + i + " vs " + j + "; " + key(a) + " vs " + key(b));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String k : key(b)) assertTrue(seen.add(k), what + ": " + k + " twice");
    }

    static List<String> key(List<SearchHit> hits) {
        return hits.stream().map(h -> h.document() + "#" + h.page() + (h.partial() ? "~" : "")).toList();
    }

    static float scoreOf(List<SearchHit> hits, SearchHit like) {
        return hits.stream().filter(h -> h.document().equals(like.document()) && h.page() == like.page()).map(SearchHit::score).findFirst().orElse(like.score());
    }

    static double relative(float a, float b) {
        return Math.abs(a - b) / Math.max(1e-6, Math.max(Math.abs(a), Math.abs(b)));
    }

    @Test
    void migrateMovesACaseToSolrAndBackAndItAnswersAsBefore() throws Exception {
        String id = "migrated";
        Path folder = ROOT.resolve("routes/src/test/resources/search-eval/cases").resolve(EVAL_CASES.get(0));
        CaseStore store = new CaseStore(tmp.resolve("moving")).withSolr(target);
        new CaseService(new CaseStore(tmp.resolve("moving"))).ingest(folder, id, true);
        SearchResult before;
        String report;
        try (DiscoveryIndex i = store.open(id)) {
            before = i.search("report", 0, 10);
            report = i.analysis().orElseThrow();
        }
        CaseMigration.Result r = CaseMigration.migrate(store, id, "solr");
        assertTrue(store.onSolr(id) && r.documents() > 0 && r.pages() >= r.documents() && r.analysis());
        assertFalse(Files.exists(store.caseDir(id).resolve("index")), "the embedded index is set aside");
        try (DiscoveryIndex i = store.open(id)) {
            assertTrue(i instanceof SolrDiscoveryIndex);
            assertEquals(key(before.hits()), key(i.search("report", 0, 10).hits()));
            assertEquals(report, i.analysis().orElseThrow());
        }
        // a command for an embedded case does not quietly create a second, empty one on Solr
        assertEquals(List.of(id), store.cases().stream().filter(c -> c.equals(id)).toList());
        CaseMigration.migrate(store, id, "embedded");
        assertFalse(store.onSolr(id));
        try (DiscoveryIndex i = store.open(id)) {
            assertFalse(i instanceof SolrDiscoveryIndex);
            assertEquals(key(before.hits()), key(i.search("report", 0, 10).hits()));
            assertEquals(r.records(), i.records().size());
        }
        try (SolrDiscoveryIndex gone = target.open(id)) {
            assertEquals(0, gone.size(), "the case left the collection");
        }
    }
}
