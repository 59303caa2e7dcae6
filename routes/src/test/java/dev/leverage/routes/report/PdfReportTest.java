package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.leverage.routes.report.ReportFixtures.squeeze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printable PDF report: it parses back with PDFBox, is on Letter pages with the case and the protective-order
 * note in the header and "Page N of M" in the footer, embeds every font it uses, and carries the same content as
 * the HTML report (each finding's title, every citation's Bates and quote, the custody breaks, the timeline's
 * conflicts, the people and the quarantine); hostile discovery text comes through as text and breaks nothing.
 */
class PdfReportTest {

    @Test
    void demoReportIsAPrintableEmbeddedFontPdfWithEveryFindingAndCitation() throws Exception {
        JsonNode report = ReportFixtures.demo();
        assertFalse(report.path("findings").isEmpty(), "the demo case has findings to print");
        byte[] bytes = PdfReport.render(report);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages > 1, "a multi-page report: " + pages);
            for (PDPage page : pdf.getPages()) {
                assertEquals(612f, page.getMediaBox().getWidth(), 0.5f, "US Letter width");
                assertEquals(792f, page.getMediaBox().getHeight(), 0.5f, "US Letter height");
            }
            assertAllFontsEmbedded(pdf);
            assertTrue(ReportFixtures.rightmostGlyph(pdf) <= 612 - 0.75f * 72 + 1, "nothing is printed past the right margin: " + ReportFixtures.rightmostGlyph(pdf));

            Map<Integer, String> byPage = ReportFixtures.pageTexts(pdf);
            for (var e : byPage.entrySet()) {
                String text = e.getValue();
                assertTrue(text.contains("Page " + e.getKey() + " of " + pages), "footer on page " + e.getKey() + ": " + text);
                assertTrue(text.contains("CONFIDENTIAL - subject to protective order"), "protective-order note on page " + e.getKey());
                assertTrue(text.contains("case 25-003117"), "case id in the header of page " + e.getKey());
            }
            String all = squeeze(String.join("\n", byPage.values()));
            for (JsonNode f : report.path("findings")) {
                assertTrue(all.contains(squeeze(f.path("title").asText())), "finding title: " + f.path("title").asText());
                assertTrue(all.contains(squeeze(f.path("suggested_action").asText())), "suggested action of " + f.path("id").asText());
                for (JsonNode c : f.path("citations")) {
                    assertTrue(all.contains(squeeze(c.path("quote").asText())), "quote of " + f.path("id").asText() + ": " + c.path("quote").asText());
                    assertTrue(all.contains(squeeze(c.path("document").asText() + ", page " + c.path("page").asInt())), "source of " + c);
                    if (c.hasNonNull("bates")) assertTrue(all.contains(squeeze("Bates " + c.path("bates").asText())), "Bates of " + c);
                }
            }
            String text = String.join("\n", byPage.values());
            assertTrue(text.contains("Chain of custody") && all.contains(squeeze("BREAK: handler_mismatch")), "the custody chain with its break marked");
            assertTrue(all.contains(squeeze("k9_arrived CONFLICT: finding")), "the timeline with the conflicting event marked");
            assertTrue(text.contains("Morgan Keel") && text.contains("K9-12 (KEEL)"), "the people with the names they are written as");
            int quarantine = text.lastIndexOf("Quarantine");
            assertTrue(quarantine > 0 && squeeze(text.substring(quarantine)).contains("12_Property_Photos_Index.pdf"), "the quarantined file under Quarantine");
            assertEquals("Leverage report: case 25-003117", pdf.getDocumentInformation().getTitle());
            assertFalse(pdf.getDocumentCatalog().getDocumentOutline() == null, "bookmarks for the sections");
        }
    }

    @Test
    void hostileTextIsPrintedAsTextAndEveryFontStaysEmbedded() throws Exception {
        JsonNode report = ReportFixtures.hostile();
        byte[] bytes = PdfReport.render(report);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertTrue(pdf.getNumberOfPages() >= 1);
            assertAllFontsEmbedded(pdf);
            String text = String.join("\n", ReportFixtures.pageTexts(pdf).values());
            String all = squeeze(text);
            for (String s : new String[]{ReportFixtures.SCRIPT, ReportFixtures.CDATA_END, ReportFixtures.CYRILLIC, ReportFixtures.ACCENTED,
                    ReportFixtures.CURLY, ReportFixtures.PIPE_NAME, "[click](javascript:alert(1))", "&copy;", "#12|"}) {
                assertTrue(all.contains(squeeze(s)), "printed as written: " + s);
            }
            assertTrue(all.contains("[U+1F600]"), "an emoji the font cannot draw is named, not dropped or drawn from a fallback font");
            assertTrue(all.contains("[U+4E2D][U+6587]"), "CJK the font cannot draw is named");
            assertTrue(all.contains(ReportFixtures.LONG_TOKEN), "an unbreakable token is printed whole");
            assertTrue(ReportFixtures.rightmostGlyph(pdf) <= 612 - 0.75f * 72 + 1, "nothing is printed past the right margin: " + ReportFixtures.rightmostGlyph(pdf));
            assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), "no control characters reach the page");
            assertFalse(text.contains("\u202E"), "no bidi override reaches the page");
            assertTrue(text.contains("Page 1 of " + pdf.getNumberOfPages()));
            assertTrue(squeeze(text).contains(squeeze("case 25-<b>&amp;\"'\\|</b>[U+1F600]")), "the hostile case id in the header, as text");
            assertTrue(all.contains(squeeze("BREAK: handler_mismatch, unaccounted|interval")));
            assertTrue(all.contains("CONFLICT:finding1,no-such-finding|"), "timeline refers to findings by number, unknown ids as written");
        }
    }

    @Test
    void theXhtmlIsWellFormedAndCarriesNoMarkupFromTheDiscovery() throws Exception {
        String xhtml = PdfReport.xhtml(ReportFixtures.hostile());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, doc.getElementsByTagName("script").getLength(), "no script element");
        assertEquals(0, doc.getElementsByTagName("img").getLength(), "no img element");
        assertTrue(doc.getElementsByTagName("h1").item(0).getTextContent().contains("case 25-<b>&amp;\"'\\|</b>"), "the case id's markup is text in the title");
        assertTrue(doc.getDocumentElement().getTextContent().contains(ReportFixtures.SCRIPT), "the markup survives as text");
    }

    @Test
    void aReportWithNothingInItStillRenders() throws Exception {
        JsonNode empty = dev.leverage.index.Json.MAPPER.readTree("{\"case\":\"empty\",\"generated\":\"2025-01-01T00:00:00Z\",\"documents\":[],\"findings\":[],\"timeline\":[],\"people\":[]}");
        try (PDDocument pdf = Loader.loadPDF(PdfReport.render(empty))) {
            String text = String.join("\n", ReportFixtures.pageTexts(pdf).values());
            assertTrue(text.contains("No findings.") && text.contains("No timed events.") && text.contains("No file was quarantined."), text);
            assertAllFontsEmbedded(pdf);
        }
    }

    private static void assertAllFontsEmbedded(PDDocument pdf) throws Exception {
        Map<String, Boolean> fonts = ReportFixtures.fonts(pdf);
        assertFalse(fonts.isEmpty(), "the text is drawn with some font");
        fonts.forEach((name, embedded) -> assertTrue(embedded, "font " + name + " is embedded"));
        fonts.keySet().forEach(name -> assertTrue(name.contains("LiberationSans"), "only the bundled font, not a base-14 fallback: " + name));
    }
}
