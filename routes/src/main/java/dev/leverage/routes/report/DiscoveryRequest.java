package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leverage.routes.UserError;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The discovery request letter of a case, drafted from its report's discovery_gap findings: each missing record with
 * the pages that show it exists (document, page, Bates, quote) and why it matters, grouped by the agency that holds
 * it. Written for a lawyer to edit and send: the parts only the lawyer knows are in [brackets].
 */
public final class DiscoveryRequest {
    /** The formats the letter is written in. */
    public static final List<String> FORMATS = List.of("md", "docx");

    /** One record asked for. */
    public record Item(String title, String record, String why, String request, List<JsonNode> basis, String findingId, String severity) {
    }

    private final String caseId;
    private final Map<String, List<Item>> byAgency;

    private DiscoveryRequest(String caseId, Map<String, List<Item>> byAgency) {
        this.caseId = caseId;
        this.byAgency = byAgency;
    }

    /** The letter of a report: its discovery gaps grouped by agency, agencies in order of first appearance. */
    public static DiscoveryRequest of(JsonNode report) {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (JsonNode f : report.path("findings")) {
            if (!"discovery_gap".equals(f.path("type").asText())) continue;
            String agency = f.path("facts").path("agency").asText("");
            if (agency.isBlank()) agency = "Prosecution";
            List<JsonNode> basis = new ArrayList<>();
            f.path("citations").forEach(basis::add);
            groups.computeIfAbsent(agency, k -> new ArrayList<>()).add(new Item(f.path("title").asText(), f.path("facts").path("record").asText(f.path("title").asText()),
                    f.path("explanation").asText(), f.path("suggested_action").asText(""), basis, f.path("id").asText(), f.path("severity").asText()));
        }
        return new DiscoveryRequest(report.path("case").asText(), groups);
    }

    public boolean isEmpty() {
        return byAgency.isEmpty();
    }

    public Map<String, List<Item>> byAgency() {
        return byAgency;
    }

    public int size() {
        return byAgency.values().stream().mapToInt(List::size).sum();
    }

    /** A letter format as asked for ("MD", "markdown", "docx") as one of {@link #FORMATS}; any other is one sentence. */
    public static String format(String format) {
        String f = format == null ? "md" : format.strip().toLowerCase(Locale.ROOT);
        if (f.equals("markdown")) f = "md";
        if (!FORMATS.contains(f)) throw new UserError("The letter format \"" + format + "\" is not supported; use --format md or --format docx.");
        return f;
    }

