package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * Renders a report's JSON as a printable PDF (US Letter) with openhtmltopdf: the case summary, the findings by
 * severity with every citation (document, page, Bates, verbatim quote), explanation and suggested action, each
 * item's chain of custody with the breaks marked, the timeline as a table with every document's telling of each
 * event, the people, the documents and the quarantine. The same content as {@link HtmlReport}, laid out for paper:
 * the case and a protective-order note in every page's header, "Page N of M" in the footer, and PDF bookmarks for
 * the sections.
 *
 * <p>The one font is Liberation Sans from PDFBox's own jar, embedded (subset) in the file; bold and italic are
 * drawn from it by openhtmltopdf. Nothing is read from the operating system or fetched. Discovery text is untrusted:
 * it is escaped into XHTML, characters XML cannot carry are dropped, and characters the font has no glyph for
 * (emoji, CJK, ...) are written as [U+XXXX] so that no non-embedded fallback font is ever used; the JSON, HTML and
 * Markdown reports keep the original text.
 */
public final class PdfReport {
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FAMILY = "LeverageSans";
    private static final byte[] FONT;
    /** The code points the font has a glyph for. */
    private static final BitSet GLYPHS = new BitSet();
    /** openhtmltopdf's loggers, held so their level stays set: its progress notes are not for the CLI's output. */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    static {
        for (String name : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(name, Level.WARNING);
            QUIET.add(java.util.logging.Logger.getLogger(name));
        }
        try (InputStream in = PdfReport.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("The PDF report's font " + FONT_RESOURCE + " is not on the classpath (it ships in the pdfbox jar).");
            FONT = in.readAllBytes();
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup();
                for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
                    List<Integer> codes = cmap.getCharCodes(gid);
                    if (codes != null) for (int cp : codes) if (cp >= 0x20 && cp <= Character.MAX_CODE_POINT) GLYPHS.set(cp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PDF report's font " + FONT_RESOURCE, e);
        }
    }

    private PdfReport() {
    }

    public static byte[] render(JsonNode report) {
        String xhtml = xhtml(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        List<String> problems = new ArrayList<>();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useFont(() -> new ByteArrayInputStream(FONT), FAMILY, 400, FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
            // The document refers to nothing outside itself; refuse any resource (fonts, images, CSS) all the same.
            b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            b.useDefaultPageSize(PdfRendererBuilder.PAGE_SIZE_LETTER_WIDTH, PdfRendererBuilder.PAGE_SIZE_LETTER_HEIGHT, PageSizeUnits.INCHES);
            b.withProducer("Leverage");
            b.withDiagnosticConsumer(d -> {
                if (d.getLevel().intValue() >= Level.SEVERE.intValue()) problems.add(d.getFormattedMessage());
            });
            b.withHtmlContent(xhtml, null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF report", e);
        }
        if (out.size() == 0) throw new IllegalStateException("The PDF report came out empty: " + problems);
        return out.toByteArray();
    }

    /** The XHTML the PDF is rendered from (well-formed XML, every text escaped). */
    static String xhtml(JsonNode r) {
        String caseId = text(r, "case");
        Map<String, List<JsonNode>> groups = ReportFormats.findingsBySeverity(r);
        Map<String, Integer> numbers = ReportFormats.findingNumbers(r);
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(t("Leverage report: case " + caseId)).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(t("Leverage report for case " + caseId + ". CONFIDENTIAL - subject to protective order.")).append("\"/>")
                .append("<meta name=\"author\" content=\"Leverage\"/>");
        h.append("<bookmarks><bookmark name=\"Summary\" href=\"#summary\"/><bookmark name=\"Findings\" href=\"#findings\">");
        int n = 0;
        for (List<JsonNode> group : groups.values()) {
            for (JsonNode f : group) {
                n++;
                h.append("<bookmark name=\"").append(t(clip(n + ". " + text(f, "title"), 90))).append("\" href=\"#finding-").append(n).append("\"/>");
            }
        }
        h.append("</bookmark>");
        if (!r.path("custody_chains").isEmpty()) h.append("<bookmark name=\"Chain of custody\" href=\"#custody\"/>");
        h.append("<bookmark name=\"Timeline\" href=\"#timeline\"/><bookmark name=\"People\" href=\"#people\"/>")
                .append("<bookmark name=\"Documents and quarantine\" href=\"#documents\"/></bookmarks>");
        h.append("<style>").append(css(caseId)).append("</style></head><body>");

        // Summary
        List<JsonNode> quarantined = ReportFormats.documents(r, "quarantined");
        h.append("<h1 id=\"summary\">Leverage report: case ").append(t(caseId)).append("</h1>");
        h.append("<p class=\"conf\">CONFIDENTIAL - subject to protective order. Attorney work product.</p>");
        h.append("<table class=\"kv\"><col style=\"width:28%\"/><col style=\"width:72%\"/><tbody>");
        kv(h, "Case", caseId);
        kv(h, "Generated", text(r, "generated"));
        int pages = 0;
        for (JsonNode d : ReportFormats.documents(r, "indexed")) pages += d.path("pages").asInt();
        kv(h, "Documents", r.path("documents").size() + " (" + ReportFormats.documents(r, "indexed").size() + " indexed, " + pages + " pages; "
                + ReportFormats.documents(r, "duplicate").size() + " duplicate; " + quarantined.size() + " quarantined)");
        StringBuilder sev = new StringBuilder();
        for (var e : groups.entrySet()) sev.append(sev.length() > 0 ? ", " : "").append(e.getValue().size()).append(' ').append(e.getKey());
        kv(h, "Findings", r.path("findings").size() + (sev.length() > 0 ? " (" + sev + ")" : ""));
        kv(h, "Timeline", r.path("timeline").size() + " events");
        kv(h, "Chains of custody", r.path("custody_chains").size() + (r.path("custody_chains").size() == 1 ? " item" : " items"));
        kv(h, "People", r.path("people").size() + "");
        h.append("</tbody></table>");
        h.append("<p class=\"note\">Every finding cites the pages it rests on; check each quote against the source before relying on it.");
        h.append(" Characters the report's font cannot show are written as [U+XXXX]; the JSON and HTML reports carry the original text.</p>");
        if (!r.path("findings").isEmpty()) {
            h.append("<table class=\"grid\"><col style=\"width:6%\"/><col style=\"width:12%\"/><col style=\"width:82%\"/><thead><tr><th>#</th><th>Severity</th><th>Finding</th></tr></thead><tbody>");
            n = 0;
            for (var e : groups.entrySet()) {
                for (JsonNode f : e.getValue()) {
                    n++;
                    h.append("<tr><td>").append(n).append("</td><td class=\"sev-").append(e.getKey()).append("\">").append(t(upper(text(f, "severity"))))
                            .append("</td><td>").append(t(text(f, "title"))).append("</td></tr>");
                }
            }
            h.append("</tbody></table>");
        }

        // Findings
        h.append("<h2 id=\"findings\" class=\"newpage\">Findings</h2>");
        if (r.path("findings").isEmpty()) h.append("<p>No findings.</p>");
        n = 0;
        for (var e : groups.entrySet()) {
            h.append("<h2 class=\"sevhead sev-").append(e.getKey()).append("\">").append(t(upper(e.getKey()))).append(" severity (")
                    .append(e.getValue().size()).append(")</h2>");
            for (JsonNode f : e.getValue()) {
                n++;
                h.append("<div class=\"f f-").append(e.getKey()).append("\" id=\"finding-").append(n).append("\">");
                h.append("<div class=\"fhead\"><div class=\"meta\">Finding ").append(n).append(" - ").append(t(upper(text(f, "severity")))).append(" - ")
                        .append(t(text(f, "type"))).append(" / ").append(t(text(f, "kind"))).append(" - id ").append(t(text(f, "id"))).append("</div>");
                h.append("<h3>").append(t(text(f, "title"))).append("</h3></div>");
                h.append("<p>").append(t(text(f, "explanation"))).append("</p>");
                if (f.hasNonNull("suggested_action")) h.append("<p class=\"action\"><b>Suggested action:</b> ").append(t(text(f, "suggested_action"))).append("</p>");
                h.append("<div class=\"cites\">Citations (").append(f.path("citations").size()).append(")</div>");
                for (JsonNode c : f.path("citations")) {
                    h.append("<div class=\"cite\"><div class=\"src\">").append(t(source(c))).append("</div><blockquote>\u201C").append(t(text(c, "quote")))
                            .append("\u201D</blockquote></div>");
                }
                h.append("</div>");
            }
        }

        // Chains of custody
        if (!r.path("custody_chains").isEmpty()) {
            h.append("<h2 id=\"custody\" class=\"newpage\">Chain of custody</h2><p class=\"note\">Each item's transfers in order. Rows shaded red are where a break starts or ends.</p>");
            for (JsonNode chain : r.path("custody_chains")) {
                h.append("<h3>").append(t(text(chain, "item"))).append("</h3>");
                h.append("<table class=\"grid\"><col style=\"width:11%\"/><col style=\"width:14%\"/><col style=\"width:14%\"/><col style=\"width:17%\"/>")
                        .append("<col style=\"width:12%\"/><col style=\"width:10%\"/><col style=\"width:22%\"/>")
                        .append("<thead><tr><th>When</th><th>Released by</th><th>Received by</th><th>Purpose / place</th><th>Seal</th><th>Count / weight</th><th>Source</th></tr></thead><tbody>");
                for (JsonNode l : chain.path("links")) {
                    boolean broken = !l.path("breaks").isEmpty();
                    h.append("<tr").append(broken ? " class=\"break\"" : "").append("><td>").append(t(ReportFormats.time(l.path("time"), "no time"))).append("</td><td>")
                            .append(t(text(l, "released_by"))).append("</td><td>").append(t(text(l, "received_by"))).append("</td><td>").append(t(text(l, "purpose")));
                    if (l.hasNonNull("location")) h.append(" - ").append(t(text(l, "location")));
                    h.append("</td><td>").append(t(text(l, "seal")));
                    if (l.hasNonNull("seal_status")) h.append(" (").append(t(text(l, "seal_status"))).append(")");
                    h.append("</td><td>").append(t(ReportFormats.countAndWeight(l))).append("</td><td>");
                    for (JsonNode c : l.path("citations")) h.append("<div>").append(t(source(c))).append("</div>");
                    if (broken) h.append("<div class=\"flag\">BREAK: ").append(t(ReportFormats.join(l.path("breaks")))).append("</div>");
                    h.append("</td></tr>");
                    if (l.hasNonNull("description")) {
                        h.append("<tr").append(broken ? " class=\"break\"" : "").append("><td></td><td colspan=\"6\" class=\"desc\">Described as: ")
                                .append(t(text(l, "description"))).append("</td></tr>");
                    }
                }
                h.append("</tbody></table>");
            }
        }

        // Timeline
        h.append("<h2 id=\"timeline\" class=\"newpage\">Timeline</h2>");
        if (r.path("timeline").isEmpty()) h.append("<p>No timed events.</p>");
        else {
            h.append("<p class=\"note\">One row per event, placed by its most trusted telling, with every document's time for it. Rows shaded red are part of a finding.</p>");
            h.append("<table class=\"grid\"><col style=\"width:17%\"/><col style=\"width:15%\"/><col style=\"width:13%\"/><col style=\"width:55%\"/>")
                    .append("<thead><tr><th>Time</th><th>Event</th><th>Actor</th><th>As each document tells it</th></tr></thead><tbody>");
            for (JsonNode ev : r.path("timeline")) {
                boolean flagged = !ev.path("findings").isEmpty();
                h.append("<tr").append(flagged ? " class=\"break\"" : "").append("><td>").append(t(ReportFormats.time(ev.path("time"), "")))
                        .append(ev.path("approximate").asBoolean() ? " (approx.)" : "").append("</td><td>").append(t(text(ev, "event")));
                if (flagged) {
                    h.append("<div class=\"flag\">CONFLICT: ");
                    boolean first = true;
                    for (JsonNode id : ev.path("findings")) {
                        Integer num = numbers.get(id.asText());
                        h.append(first ? "" : ", ").append(num != null ? "finding " + num : t(id.asText()));
                        first = false;
                    }
                    h.append("</div>");
                }
                h.append("</td><td>").append(t(text(ev, "actor"))).append("</td><td>");
                for (JsonNode s : ReportFormats.tellings(ev)) {
                    h.append("<div class=\"tell\"><b>").append(t(ReportFormats.time(s.path("time"), ""))).append(s.path("approximate").asBoolean() ? " (approx.)" : "")
                            .append("</b> ").append(t(source(s))).append("<blockquote>\u201C").append(t(text(s, "quote"))).append("\u201D</blockquote></div>");
                }
                h.append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // People
        h.append("<h2 id=\"people\" class=\"newpage\">People</h2>");
        if (r.path("people").isEmpty()) h.append("<p>No people found.</p>");
        else {
            h.append("<table class=\"grid\"><col style=\"width:20%\"/><col style=\"width:17%\"/><col style=\"width:9%\"/><col style=\"width:44%\"/><col style=\"width:10%\"/>")
                    .append("<thead><tr><th>Name</th><th>Roles</th><th>Badge</th><th>Also written</th><th>Mentions</th></tr></thead><tbody>");
            for (JsonNode p : r.path("people")) {
                h.append("<tr><td>").append(t(text(p, "name"))).append("</td><td>").append(t(ReportFormats.join(p.path("roles")))).append("</td><td>")
                        .append(t(text(p, "badge"))).append("</td><td>").append(t(aliases(p.path("aliases")))).append("</td><td>")
                        .append(p.path("mentions").asInt()).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // Documents and the quarantine
        h.append("<h2 id=\"documents\">Documents</h2>");
        h.append("<table class=\"grid\"><col style=\"width:35%\"/><col style=\"width:14%\"/><col style=\"width:7%\"/><col style=\"width:22%\"/><col style=\"width:22%\"/>")
                .append("<thead><tr><th>Path</th><th>Type</th><th>Pages</th><th>Bates</th><th>Status</th></tr></thead><tbody>");
        for (JsonNode d : r.path("documents")) {
            h.append("<tr><td>").append(t(text(d, "path"))).append("</td><td>").append(t(text(d, "type"))).append("</td><td>").append(d.path("pages").asInt())
                    .append("</td><td>");
            if (d.path("bates").isObject()) h.append(t(text(d.path("bates"), "first"))).append(" \u2013 ").append(t(text(d.path("bates"), "last")));
            h.append("</td><td>").append(t(text(d, "status"))).append(d.hasNonNull("reason") ? ": " + t(text(d, "reason")) : "").append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<h3>Quarantine</h3>");
        if (quarantined.isEmpty()) h.append("<p>No file was quarantined.</p>");
        else {
            h.append("<p class=\"note\">Files that could not be read; nothing in them is in the findings. Ask the producing party for new copies.</p><ul>");
            for (JsonNode d : quarantined) {
                h.append("<li><b>").append(t(text(d, "path"))).append("</b>: ").append(t(d.hasNonNull("reason") ? text(d, "reason") : "no reason recorded")).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static String css(String caseId) {
        String header = cssString(clip("Leverage report - case " + caseId, 70));
        return "@page{size:letter;margin:0.85in 0.75in 0.8in 0.75in;"
                + "@top-left{content:" + header + ";font-family:" + FAMILY + ";font-size:8pt;color:#555;vertical-align:bottom;padding-bottom:6pt}"
                + "@top-right{content:'CONFIDENTIAL - subject to protective order';font-family:" + FAMILY + ";font-size:8pt;color:#b00020;vertical-align:bottom;padding-bottom:6pt}"
                + "@bottom-center{content:'Page ' counter(page) ' of ' counter(pages);font-family:" + FAMILY + ";font-size:8pt;color:#555;vertical-align:top;padding-top:6pt}}"
                + "*{font-family:" + FAMILY + "}"
                + "body{font-size:9.5pt;line-height:1.35;color:#222;word-wrap:break-word}"
                + "h1{font-size:17pt;margin:0 0 4pt 0}"
                + "h2{font-size:13pt;border-bottom:0.75pt solid #999;margin:16pt 0 6pt 0;padding-bottom:2pt;page-break-after:avoid}"
                + "h2.newpage{page-break-before:always}"
                + "h2.sevhead{font-size:11pt;border-bottom:none;margin-top:10pt}"
                + "h3{font-size:11pt;margin:8pt 0 4pt 0;page-break-after:avoid}"
                + "p{margin:3pt 0 5pt 0}"
                + ".conf{font-weight:bold;color:#b00020;border:0.75pt solid #b00020;padding:3pt 6pt;margin:6pt 0 10pt 0}"
                + ".note{font-size:8.5pt;color:#555}"
                + ".f{border-left:4pt solid #999;padding:2pt 0 2pt 10pt;margin:10pt 0 14pt 0}"
                + ".f-high{border-left-color:#b00020}.f-medium{border-left-color:#e69500}.f-low{border-left-color:#44aa77}"
                + ".fhead{page-break-inside:avoid;page-break-after:avoid}"
                + ".meta{font-size:8pt;font-weight:bold;color:#555}"
                + ".sev-high{color:#b00020}.sev-medium{color:#a86a00}.sev-low{color:#2f7a52}"
                + ".action{background:#f3f3f3;padding:3pt 5pt}"
                + ".cites{font-size:8.5pt;font-weight:bold;color:#555;margin-top:6pt;page-break-after:avoid}"
                + ".cite{page-break-inside:avoid;margin:3pt 0 5pt 0}"
                + ".src{font-size:8.5pt;color:#444}"
                + "blockquote{margin:1pt 0 2pt 12pt;font-style:italic;color:#333}"
                + "table{border-collapse:collapse;width:100%;table-layout:fixed;-fs-table-paginate:paginate;margin:4pt 0 8pt 0}"
                + "table.grid{font-size:8pt}"
                + "th,td{border:0.5pt solid #bbb;padding:2pt 3pt;vertical-align:top;text-align:left;word-wrap:break-word}"
                + "th{background:#eee}"
                + "table.kv td{border:none;padding:1pt 3pt}"
                + "tr{page-break-inside:avoid}"
                + "tr.break td{background:#fde8ea}"
                + ".flag{color:#b00020;font-weight:bold}"
                + ".desc{color:#555;font-style:italic}"
                + ".tell{margin-bottom:2pt}.tell blockquote{margin-left:8pt}"
                + "ul{margin:3pt 0;padding-left:14pt}";
    }

    private static void kv(StringBuilder h, String key, String value) {
        h.append("<tr><td><b>").append(t(key)).append("</b></td><td>").append(t(value)).append("</td></tr>");
    }

    /** "07_Lab_Report.pdf, page 2, Bates ARV-000008". */
    private static String source(JsonNode c) {
        StringBuilder b = new StringBuilder(text(c, "document")).append(", page ").append(c.path("page").asInt());
        if (c.hasNonNull("bates") && !c.path("bates").asText().isEmpty()) b.append(", Bates ").append(c.path("bates").asText());
        return b.toString();
    }

    private static String aliases(JsonNode arr) {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : arr) if (!a.isNull()) b.append(b.length() > 0 ? "; " : "").append(a.asText());
        return b.toString();
    }

    private static String text(JsonNode n, String field) {
        return ReportFormats.text(n, field);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String clip(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 3)) + "...";
    }

    /**
     * Text as XHTML character data: markup characters escaped; line breaks and tabs as spaces; control characters,
     * unpaired surrogates, bidi overrides and invisible format characters the font lacks (zero-width marks) dropped;
     * any other character the font has no glyph for written as [U+XXXX].
     */
    static String t(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            int cp;
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(ch, s.charAt(i + 1));
                i += 2;
            } else {
                cp = ch;
                i++;
                if (Character.isSurrogate(ch)) continue;
            }
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r', 0x85, 0x2028, 0x2029 -> b.append(' ');
                // Bidi embeddings, overrides and isolates could make a quote read differently from what it says.
                case 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 -> {
                }
                default -> {
                    if (GLYPHS.get(cp)) b.appendCodePoint(cp);
                    else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.FORMAT
                            || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFFE || cp == 0xFFFF) {
                        // invisible or not allowed in XML: dropped
                    } else b.append("[U+").append(String.format(Locale.ROOT, "%04X", cp)).append(']');
                }
            }
        }
        return b.toString();
    }

    /** A CSS string literal, every character outside [A-Za-z0-9 .-] as a hex escape (safe inside a style element). */
    static String cssString(String s) {
        String shown = t(s).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
        StringBuilder b = new StringBuilder("'");
        shown.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' ' || cp == '.' || cp == '-') b.appendCodePoint(cp);
            else b.append('\\').append(Integer.toHexString(cp)).append(' ');
        });
        return b.append('\'').toString();
    }
}
