package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Markdown report: every finding with every citation as a block quote "Doc, p. N, Bates X: "quote"", the
 * sections of the HTML report, tables whose rows keep their columns whatever pipes the discovery text holds, and
 * hostile text shown as written (after unescaping), never as markup.
 */
class MarkdownReportTest {

    @Test
    void demoReportHasEveryFindingWithEveryCitationAsABlockQuote() throws Exception {
        JsonNode report = ReportFixtures.demo();
        String md = MarkdownReport.render(report);
        List<String> lines = md.lines().toList();
        String plain = unescape(md);
        int quotes = 0;
        for (JsonNode f : report.path("findings")) {
            String title = f.path("title").asText();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("#### ") && unescape(l).endsWith(". " + title)), "a heading for " + title);
            assertTrue(plain.contains(f.path("explanation").asText()), "explanation of " + f.path("id").asText());
            assertTrue(plain.contains("**Suggested action:** " + f.path("suggested_action").asText()), "suggested action of " + f.path("id").asText());
            for (JsonNode c : f.path("citations")) {
                String expected = "> " + c.path("document").asText() + ", p. " + c.path("page").asInt()
                        + (c.hasNonNull("bates") ? ", Bates " + c.path("bates").asText() : "") + ": \"" + c.path("quote").asText() + "\"";
                assertTrue(lines.stream().anyMatch(l -> unescape(l).equals(expected)), "citation line " + expected);
                quotes++;
            }
        }
        assertTrue(quotes > 0);
        // Quotes other than the findings' citations: none start with "> " (the timeline's tellings are in a table).
        assertEquals(quotes, lines.stream().filter(l -> l.startsWith("> ")).count(), "one block quote per citation");
        assertTrue(md.contains("> 07_Lab_Report_CL25-0412.pdf, p. 2, Bates ARV-000008: \"Item 1 was resealed with laboratory seal TCRCL-0412-A"),
                "the seal finding's citation, pasteable as written");
        for (String heading : List.of("# Leverage report: case 25-003117", "## Summary", "## Findings", "### HIGH severity (", "## Chain of custody",
                "### Item 1", "## Timeline", "## People", "## Documents", "### Quarantine")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(heading)), "section " + heading);
        }
        assertTrue(md.contains("CONFIDENTIAL - subject to protective order"));
        assertTrue(plain.contains("BREAK: handler_mismatch"), "the custody break is marked");
        assertTrue(plain.contains("k9_arrived **CONFLICT: finding"), "the conflicting event is marked with its finding's number");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("- **supplemental/12_Property_Photos_Index.pdf**: ")), "the quarantined file with its reason");
        assertTablesKeepTheirColumns(md);
    }

    @Test
    void hostileTextIsEscapedNotRendered() {
        JsonNode report = ReportFixtures.hostile();
        String md = MarkdownReport.render(report);
        List<String> lines = md.lines().toList();
        assertTablesKeepTheirColumns(md);
        for (int i = 0; i < md.length(); i++) {
            char c = md.charAt(i);
            if (c == '<' || c == '|' && !isTableLine(md, i)) assertEquals('\\', md.charAt(i - 1), "escaped " + c + " at " + context(md, i));
            assertFalse(c < 0x20 && c != '\n', "no control character at " + i + ": " + context(md, i));
            assertFalse(Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < md.length() && Character.isLowSurrogate(md.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && Character.isHighSurrogate(md.charAt(i - 1))), "no unpaired surrogate at " + i);
        }
        assertTrue(md.contains("\\]\\]\\>"), "a CDATA end is escaped");
        assertTrue(md.contains("\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\`code\\` \\~\\~strike\\~\\~ \\&copy; \\&#60;"), "no link, emphasis, code or entity");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("# Not a heading") || l.startsWith("- not a list") || l.startsWith("1) ")
                || l.startsWith("+ plus") || l.startsWith("= equals")), "an explanation cannot open a heading, list or setext underline");
        assertTrue(lines.contains("\\# Not a heading - not a list  \\<img src=x onerror=alert(1)\\> NUL: BEL: ESC: lone: end "
                + ReportFixtures.EMOJI + " \uD83D\uDC4D\uD83C\uDFFD " + ReportFixtures.CYRILLIC + "; " + ReportFixtures.ACCENTED + "; "
                + ReportFixtures.CURLY + "; " + ReportFixtures.CJK + "; עברית evil; " + ReportFixtures.LONG_TOKEN),
                "line breaks become spaces, control characters and bidi overrides go, every script stays as written");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("#### 2. 1. Looks like a list item \\#")), "a trailing # in a heading is escaped");
        String plain = unescape(md);
        for (JsonNode f : report.path("findings")) {
            assertTrue(plain.contains(f.path("title").asText()), "title as written: " + f.path("title").asText());
            for (JsonNode c : f.path("citations")) {
                String quote = clean(c.path("quote").asText());
                assertTrue(plain.contains(clean(c.path("document").asText()) + ", p. " + c.path("page").asInt()), "source of " + c);
                assertTrue(plain.contains(": \"" + quote + "\""), "quote as written: " + quote);
                if (c.hasNonNull("bates")) assertTrue(plain.contains("Bates " + c.path("bates").asText()), "Bates of " + c);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("| O'Brien \\| \\<Sean\\> & Co | officer\\|k9, \\<witness\\> | #12\\| |")),
                "a person's row with pipes escaped: " + md);
        assertTrue(md.contains("**CONFLICT: finding 1, no-such-finding\\|**"), "timeline refers to findings by number, unknown ids as written");
        assertTrue(lines.contains("### OTHER severity (1)"), "an unexpected severity still lists its finding");
    }

    /** Every table's rows have as many cells as its header: an unescaped '|' in a cell would add one. */
    static void assertTablesKeepTheirColumns(String md) {
        int columns = -1;
        int tables = 0;
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = cells(line).size();
            if (columns < 0) {
                columns = cells;
                tables++;
            } else assertEquals(columns, cells, "row with the header's columns: " + line);
        }
        assertTrue(tables >= 4, "the summary, custody, timeline, people and documents tables");
    }

    /** A table row's cells, split on the '|' not escaped by a backslash. */
    static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else cell.append(c);
        }
        return out;
    }

    /** Markdown's backslash escapes undone: what a reader sees. */
    static String unescape(String md) {
        return md.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1");
    }

    /** What the renderer does to untrusted text besides escaping: line breaks as spaces, control characters gone. */
    private static String clean(String s) {
        return s.replaceAll("[\\t\\n\\r]", " ").replaceAll("[\\x00-\\x1f\\x7f-\\x9f\\u202A-\\u202E\\u2066-\\u2069]", "").replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])", "");
    }

    private static boolean isTableLine(String md, int i) {
        int start = md.lastIndexOf('\n', i) + 1;
        return md.startsWith("|", start);
    }

    private static String context(String md, int i) {
        return md.substring(Math.max(0, i - 30), Math.min(md.length(), i + 30));
    }
}
