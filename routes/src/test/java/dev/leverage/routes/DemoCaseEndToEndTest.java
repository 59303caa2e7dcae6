package dev.leverage.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.Json;
import dev.leverage.index.SearchHit;
import dev.leverage.index.SearchResult;
import dev.leverage.ingest.Page;
import dev.leverage.routes.cli.LeverageCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline over the demo case, through the Camel route, Tika, the OpenNLP extractors, the Lucene index
 * and the report: the planted findings with their citations (each quote found verbatim on the cited page), the
 * ingest counts, a second run that indexes nothing, a witness query for the K9 handler, a search hit on the
 * scanned (OCR) page, and a report that validates against the shared JSON schema.
 */
class DemoCaseEndToEndTest {
    static final String CASE = "25-003117";
    static final Path ROOT = Path.of(System.getProperty("leverage.root", "..")).toAbsolutePath().normalize();
    static final Path SHARED = Path.of(System.getProperty("leverage.shared", ROOT.resolve("../shared").toString()));
    static final Path DEMO = ROOT.resolve("examples/cases/" + CASE);

    @TempDir
    static Path data;
    static CaseService.Outcome first;
    static CaseService.Outcome second;
    static JsonNode report;

    @BeforeAll
    static void ingestTwice() throws Exception {
        CaseService service = new CaseService(new CaseStore(data));
        first = service.ingest(DEMO, CASE, true);
        report = first.report();
        second = service.ingest(DEMO, CASE, true);
    }

    @Test
    void countsAddUpAndTheSecondRunIndexesNothing() throws Exception {
        long files;
        try (Stream<Path> s = Files.walk(DEMO)) {
            files = s.filter(Files::isRegularFile).count();
        }
        IngestRun run = first.run();
        assertEquals(files, run.found(), run.summary());
        assertEquals(11, run.indexed(), run.summary());
        assertEquals(1, run.embedded(), "the e-mail's PDF attachment is a document of its own: " + run.summary());
        assertEquals(1, run.duplicates(), run.summary());
        assertEquals(1, run.quarantinedCount(), run.summary());
        assertEquals(run.found(), run.indexed() + run.duplicates() + run.quarantinedCount(), run.summary());

        IngestRun again = second.run();
        assertEquals(files, again.found(), again.summary());
        assertEquals(0, again.indexed(), again.summary());
        assertEquals(again.found(), again.unchangedCount(), again.summary());

        JsonNode quarantined = docs("quarantined").get(0);
        assertTrue(quarantined.path("path").asText().endsWith("12_Property_Photos_Index.pdf"));
        String reason = quarantined.path("reason").asText();
        assertTrue(reason.contains("corrupt") || reason.contains("truncated"), reason);
        assertFalse(reason.contains("Exception"), "a reason is a sentence for a person, not a stack trace: " + reason);
        assertTrue(Files.exists(data.resolve("cases/" + CASE + "/quarantine")), "the quarantined file is kept beside its reason");
        assertTrue(docs("duplicate").get(0).path("path").asText().contains("Copy of 03_Written_Warning"));
        assertEquals(12, docs("indexed").size(), "11 files and 1 attachment are indexed");
    }

