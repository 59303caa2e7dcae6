package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.Json;
import dev.leverage.routes.CaseService;
import dev.leverage.routes.CaseStore;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reports for the format tests: the demo case's real report (the whole pipeline, run once per test JVM) and a
 * hand-written report full of hostile text (markup, CDATA ends, pipes, emoji, Cyrillic, CJK, NUL and other control
 * characters, unpaired surrogates, bidi overrides, an unbreakable 300-character token).
 */
final class ReportFixtures {
    static final Path ROOT = Path.of(System.getProperty("leverage.root", "..")).toAbsolutePath().normalize();
    static final Path DEMO = ROOT.resolve("examples/cases/25-003117");

    /** Hostile strings, each of which must come through every format as text. */
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String CDATA_END = "]]>";
    static final String CYRILLIC = "Дмитрий Иванов";
    static final String ACCENTED = "José Núñez-Zoë";
    static final String CURLY = "“quoted” and ‘single’";
    static final String EMOJI = "\uD83D\uDE00"; // U+1F600
    static final String CJK = "中文";
    static final String PIPE_NAME = "O'Brien | <Sean> & Co";
    static final String LONG_TOKEN = "X".repeat(300);

    private static JsonNode demo;

    private ReportFixtures() {
    }

    /** The demo case's report, from the same pipeline the CLI runs (ingested once per JVM). */
    static synchronized JsonNode demo() throws Exception {
        if (demo == null) {
            Path data = Files.createTempDirectory("leverage-report-formats");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(data)));
            demo = new CaseService(new CaseStore(data)).ingest(DEMO, "25-003117", true).report();
        }
        return demo;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is not a test failure
        }
    }

    /** A report in the schema's shape whose every text field is hostile. */
    static ObjectNode hostile() {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("case", "25-<b>&amp;\"'\\|</b>" + EMOJI);
        r.put("generated", "2025-04-01T09:00:00Z");
        ArrayNode docs = r.putArray("documents");
        doc(docs, "a|b<c>&d.pdf", "police_report", "indexed", null, "ARV-<1>", "ARV-|2");
        doc(docs, "scans/" + CYRILLIC + ".pdf", "other", "indexed", null, null, null);
        doc(docs, "bad | file <x>.pdf", "other", "quarantined", "truncated | <b>corrupt</b> & " + CDATA_END + " \u0000", null, null);
        doc(docs, "Copy of a|b.pdf", "other", "duplicate", "Same content as a|b<c>&d.pdf.", null, null);

        ArrayNode findings = r.putArray("findings");
        ObjectNode f1 = finding(findings, "f-1<", "high", SCRIPT + " & " + CDATA_END + " | pipe " + EMOJI,
                "# Not a heading\n- not a list\r\n<img src=x onerror=alert(1)> NUL:\u0000 BEL:\u0007 ESC:\u001b lone:\uD800 end "
                        + EMOJI + " \uD83D\uDC4D\uD83C\uDFFD " + CYRILLIC + "; " + ACCENTED + "; " + CURLY + "; " + CJK + "; עברית \u202Eevil\u202C; "
                        + LONG_TOKEN,
                "[click](javascript:alert(1)) **bold** `code` ~~strike~~ &copy; &#60;");
        cite(f1, "a|b<c>&d.pdf", 1, "ARV-<1>", "He said \"stop\" | then " + CDATA_END + " " + SCRIPT + " & left " + EMOJI);
        cite(f1, "scans/" + CYRILLIC + ".pdf", 2, null, CYRILLIC + " said " + CURLY + " \u0000\u0001 " + CJK);
        ObjectNode f2 = finding(findings, "f-2", "medium", "1. Looks like a list item #", "1) starts like a list; > and like a quote", null);
        cite(f2, "a|b<c>&d.pdf", 3, "ARV-|2", "Plain quote with a | pipe and a \\ backslash and *stars* and _under_score_.");
        ObjectNode f3 = finding(findings, "f-3", "low", "Low one: " + ACCENTED, "+ plus start", "Ask.");
        cite(f3, "a|b<c>&d.pdf", 1, "ARV-<1>", "Low quote " + CURLY);
        ObjectNode f4 = finding(findings, "f-4", "urgent<", "Odd severity " + CJK, "= equals start", null);
        cite(f4, "a|b<c>&d.pdf", 1, null, "Odd quote");

        ArrayNode timeline = r.putArray("timeline");
        ObjectNode t1 = timeline.addObject();
        t1.put("time", "2025-03-14T23:47:12");
        t1.put("approximate", false);
        t1.put("event", "stop_<initiated>|");
        t1.put("actor", PIPE_NAME);
        t1.put("document", "a|b<c>&d.pdf");
        t1.put("page", 1);
        t1.put("quote", "Time quote " + SCRIPT);
        ArrayNode sources = t1.putArray("sources");
        ObjectNode s1 = sources.addObject();
        s1.put("time", "2025-03-14T23:47:00");
        s1.put("approximate", true);
        s1.put("document", "a|b<c>&d.pdf");
        s1.put("page", 1);
        s1.put("bates", "ARV-<1>");
        s1.put("quote", "Telling one | " + CDATA_END + " " + CYRILLIC);
        ObjectNode s2 = sources.addObject();
        s2.put("time", "2025-03-14T23:47:12");
        s2.put("approximate", false);
        s2.put("document", "scans/" + CYRILLIC + ".pdf");
        s2.put("page", 2);
        s2.put("quote", "Telling two " + EMOJI + " \u0000");
        t1.putArray("findings").add("f-1<").add("no-such-finding|");
        ObjectNode t2 = timeline.addObject();
        t2.put("time", "2025-03-15");
        t2.put("event", "lab_received");
        t2.putNull("actor");
        t2.put("document", "a|b<c>&d.pdf");
        t2.put("page", 2);
        t2.put("quote", "Date-only event | " + ACCENTED);

        ArrayNode chains = r.putArray("custody_chains");
        ObjectNode chain = chains.addObject();
        chain.put("item", "Item <1> | " + CYRILLIC);
        ArrayNode links = chain.putArray("links");
        ObjectNode l1 = links.addObject();
        l1.put("time", "2025-03-15T01:52:00");
        l1.put("released_by", "Dep. <Keel> | #2217");
        l1.put("received_by", PIPE_NAME);
        l1.put("purpose", "Transport | " + SCRIPT);
        l1.put("location", "Patrol unit & " + CDATA_END);
        l1.put("seal", "S-|1");
        l1.put("seal_status", "broken <x>");
        l1.put("count", 50);
        l1.put("weight_g", 41.7);
        l1.put("weight_kind", "gross|");
        l1.put("description", "50 baggies | " + EMOJI);
        l1.putArray("breaks").add("handler_mismatch").add("unaccounted|interval");
        l1.putArray("citations").add(citation("a|b<c>&d.pdf", 1, "ARV-<1>", "Log row | " + SCRIPT));
        ObjectNode l2 = links.addObject();
        l2.putNull("time");
        l2.putNull("released_by");
        l2.put("received_by", ACCENTED);
        l2.putArray("breaks");
        l2.putArray("citations");

        ArrayNode people = r.putArray("people");
        ObjectNode p = people.addObject();
        p.put("name", PIPE_NAME);
        p.putArray("roles").add("officer|k9").add("<witness>");
        p.putArray("aliases").add("a|b").add("\u0000nul").add(CYRILLIC).add(EMOJI);
        p.put("badge", "#12|");
        p.put("mentions", 3);
        ObjectNode p2 = people.addObject();
        p2.put("name", ACCENTED);
        p2.putArray("roles");
        p2.putArray("aliases");
        p2.putNull("badge");
        p2.put("mentions", 1);
        return r;
    }

    private static void doc(ArrayNode docs, String path, String type, String status, String reason, String first, String last) {
        ObjectNode d = docs.addObject();
        d.put("id", "id-" + docs.size());
        d.put("path", path);
        d.put("sha256", "0".repeat(64));
        d.put("type", type);
        d.put("pages", 3);
        if (first == null) d.putNull("bates");
        else d.putObject("bates").put("first", first).put("last", last);
        d.put("status", status);
        if (reason != null) d.put("reason", reason);
    }

    private static ObjectNode finding(ArrayNode findings, String id, String severity, String title, String explanation, String action) {
        ObjectNode f = findings.addObject();
        f.put("id", id);
        f.put("type", "custody_gap");
        f.put("kind", "handler_mismatch|<k>");
        f.put("severity", severity);
        f.put("title", title);
        f.put("explanation", explanation);
        if (action != null) f.put("suggested_action", action);
        f.putObject("facts");
        f.putArray("citations");
        return f;
    }

    private static void cite(ObjectNode finding, String document, int page, String bates, String quote) {
        ((ArrayNode) finding.get("citations")).add(citation(document, page, bates, quote));
    }

    private static ObjectNode citation(String document, int page, String bates, String quote) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("document", document);
        c.put("page", page);
        if (bates == null) c.putNull("bates");
        else c.put("bates", bates);
        c.put("quote", quote);
        return c;
    }

    /** The text of each page of a PDF, in order. */
    static Map<Integer, String> pageTexts(PDDocument pdf) throws IOException {
        Map<Integer, String> out = new LinkedHashMap<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            out.put(i, stripper.getText(pdf));
        }
        return out;
    }

    /** Every font used on any page (and in any form XObject on it), by name, with whether it is embedded. */
    static Map<String, Boolean> fonts(PDDocument pdf) throws IOException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (PDPage page : pdf.getPages()) collectFonts(page.getResources(), out, 0);
        return out;
    }

    private static void collectFonts(PDResources res, Map<String, Boolean> out, int depth) throws IOException {
        if (res == null || depth > 10) return;
        for (COSName name : res.getFontNames()) {
            PDFont font = res.getFont(name);
            out.merge(font.getName(), font.isEmbedded(), Boolean::logicalAnd);
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) collectFonts(form.getResources(), out, depth + 1);
        }
    }

    /** The right-most edge of any character drawn on any page, in points from the page's left edge. */
    static float rightmostGlyph(PDDocument pdf) throws IOException {
        float[] max = {0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                max[0] = Math.max(max[0], text.getXDirAdj() + text.getWidthDirAdj());
            }
        };
        stripper.getText(pdf);
        return max[0];
    }

    /** Text with every whitespace character removed: line wrapping in a PDF puts breaks anywhere. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
