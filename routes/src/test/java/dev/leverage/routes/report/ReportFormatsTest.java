package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leverage.index.Json;
import dev.leverage.routes.UserError;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one entry point the CLI and the server use: each format's bytes, media type and extension; a clear error otherwise. */
class ReportFormatsTest {
    private final JsonNode report = ReportFixtures.hostile();

    @Test
    void jsonIsThePrettyReportItself() throws Exception {
        byte[] json = ReportFormats.render(report, "json");
        assertEquals(report, Json.MAPPER.readTree(json), "the same report back");
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{") && text.contains("\n  \"case\""), "pretty-printed: " + text.substring(0, Math.min(80, text.length())));
    }

    @Test
    void htmlAndMarkdownAreTheRenderersOutputInUtf8() {
        assertArrayEquals(HtmlReport.render(report).getBytes(StandardCharsets.UTF_8), ReportFormats.render(report, "html"));
        assertArrayEquals(MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8), ReportFormats.render(report, "md"));
        String md = new String(ReportFormats.render(report, "markdown"), StandardCharsets.UTF_8);
        assertTrue(md.contains(ReportFixtures.CYRILLIC) && md.contains(ReportFixtures.EMOJI), "UTF-8 keeps every script");
    }

    @Test
    void pdfIsAPdf() throws Exception {
        byte[] pdf = ReportFormats.render(report, " PDF ");
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.ISO_8859_1));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 1);
        }
    }

    @Test
    void mediaTypesAndExtensions() {
        Map<String, String> types = Map.of("json", "application/json", "html", "text/html; charset=utf-8", "pdf", "application/pdf",
                "md", "text/markdown; charset=utf-8");
        for (String f : ReportFormats.FORMATS) {
            assertEquals(types.get(f), ReportFormats.contentType(f), f);
            assertEquals(f, ReportFormats.extension(f.toUpperCase()), f);
        }
        assertEquals("md", ReportFormats.extension("markdown"));
        assertEquals(4, ReportFormats.FORMATS.size());
    }

    @Test
    void anUnknownFormatSaysWhatToUse() {
        for (String bad : new String[]{"docx", "", "  ", null, "pdf; rm -rf /", "<b>x</b>\u0000"}) {
            UserError e = assertThrows(UserError.class, () -> ReportFormats.render(report, bad), String.valueOf(bad));
            String m = e.getMessage();
            assertTrue(m.endsWith("use json, html, pdf or md."), m);
            assertEquals(1, m.split("\\. ").length, "one sentence: " + m);
            assertTrue(m.chars().noneMatch(c -> c < 0x20), "no control characters in the message: " + m);
            assertThrows(UserError.class, () -> ReportFormats.contentType(bad));
            assertThrows(UserError.class, () -> ReportFormats.extension(bad));
        }
        assertTrue(assertThrows(UserError.class, () -> ReportFormats.render(report, "docx")).getMessage().contains("'docx'"));
    }
}