    @Test
    void reportValidatesAgainstTheSharedSchema() throws Exception {
        // The schema's relative $id resolves against the file it is read from; nothing is fetched.
        Path file = SHARED.resolve("report.schema.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(file.toUri(), Json.MAPPER.readTree(file.toFile()));
        Set<ValidationMessage> errors = schema.validate(report);
        assertTrue(errors.isEmpty(), errors.toString());
        JsonNode onDisk = Json.MAPPER.readTree(first.reportJson().toFile());
        assertTrue(schema.validate(onDisk).isEmpty());
        String html = Files.readString(first.reportHtml());
        assertTrue(html.contains("Rodriguez") && html.contains("ARV-000007"), "the HTML report carries the findings with their citations");
    }

    @Test
    void handlerMismatchOnItemOne() throws Exception {
        JsonNode f = finding("custody_gap", "handler_mismatch");
        assertEquals("high", f.path("severity").asText());
        assertTrue(f.path("facts").path("expected").asText().contains("Ortega"), f.toString());
        assertTrue(f.path("facts").path("observed").asText().contains("Keel"), f.toString());
        assertCitesVerbatim(f, "05_Property_Evidence_Custody_Log.xlsx");
    }

    @Test
    void overnightUnaccountedInterval() throws Exception {
        JsonNode f = finding("custody_gap", "unaccounted_interval");
        assertTrue(f.path("facts").path("gap_minutes").asInt() >= 12 * 60, f.toString());
        assertTrue(f.path("facts").path("from").asText().startsWith("2025-03-15T01:52"), f.toString());
        assertCitesVerbatim(f, "05_Property_Evidence_Custody_Log.xlsx");
    }

    @Test
    void eachItemsChainIsInTheReportWithItsBreaksMarked() throws Exception {
        JsonNode item1 = null;
        for (JsonNode c : report.path("custody_chains")) if (c.path("item").asText().equals("Item 1")) item1 = c;
        assertNotNull(item1, "Item 1's chain");
        List<String> handlers = new ArrayList<>();
        Set<String> breaks = new HashSet<>();
        for (JsonNode l : item1.path("links")) {
            handlers.add(l.path("received_by").asText());
            l.path("breaks").forEach(b -> breaks.add(b.asText()));
        }
        assertTrue(handlers.stream().anyMatch(h -> h.contains("Ortega")) && handlers.stream().anyMatch(h -> h.contains("Brandt")), handlers.toString());
        assertTrue(breaks.contains("handler_mismatch") && breaks.contains("unaccounted_interval"), breaks.toString());
        JsonNode mismatch = finding("custody_gap", "handler_mismatch").path("facts");
        for (String field : List.of("item", "from", "to", "expected", "observed")) assertFalse(mismatch.path(field).asText().isBlank(), field + " in " + mismatch);
        String html = Files.readString(first.reportHtml());
        assertTrue(html.contains("Chain of custody") && html.contains("class=\"break\""), "the HTML shows the chain with the break marked");
    }

    @Test
    void oneChronologyWithEveryDocumentsTimeForEachEvent() throws Exception {
        JsonNode arrival = null;
        String last = "";
        for (JsonNode t : report.path("timeline")) {
            assertTrue(t.path("time").asText().compareTo(last) >= 0, "in time order: " + last + " then " + t.path("time").asText());
            last = t.path("time").asText();
            if (t.path("event").asText().equals("k9_arrived")) arrival = t;
        }
        assertNotNull(arrival, "the K9 arrival is one event of the chronology");
        Set<String> docs = new HashSet<>();
        arrival.path("sources").forEach(s -> docs.add(s.path("document").asText()));
        assertEquals(Set.of("01_Incident_Report_25-003117.pdf", "02_CAD_Incident_Chronology_25-003117.csv", "04_K9_Deployment_Report_Keel.docx"), docs,
                "narrative ~0006, K9 report 0014 and CAD 00:14:33 are one event with three sourced times");
        assertEquals("02_CAD_Incident_Chronology_25-003117.csv", arrival.path("document").asText(), "placed by the CAD's clock");
        assertFalse(arrival.path("findings").isEmpty(), "marked with the conflict it rests under");
        String html = Files.readString(first.reportHtml());
        assertTrue(html.contains("<svg") && html.contains("⚠ k9_arrived"), "the drawn timeline marks the conflicting event");
    }

    @Test
    void samplingExtrapolationBelowTheThreshold() throws Exception {
        JsonNode f = finding("sampling_extrapolation", null);
        JsonNode facts = f.path("facts");
        assertEquals(50, facts.path("units_total").asInt());
        assertEquals(4, facts.path("units_tested").asInt());
        assertTrue(facts.path("reported_total_weight_g").asDouble() >= 28.0, facts.toString());
        assertTrue(facts.path("threshold").path("point_estimate_crosses").asBoolean(), facts.toString());
        assertFalse(facts.path("threshold").path("lower_bound_crosses").asBoolean(), facts.toString());
        assertTrue(facts.path("min_positive_units").asInt() < 50, "4 of 50 cannot prove every unit positive");
        assertCitesVerbatim(f, "07_Lab_Report_CL25-0412.pdf");
        for (JsonNode c : f.path("citations")) assertTrue(c.path("bates").asText().startsWith("ARV-"), c.toString());
    }

    @Test
    void sniffAfterTheWrittenWarning() throws Exception {
        JsonNode f = null;
        for (JsonNode x : report.path("findings")) {
            if (x.path("kind").asText().equals("prolonged_detention") && x.path("facts").path("act").asText().equals("k9_sniff")) f = x;
        }
        assertNotNull(f, "the Rodriguez finding");
        assertEquals("timeline_inconsistency", f.path("type").asText());
        assertEquals(2, f.path("facts").path("events").size(), "the warning and the sniff, each with its time and source");
        assertEquals("high", f.path("severity").asText());
        double minutes = f.path("facts").path("delta_minutes").asDouble();
        assertTrue(minutes >= 6 && minutes <= 8, "warning at 00:11, sniff at 00:18: " + minutes);
        assertCitesVerbatim(f, null);
    }

    @Test
    void k9ArrivalWrittenDifferentlyAcrossDocuments() throws Exception {
        JsonNode f = null;
        for (JsonNode x : report.path("findings")) {
            if (x.path("kind").asText().equals("conflicting_times") && x.path("facts").path("event").asText().equals("k9_arrived")) f = x;
        }
        assertNotNull(f, "narrative ~0006 against K9 report 0014 and CAD 00:14:33");
        Set<String> docs = new HashSet<>();
        f.path("citations").forEach(c -> docs.add(c.path("document").asText()));
        assertTrue(docs.contains("01_Incident_Report_25-003117.pdf"), docs.toString());
        assertTrue(docs.contains("02_CAD_Incident_Chronology_25-003117.csv") || docs.contains("04_K9_Deployment_Report_Keel.docx"), docs.toString());
        double delta = f.path("facts").path("delta_minutes").asDouble();
        assertTrue(delta >= 8 && delta <= 9, "0006 against 00:14:33 is 8.6 minutes: " + delta);
        assertCitesVerbatim(f, null);
    }

    @Test
    void noFindingWithoutACitation() {
        for (JsonNode f : report.path("findings")) {
            assertFalse(f.path("citations").isEmpty(), f.path("title").asText());
            for (JsonNode c : f.path("citations")) {
                assertFalse(c.path("quote").asText().isBlank(), f.path("title").asText());
                assertTrue(c.path("page").asInt() >= 1);
            }
        }
    }

    @Test
    void witnessQueryForTheK9Handler() {
        String out = cli("witness", "Keel", "--case", CASE, "--data", data.toString(), "--json");
        JsonNode all = read(out);
        List<JsonNode> people = new ArrayList<>();
        if (all.isArray()) all.forEach(people::add);
        else people.add(all);
        JsonNode handler = people.stream().filter(p -> "2217".equals(p.path("person").path("badge").asText())).findFirst().orElseThrow();
        assertTrue(handler.path("person").path("roles").toString().contains("k9_handler"), handler.path("person").toString());
        Set<String> docs = new HashSet<>();
        for (JsonNode m : handler.path("mentions")) {
            docs.add(m.path("document").asText());
            assertFalse(m.path("quote").asText().contains("Dale"), "the tow driver Dale Keel is another person: " + m);
        }
        assertTrue(docs.contains("04_K9_Deployment_Report_Keel.docx"), docs.toString());
        assertTrue(docs.contains("01_Incident_Report_25-003117.pdf"), docs.toString());
        assertTrue(docs.contains("02_CAD_Incident_Chronology_25-003117.csv"), "CAD writes him as K9-12 (KEEL): " + docs);
        assertTrue(docs.contains("05_Property_Evidence_Custody_Log.xlsx"), docs.toString());
        // Aliases: a badge number or a rank with an initial find him alone.
        for (String q : List.of("2217", "Dep. M. Keel", "Morgan Keel")) {
            JsonNode one = read(cli("witness", q, "--case", CASE, "--data", data.toString(), "--json"));
            assertFalse(one.isArray(), q + " names one person");
            assertEquals("2217", one.path("person").path("badge").asText(), q);
        }
        JsonNode dale = people.stream().filter(p -> p.path("person").path("name").asText().startsWith("Dale")).findFirst().orElseThrow();
        assertFalse(dale.path("person").path("roles").toString().contains("k9_handler"), dale.path("person").toString());
    }

    @Test
    void searchFindsTheScannedPageThroughOcr() throws Exception {
        try (DiscoveryIndex index = new CaseStore(data).open(CASE)) {
            SearchResult r = index.search("Hartwell AND impound*", 0, 20);
            SearchHit hit = r.hits().stream().filter(h -> h.document().equals("11_Tow_Inventory_Scanned.pdf")).findFirst()
                    .orElseThrow(() -> new AssertionError("no hit on the scanned page: " + r.hits()));
            Optional<Page> page = index.page(hit.document(), hit.page());
            assertTrue(page.orElseThrow().ocr(), "the tow inventory is an image-only scan: its text comes from Tesseract");
            assertTrue(hit.snippet().contains("«"), "the snippet marks the hit: " + hit.snippet());
        }
        String out = cli("search", "Hartwell", "--case", CASE, "--data", data.toString(), "--json");
        JsonNode json = read(out);
        assertTrue(json.path("total").asLong() >= 1);
        JsonNode first = json.path("hits").get(0);
        for (String field : List.of("document", "page", "bates", "score", "snippet")) assertTrue(first.has(field), field + " in " + first);
    }

    @Test
    void witnessJsonCarriesMentionsStatementsEventsAndInconsistencies() {
        JsonNode w = read(cli("witness", "Tanya Reed", "--case", CASE, "--data", data.toString(), "--json"));
        for (String field : List.of("person", "mentions", "statements", "events", "inconsistencies")) assertTrue(w.has(field), field + " in " + w);
        assertEquals("Tanya Reed", w.path("person").path("name").asText());
        JsonNode m = w.path("mentions").get(0);
        for (String field : List.of("document", "page", "bates", "role", "quote")) assertTrue(m.has(field), field + " in " + m);
        // her own line on the body camera and the narrative's account of what she said are both hers
        List<String> kinds = new ArrayList<>();
        w.path("statements").forEach(s -> kinds.add(s.path("kind").asText()));
        assertTrue(kinds.contains("transcript") && kinds.contains("reported_speech") && kinds.contains("written_statement"), kinds.toString());
        assertTrue(w.path("statements").toString().contains("did not know anything about the bag"), w.path("statements").toString());
        // a witness is not an officer because a deputy's name stands near hers
        assertFalse(w.path("person").path("roles").toString().contains("officer"), w.path("person").toString());
        String all = cli("witness", "2217", "--all-cases", "--data", data.toString());
        assertTrue(all.contains(CASE + ": Morgan Keel #2217"), all);
    }

    @Test
    void searchFiltersAndBatesJump() {
        JsonNode lab = read(cli("search", "type:lab_report", "seal", "--case", CASE, "--data", data.toString(), "--json"));
        assertTrue(lab.path("total").asLong() >= 1);
        lab.path("hits").forEach(h -> assertEquals("lab_report", h.path("type").asText()));
        assertTrue(lab.path("facets").has("person") && lab.path("facets").has("date"), lab.path("facets").toString());
        JsonNode keel = read(cli("search", "person:2217", "--case", CASE, "--data", data.toString(), "--json", "--limit", "50"));
        List<String> docs = new ArrayList<>();
        keel.path("hits").forEach(h -> docs.add(h.path("document").asText()));
        assertTrue(docs.contains("04_K9_Deployment_Report_Keel.docx"), docs.toString());
        assertFalse(docs.contains("11_Tow_Inventory_Scanned.pdf"), "Dale Keel's tow sheet is not Deputy Keel's: " + docs);
        String page = cli("search", "ARV-000004", "--case", CASE, "--data", data.toString());
        assertTrue(page.startsWith("ARV-000004 is 03_Written_Warning_W-88213.pdf page 1"), page);
        assertTrue(page.contains("WRITTEN WARNING"), page);
    }

    @Test
    void discoveryGapsCiteThePagesThatShowEachRecordExists() throws Exception {
        java.util.Map<String, JsonNode> gaps = new java.util.TreeMap<>();
        for (JsonNode f : report.path("findings")) {
            if (!"discovery_gap".equals(f.path("type").asText())) continue;
            gaps.put(f.path("kind").asText() + ":" + f.path("facts").path("key").asText(), f);
            assertCitesVerbatim(f, null);
            assertFalse(f.path("facts").path("agency").asText().isBlank(), f.toString());
        }
        // The CAD log, the narratives and Ortega's own recording put Deputy Keel and Sgt. Howell on scene; only
        // Ortega's body camera is in the production.
        assertTrue(gaps.containsKey("recording:keel") && gaps.containsKey("recording:howell"), gaps.keySet().toString());
        assertFalse(gaps.containsKey("recording:ortega"), "Ortega's transcript is produced: " + gaps.keySet());
        // The alert is relied on and no K9 record is produced; the lab tested 4 of 50 units and sent only its report.
        for (String k : List.of("k9:training", "k9:certification", "k9:field_records", "lab:bench_notes", "lab:sampling_plan", "dispatch_audio:radio")) {
            assertTrue(gaps.containsKey(k), k + " in " + gaps.keySet());
        }
        // No informant and no warrant in this case; the supplement's own number is not a citation of another document.
        assertTrue(gaps.keySet().stream().noneMatch(k -> k.startsWith("informant:") || k.startsWith("warrant:") || k.startsWith("cited_document:")), gaps.keySet().toString());
        assertTrue(dev.leverage.routes.report.HtmlReport.render(report).contains("Discovery requests"), "the HTML report has the requests section");
    }

    @Test
    void requestLetterGroupsTheMissingRecordsByAgency() throws Exception {
        String md = cli("request", "--case", CASE, "--data", data.toString());
        assertTrue(md.contains("Records held by Arvon County Sheriff's Office"), md);
        assertTrue(md.contains("Records held by Tri-County Regional Crime Laboratory"), md);
        assertTrue(md.contains("08_BodyCam_Transcript_Ortega.pdf, page 2 (ARV-000010): \u201c"), "each request quotes its basis with document, page and Bates: " + md);
        assertTrue(md.contains("[date]") && md.contains("Dear [Counsel]"), "the parts only the lawyer knows are left in brackets");
        Path docx = data.resolve("request.docx");
        String wrote = cli("request", "--case", CASE, "--data", data.toString(), "--format", "docx", "--out", docx.toString());
        assertTrue(wrote.startsWith("Wrote "), wrote);
        StringBuilder text = new StringBuilder();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            d.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
        }
        assertTrue(text.toString().contains("Records held by Tri-County Regional Crime Laboratory"), text.toString());
        assertTrue(text.toString().contains("07_Lab_Report_CL25-0412.pdf, page 1"), text.toString());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LeverageCli.execute(new String[]{"request", "--case", CASE, "--data", data.toString(), "--format", "docx"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, code);
        assertEquals("A Word letter is written to a file; add --out request.docx.", err.toString().strip());
    }

    @Test
    void errorsAreOneSentence() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LeverageCli.execute(new String[]{"search", "\"unbalanced", "--case", CASE, "--data", data.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertTrue(code != 0);
        String e = err.toString().strip();
        assertFalse(e.isEmpty());
        assertFalse(e.contains("\n") || e.contains("at dev.") || e.contains("Exception"), e);
        code = LeverageCli.execute(new String[]{"witness", "Keel", "--case", "no-such-case", "--data", data.toString()},
                new PrintWriter(out, true), new PrintWriter(err = new StringWriter(), true));
        assertTrue(code != 0);
        assertFalse(err.toString().strip().contains("\n"), err.toString());
    }

    // --- helpers

    static String cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LeverageCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return out.toString();
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static List<JsonNode> docs(String status) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : report.path("documents")) if (status.equals(d.path("status").asText())) out.add(d);
        return out;
    }

    static JsonNode finding(String type, String kind) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("type").asText().equals(type) && (kind == null || f.path("kind").asText().equals(kind))) return f;
        }
        throw new AssertionError("no " + type + "/" + kind + " finding in " + report.path("findings"));
    }

    /** Each citation's quote must be on the cited page, word for word (whitespace aside). */
    static void assertCitesVerbatim(JsonNode finding, String mustCite) throws Exception {
        boolean cited = mustCite == null;
        try (DiscoveryIndex index = new CaseStore(data).open(CASE)) {
            for (JsonNode c : finding.path("citations")) {
                String doc = c.path("document").asText();
                if (doc.equals(mustCite)) cited = true;
                Page page = index.page(doc, c.path("page").asInt()).orElseThrow(() -> new AssertionError("no page " + c));
                String text = squash(page.text());
                String quote = squash(c.path("quote").asText());
                assertTrue(text.contains(quote), "quote not on " + doc + " p." + c.path("page").asInt() + ": " + quote);
                if (page.bates() != null) assertEquals(page.bates(), c.path("bates").asText(), c.toString());
            }
        }
        assertTrue(cited, finding.path("title").asText() + " cites " + mustCite);
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
