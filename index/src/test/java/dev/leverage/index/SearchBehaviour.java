package dev.leverage.index;

import dev.leverage.extract.Citation;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Mention;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link DiscoveryIndex} must have, run against each backend (the embedded Lucene index and
 * SolrCloud): the query language and the search results over a small hand-written case, and the store of records,
 * facts, pages and analysis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchBehaviour {
    @TempDir
    static Path dir;
    DiscoveryIndex index;

    /** A new, empty index of one case. */
    abstract DiscoveryIndex open(Path dir, String caseId) throws Exception;

    @BeforeAll
    void build() throws Exception {
        index = open(dir, "case-a");
        fill(index);
    }

    /** The hand-written case. */
    static void fill(DiscoveryIndex index) throws Exception {
        add(index, "report.pdf", "police_report", List.of(
                "INCIDENT REPORT\nOn 06/02/2024 at 2214 hrs Ofc. Dana Whitcomb #3318 stopped a gray Honda.\nThe driver, Luis Whitcomb, consented to a search.\nMCPD-000101",
                "Ofc. Whitcomb requested a K-9 unit. The dog sniffed the vehicle and alerted at the trunk.\nSeal No. TCRCL-0412-A applied.\nMCPD-000102"),
                List.of(person("Ofc. Dana Whitcomb", "3318", 1), person("Luis Whitcomb", null, 1), person("Ofc. Whitcomb", null, 2)),
                List.of(event("stop_initiated", "2024-06-02T22:14", 1)));
        add(index, "k9.docx", "k9_report", List.of(
                "K9 DEPLOYMENT REPORT\nHandler Cpl. Ana Ruiz #5120 deployed K9 Rex. Rex began the sniff at 2231 hrs and gave a final response.\nMCPD-000103"),
                List.of(person("Cpl. Ana Ruiz", "5120", 1)),
                List.of(event("k9_sniff", "2024-06-02T22:31", 1)));
        add(index, "lab.pdf", "lab_report", List.of(
                "DRUG CHEMISTRY REPORT Lab No. CL24-0871\nItem 1.1: 4 of 50 baggies analyzed; cocaine base identified. Net weight 30.0 g.\nMCPD-000104",
                "Analyst: Forensic Chemist P. Nguyen\nItem resealed with seal TCRCL-0412-A.\nMCPD-000105"),
                List.of(person("Forensic Chemist P. Nguyen", null, 2)),
                List.of(event("lab_analyzed", "2024-06-20T09:00", 1)));
        add(index, "tow_scanned.pdf", "tow_inventory", List.of(
                "T0W INVENT0RY SHEET\nC0CAINE residue n0ted on rear seat. Dr1ver: Whitcomb Towing\nMCPD-000106"),
                List.of(), List.of());
        index.commit();
    }

    @AfterAll
    void close() throws Exception {
        index.close();
    }

    private static void add(DiscoveryIndex index, String path, String type, List<String> pages, List<Mention> mentions, List<TimedEvent> events) throws Exception {
        List<Page> ps = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String t = pages.get(i);
            ps.add(new Page(i + 1, t, t.substring(t.lastIndexOf('\n') + 1), path.contains("scanned"), List.of()));
        }
        Document d = new Document("id-" + path, path, "sha-" + path, type, "application/pdf", Map.of(), ps, null);
        List<Mention> ms = mentions.stream().map(m -> new Mention(m.type(), m.text(), m.value(), m.role(), m.badge(),
                new Citation(path, m.source().page(), null, m.source().quote()), 0, 0, "rule")).toList();
        List<TimedEvent> es = events.stream().map(e -> new TimedEvent(e.event(), e.time(), false, null, "narrative",
                new Citation(path, e.citation().page(), null, "q"))).toList();
        index.add(d, new DocumentFacts(d.id(), path, type, null, ms, es, List.of(), List.of(), "test"),
                new FileRecord(path, d.sha256(), FileRecord.INDEXED, null, d.id(), type, pages.size(), null, null, false));
    }

    private static Mention person(String text, String badge, int page) {
        return new Mention("person", text, text, text.startsWith("Ofc") || text.startsWith("Cpl") ? "officer" : null, badge,
                new Citation("x", page, null, text), 0, 0, "rule");
    }

    private static TimedEvent event(String kind, String time, int page) {
        return new TimedEvent(kind, LocalDateTime.parse(time), false, null, "narrative", new Citation("x", page, null, "q"));
    }

    /** The pages that match the search (not the pages shown after them for some of the words). */
    private List<String> pages(String q) throws Exception {
        return index.search(q, 0, 50).hits().stream().filter(h -> !h.partial()).map(h -> h.document() + "#" + h.page()).toList();
    }

    @Test
    void wordsMustAllMatchAndStemsFindOtherForms() throws Exception {
        assertEquals(List.of("report.pdf#2"), pages("dog trunk"));
        // "sniff" finds "sniffed" (report) and "sniff" (K9 report)
        assertEquals(2, pages("sniff").size());
        assertEquals(List.of("report.pdf#1"), pages("consent"));
    }

    @Test
    void wordsTypedWithoutOperatorsFindPagesWithMostOfThem() throws Exception {
        // three words, no operator: two of them are enough; of four, three
        assertTrue(pages("dog trunk Rex").containsAll(List.of("report.pdf#2", "k9.docx#1")));
        assertEquals(List.of("report.pdf#2"), pages("dog alerted trunk Rex"));
        // AND asks for every word
        assertEquals(List.of(), pages("dog AND trunk AND Rex"));
    }

    @Test
    void pagesWithSomeOfTheWordsComeAfterAndSaySo() throws Exception {
        List<SearchHit> hits = index.search("dog trunk", 0, 10).hits();
        assertEquals("report.pdf#2", hits.get(0).document() + "#" + hits.get(0).page());
        assertTrue(!hits.get(0).partial());
        assertTrue(hits.stream().skip(1).allMatch(SearchHit::partial) && hits.size() > 1, hits.toString());
        // an explicit AND or a phrase asks for exactly that
        assertTrue(index.search("dog AND trunk", 0, 10).hits().stream().noneMatch(SearchHit::partial));
        assertTrue(index.search("\"dog trunk\"", 0, 10).hits().isEmpty());
    }

    @Test
    void policeSynonymsWidenTheSearchNotTheIndex() throws Exception {
        assertEquals(pages("K9").stream().sorted().toList(), pages("canine").stream().sorted().toList());
        assertTrue(pages("dog").contains("k9.docx#1"));
    }

    @Test
    void k9IsOneWordHoweverWritten() throws Exception {
        assertTrue(pages("K9").containsAll(List.of("report.pdf#2", "k9.docx#1")), pages("K9").toString());
        assertEquals(pages("K9"), pages("K-9"));
    }

    @Test
    void phrasesAndProximity() throws Exception {
        assertEquals(List.of("report.pdf#2"), pages("\"dog sniffed the vehicle\""));
        assertEquals(List.of(), pages("\"vehicle sniffed\""));
        assertEquals(List.of("report.pdf#2"), pages("\"vehicle dog\"~6"));
        assertEquals(List.of("report.pdf#2"), pages("dog w/5 alerted"));
        assertEquals(List.of(), pages("dog w/2 trunk"));
        assertEquals(List.of("report.pdf#2"), pages("dog pre/5 vehicle"));
        assertEquals(List.of(), pages("vehicle pre/5 dog"));
        assertEquals(List.of("report.pdf#2"), pages("(dog OR canine) w/3 sniffed"));
    }

    @Test
    void booleansAndNegation() throws Exception {
        assertEquals(List.of("report.pdf#2"), pages("sniff NOT Rex"));
        assertEquals(List.of("report.pdf#2"), pages("sniff -Rex"));
        assertEquals(2, pages("consented OR Rex").size());
        assertTrue(pages("NOT sniff").contains("lab.pdf#1"));
        assertTrue(!pages("NOT sniff").contains("k9.docx#1"));
    }

    @Test
    void identifiersWildcardsAndFuzzyTerms() throws Exception {
        assertEquals(List.of("report.pdf#2", "lab.pdf#2"), pages("TCRCL-0412-A").stream().sorted((a, b) -> b.compareTo(a)).toList());
        assertEquals(2, pages("TCRCL-04*").size());
        assertEquals(List.of("lab.pdf#1"), pages("CL24-0871"));
        assertEquals(List.of("lab.pdf#1"), pages("bagg?es"));
        assertEquals(List.of("report.pdf#1"), pages("3318"));
        // the scanned page says C0CAINE and Dr1ver: OCR's digits for letters are read as letters too
        assertEquals(List.of("lab.pdf#1", "tow_scanned.pdf#1"), pages("cocaine").stream().sorted().toList());
        assertEquals(List.of("tow_scanned.pdf#1"), pages("\"residue noted\"~1"));
        // a long word also finds its near spellings, below the exact pages; a quoted word does not
        assertEquals(List.of("k9.docx#1", "report.pdf#2"), pages("sniffd").stream().sorted().toList());
        assertEquals(List.of(), pages("\"sniffd\""));
        assertTrue(pages("cocaine~").contains("tow_scanned.pdf#1"));
        assertEquals(List.of("report.pdf#2"), pages("sniff NOT k9docx NOT Rex"));
    }

    @Test
    void filters() throws Exception {
        assertEquals(List.of("lab.pdf#2"), pages("type:lab_report seal"));
        assertEquals(List.of("lab.pdf#2"), pages("bates:MCPD-000105"));
        assertEquals(3, pages("bates:[MCPD-000101 TO MCPD-000103]").size());
        assertEquals(List.of("k9.docx#1", "report.pdf#1", "report.pdf#2"), pages("date:2024-06-02").stream().sorted().toList());
        assertEquals(List.of("lab.pdf#1", "lab.pdf#2"), pages("date:[2024-06-10 TO 2024-06-30]").stream().sorted().toList());
        assertEquals(List.of("k9.docx#1"), pages("document:k9"));
    }

    @Test
    void personFilterFollowsTheRegistryNotTheLetters() throws Exception {
        // "Whitcomb" names two people (the officer and the driver); the badge names only the officer,
        // and "Whitcomb Towing" on the scanned sheet is no person mention at all.
        assertEquals(List.of("report.pdf#1", "report.pdf#2"), pages("person:Whitcomb").stream().sorted().toList());
        assertEquals(List.of("report.pdf#1", "report.pdf#2"), pages("person:3318").stream().sorted().toList());
        assertEquals(List.of("report.pdf#1"), pages("person:\"Luis Whitcomb\""));
        assertEquals(List.of(), pages("person:Nobody"));
        SearchHit h = index.search("person:Ruiz", 0, 5).hits().get(0);
        assertTrue(h.snippet().contains("«Cpl. Ana Ruiz»"), h.snippet());
    }

    @Test
    void aBatesNumberAloneOpensItsPage() throws Exception {
        SearchResult r = index.search("MCPD-000104", 0, 10);
        assertNotNull(r.jump());
        assertEquals("lab.pdf", r.jump().document());
        assertEquals(1, r.jump().page());
        assertNull(index.search("cocaine", 0, 10).jump());
    }

    @Test
    void hitsCarryCitationSnippetFacetsAndPage() throws Exception {
        SearchResult r = index.search("seal", 0, 1);
        assertEquals(2, r.total());
        assertEquals(1, r.hits().size());
        SearchHit h = r.hits().get(0);
        assertNotNull(h.bates());
        assertTrue(h.snippet().contains("«Seal»") || h.snippet().contains("«seal»"), h.snippet());
        assertEquals(Map.of("police_report", 1L, "lab_report", 1L), r.facets().get("type"));
        assertEquals(Map.of("2024-06", 2L), r.facets().get("date"));
        assertTrue(r.facets().get("person").keySet().stream().anyMatch(k -> k.contains("Nguyen")), r.facets().toString());
        SearchResult second = index.search("seal", 1, 1);
        assertEquals(1, second.hits().size());
        assertTrue(!second.hits().get(0).document().equals(h.document()) || second.hits().get(0).page() != h.page());
        assertTrue(index.search("cocaine~", 0, 10).hits().stream().anyMatch(SearchHit::ocr));
    }

    @Test
    void sortByDatePutsEarliestEventsFirstAndUndatedLast() throws Exception {
        List<SearchHit> hits = index.search(new SearchRequest("seal OR Rex OR C0CAINE", 0, 10, SearchRequest.Sort.DATE)).hits();
        assertEquals(List.of("k9.docx", "report.pdf", "lab.pdf", "tow_scanned.pdf"), hits.stream().map(SearchHit::document).toList());
        assertEquals("2024-06-02", hits.get(0).date());
        assertNull(hits.get(3).date());
    }

    @Test
    void mistakesAreOneSentenceThatSaysWhatToDo() {
        for (String bad : List.of("", "\"unclosed", "(dog OR", "dog)", "dog AND", "OR dog", "w/5 dog", "dog w/5", "type:labreport",
                "date:yesterday", "date:[2024-01-01 2024-02-01]", "(dog NOT cat) w/5 sniff", "*", "type:lab_report w/3 seal")) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> index.search(bad, 0, 10), bad);
            assertTrue(e.getMessage().endsWith(".") && !e.getMessage().contains("Exception") && e.getMessage().split("\\. ").length <= 1,
                    bad + " -> " + e.getMessage());
        }
    }

    @Test
    void anotherCaseInTheSameBackendIsNeverSeen() throws Exception {
        try (DiscoveryIndex other = open(dir, "case-b")) {
            add(other, "zebra.pdf", "police_report", List.of("Ofc. Zed Quill saw a zebra near the seal.\nOTH-000001"),
                    List.of(person("Ofc. Zed Quill", "77", 1)), List.of());
            other.commit();
            assertEquals(List.of("zebra.pdf#1"), other.search("zebra", 0, 10).hits().stream().map(h -> h.document() + "#" + h.page()).toList());
            assertEquals(1, other.search("seal", 0, 10).total());
            assertEquals(1, other.records().size());
            assertEquals(0, index.search("zebra", 0, 10).total());
            assertEquals(2, index.search("seal", 0, 10).total());
            assertTrue(index.findByPath("zebra.pdf").isEmpty());
            assertTrue(index.findBySha("sha-zebra.pdf").isEmpty());
            assertTrue(index.cast().lookup("Quill").isEmpty());
            assertTrue(index.records().stream().noneMatch(r -> r.path().equals("zebra.pdf")));
        }
    }

    @Test
    void recordsFactsPagesAndAnalysisAreKeptAndReplaced() throws Exception {
        try (DiscoveryIndex store = open(dir, "case-store")) {
            add(store, "a.pdf", "police_report", List.of("First page.\nS-000001", "Second page.\nS-000002"), List.of(person("Ofc. Ada Kim", "9", 2)), List.of());
            store.addRecord(new FileRecord("b.pdf", "sha-a.pdf", FileRecord.DUPLICATE, "Same content as a.pdf.", null, null, 0, null, null, false));
            store.addRecord(new FileRecord("c.pdf", "sha-c", FileRecord.QUARANTINED, "The file is empty; ask for it again.", null, null, 0, null, null, false));
            store.commit();
            assertEquals(List.of("a.pdf", "b.pdf", "c.pdf"), store.records().stream().map(FileRecord::path).toList());
            assertEquals("a.pdf", store.findBySha("sha-a.pdf").orElseThrow().path(), "only an indexed file is the original of a duplicate");
            assertTrue(store.findBySha("sha-c").isEmpty());
            assertEquals(2, store.findByPath("a.pdf").orElseThrow().pages());
            assertEquals("a.pdf", store.facts("id-a.pdf").orElseThrow().path());
            assertTrue(store.facts("id-nothing").isEmpty());
            assertEquals(1, store.facts().size());
            assertEquals("S-000002", store.page("a.pdf", 2).orElseThrow().bates());
            assertTrue(store.page("a.pdf", 3).isEmpty());
            assertEquals(List.of(1, 2), store.pages("a.pdf").stream().map(Page::number).toList());
            assertEquals("Second page.\nS-000002", store.pages("a.pdf").get(1).text());
            // a quarantined file read again and indexed ends with one record
            add(store, "c.pdf", "police_report", List.of("Now readable.\nS-000003"), List.of(), List.of());
            store.commit();
            assertEquals(3, store.records().size());
            assertEquals(FileRecord.INDEXED, store.findByPath("c.pdf").orElseThrow().status());
            assertTrue(store.analysis().isEmpty());
            store.putAnalysis("{\"case\":\"one\"}");
            store.putAnalysis("{\"case\":\"two\"}");
            store.commit();
            assertEquals("{\"case\":\"two\"}", store.analysis().orElseThrow());
            assertEquals(1, store.cast().lookup("Kim").size());
            assertEquals(List.of("a.pdf#2"), store.search("person:Kim", 0, 10).hits().stream().map(h -> h.document() + "#" + h.page()).toList());
        }
    }

    @Test
    void totalsAreExactBeyondAThousandPages() throws Exception {
        try (DiscoveryIndex many = open(dir, "case-many")) {
            List<String> pages = new ArrayList<>();
            // pages of different lengths score differently, so a search can skip the weaker ones once it has ten
            for (int i = 1; i <= 1_200; i++) {
                pages.add("Property receipt line " + i + ": one baggie logged" + " and sealed".repeat(i % 9) + ".\nMNY-" + String.format("%06d", i));
            }
            add(many, "receipts.pdf", "property_receipt", pages, List.of(), List.of());
            many.commit();
            assertEquals(1_200, many.search("baggie", 0, 10).total());
            assertEquals(1_200, many.search(new SearchRequest("baggie", 0, 10, SearchRequest.Sort.DATE)).total());
            assertEquals(1_051, many.search("bates:[MNY-000100 TO MNY-001150]", 0, 10).total());
            assertEquals(1_200, many.pages("receipts.pdf").size());
        }
    }
}