    /** The media type a letter format is served with. */
    public static String contentType(String format) {
        return format(format).equals("docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "text/markdown; charset=utf-8";
    }

    /** The letter in {@code format}: md (Markdown) or docx (Word). */
    public byte[] render(String format) {
        return format(format).equals("docx") ? docx() : markdown().getBytes(StandardCharsets.UTF_8);
    }

    private static String today() {
        return LocalDate.now().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US));
    }

    private String opening() {
        return "The discovery produced to date in this matter refers to records that have not been produced. The State's own "
                + "documents show that each record below exists or existed; the page of the production that shows it is quoted "
                + "with each request. Under Brady v. Maryland, 373 U.S. 83 (1963), Giglio v. United States, 405 U.S. 150 (1972), "
                + "Kyles v. Whitley, 514 U.S. 419 (1995), and [the applicable discovery rule], we request that the State produce "
                + "them, including those held by the investigating agencies named below.";
    }

    private static final String CLOSING = "Please produce these records by [date], or state in writing, for each one, that it does not exist "
            + "or has not been preserved and why. This request is continuing. Nothing in this letter waives any other request or motion.";

    private static String basisLine(JsonNode c) {
        StringBuilder b = new StringBuilder(c.path("document").asText()).append(", page ").append(c.path("page").asInt());
        if (c.hasNonNull("bates") && !c.path("bates").asText().isBlank()) b.append(" (").append(c.path("bates").asText()).append(")");
        return b.append(": \u201c").append(c.path("quote").asText()).append("\u201d").toString();
    }

    String markdown() {
        StringBuilder m = new StringBuilder();
        m.append("[Defense counsel's letterhead]\n\n").append(today()).append("\n\n")
                .append("[Assistant District Attorney / Assistant U.S. Attorney]  \n[Office and address]\n\n")
                .append("**Re: State v. [defendant], case ").append(caseId).append(": request for discovery not yet produced**\n\n")
                .append("Dear [Counsel]:\n\n").append(opening()).append("\n\n");
        if (byAgency.isEmpty()) {
            m.append("[Leverage found no record that the production refers to and does not contain. Add any request of your own here.]\n\n");
        }
        int a = 0;
        for (var e : byAgency.entrySet()) {
            a++;
            m.append("## ").append(a).append(". Records held by ").append(e.getKey()).append("\n\n");
            int i = 0;
            for (Item item : e.getValue()) {
                i++;
                m.append("**").append(a).append('.').append(i).append(". ").append(capital(item.record())).append("**\n\n");
                m.append(item.title()).append(".\n\n");
                m.append("Basis in the production:\n\n");
                for (JsonNode c : item.basis()) m.append("- ").append(basisLine(c)).append("\n");
                m.append("\nWhy it matters: ").append(item.why()).append("\n\n");
                if (!item.request().isBlank()) m.append("Requested: ").append(item.request()).append("\n\n");
            }
        }
        m.append(CLOSING).append("\n\nSincerely,\n\n[Name]  \n[Counsel for the defendant]\n");
        return m.toString();
    }

    byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            para(doc, "[Defense counsel's letterhead]", false, false);
            para(doc, today(), false, false);
            para(doc, "[Assistant District Attorney / Assistant U.S. Attorney]", false, false);
            para(doc, "[Office and address]", false, false);
            para(doc, "Re: State v. [defendant], case " + caseId + ": request for discovery not yet produced", true, false);
            para(doc, "Dear [Counsel]:", false, false);
            para(doc, opening(), false, false);
            if (byAgency.isEmpty()) para(doc, "[Leverage found no record that the production refers to and does not contain. Add any request of your own here.]", false, false);
            int a = 0;
            for (var e : byAgency.entrySet()) {
                a++;
                XWPFParagraph heading = para(doc, a + ". Records held by " + e.getKey(), true, false);
                heading.setSpacingBefore(240);
                int i = 0;
                for (Item item : e.getValue()) {
                    i++;
                    para(doc, a + "." + i + ". " + capital(item.record()), true, false);
                    para(doc, item.title() + ".", false, false);
                    para(doc, "Basis in the production:", false, true);
                    for (JsonNode c : item.basis()) {
                        XWPFParagraph p = para(doc, "\u2022 " + basisLine(c), false, false);
                        p.setIndentationLeft(360);
                    }
                    para(doc, "Why it matters: " + item.why(), false, false);
                    if (!item.request().isBlank()) para(doc, "Requested: " + item.request(), false, false);
                }
            }
            para(doc, CLOSING, false, false);
            para(doc, "Sincerely,", false, false);
            para(doc, "[Name]", false, false);
            para(doc, "[Counsel for the defendant]", false, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph para(XWPFDocument doc, String text, boolean bold, boolean italic) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        p.setSpacingAfter(120);
        XWPFRun r = p.createRun();
        r.setFontFamily("Times New Roman");
        r.setFontSize(12);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return p;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The letter's requests as an HTML section of the report. */
    String html() {
        StringBuilder h = new StringBuilder("<h2 id=\"requests\">Discovery requests</h2>");
        if (byAgency.isEmpty()) {
            return h.append("<p>The production refers to no record that it does not contain.</p>").toString();
        }
        h.append("<p class=\"cite\">Records the production shows exist but does not contain, grouped by the agency that holds them. "
                + "<code>leverage request --case ").append(HtmlReport.esc(caseId)).append(" --format docx --out request.docx</code> drafts the letter.</p>");
        int a = 0;
        for (var e : byAgency.entrySet()) {
            a++;
            h.append("<h3>").append(a).append(". ").append(HtmlReport.esc(e.getKey())).append("</h3><ol class=\"requests\">");
            for (Item item : e.getValue()) {
                h.append("<li class=\"f ").append(HtmlReport.esc(item.severity())).append("\"><strong>").append(HtmlReport.esc(capital(item.record())))
                        .append("</strong> — ").append(HtmlReport.esc(item.title())).append("<div class=\"cite\">");
                for (JsonNode c : item.basis()) h.append("<div>").append(HtmlReport.esc(basisLine(c))).append("</div>");
                h.append("</div>");
                if (!item.request().isBlank()) h.append("<p class=\"action\">").append(HtmlReport.esc(item.request())).append("</p>");
                h.append("</li>");
            }
            h.append("</ol>");
        }
        return h.toString();
    }
}
