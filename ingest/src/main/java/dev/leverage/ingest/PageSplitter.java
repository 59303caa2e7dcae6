package dev.leverage.ingest;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns Tika's XHTML into pages. Tika marks PDF pages with {@code <div class="page">}, spreadsheet sheets with
 * {@code <div class="sheet">} (each sheet is a page, the unit a citation names), and
 * OCR output with {@code <div class="ocr">}; block elements become line breaks, table cells become tab-separated
 * cells and are kept as {@link Page.Table}s. OCR output comes as hOCR: each word a {@code span class="ocrx_word"}
 * whose title carries Tesseract's confidence ({@code x_wconf 91}); words are joined by spaces, lines end at each
 * {@code ocr_line}, and the page keeps the mean word confidence. Formats without pages (DOCX, e-mail, text) give one page, split
 * further at form feeds.
 */
final class PageSplitter extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "table", "title", "pre", "blockquote", "section");

    record RawPage(String text, boolean ocr, Double ocrConfidence, List<Page.Table> tables) {
    }

    private static final java.util.regex.Pattern WCONF = java.util.regex.Pattern.compile("x_wconf (\\d+)");

    private final List<RawPage> pages = new ArrayList<>();
    private StringBuilder text = new StringBuilder();
    private boolean ocr;
    /** Depth of the open hOCR page element (whitespace between hOCR elements is layout, not text), or -1. */
    private int hocrDepth = -1;
    private long confidenceSum;
    private int words;
    private List<Page.Table> tables = new ArrayList<>();
    private boolean sawPageDivs;
    private int pageDepth = -1;
    private int depth;
    private boolean inBody;
    private boolean inHeadTitle;
    // Tables may nest in DOCX layouts; cell text goes to the innermost open table.
    private final List<List<List<String>>> openTables = new ArrayList<>();
    private List<String> row;
    private StringBuilder cell;

    static List<RawPage> split(String xhtml) {
        PageSplitter h = new PageSplitter();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newSAXParser().parse(new InputSource(new StringReader(xhtml)), h);
        } catch (Exception e) {
            // Malformed markup from a parser is rare; fall back to the text we have so nothing is lost.
        }
        h.flushPage();
        return h.pages;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
        String name = local.isEmpty() ? qName : local;
        depth++;
        if (name.equals("body")) inBody = true;
        if (name.equals("title")) inHeadTitle = !inBody;
        if (!inBody) return;
        String cls = atts.getValue("class");
        if (name.equals("div") && ("page".equals(cls) || "sheet".equals(cls)) && pageDepth < 0) {
            if (!sawPageDivs) {
                // Text before the first page div (rare) belongs to the first page.
                sawPageDivs = true;
            } else {
                flushPage();
            }
            pageDepth = depth;
        }
        if (name.equals("div") && "ocr".equals(cls)) ocr = true;
        if ("ocr_page".equals(cls) && hocrDepth < 0) hocrDepth = depth;
        if ("ocrx_word".equals(cls)) {
            int n = text.length();
            if (n > 0 && !Character.isWhitespace(text.charAt(n - 1))) text.append(' ');
            var m = WCONF.matcher(String.valueOf(atts.getValue("title")));
            if (m.find()) {
                confidenceSum += Math.min(100, Integer.parseInt(m.group(1)));
                words++;
            }
        }
        if ("ocr_line".equals(cls) || "ocr_par".equals(cls)) newline();
        switch (name) {
            case "table" -> openTables.add(new ArrayList<>());
            case "tr" -> row = new ArrayList<>();
            case "td", "th" -> cell = new StringBuilder();
            default -> {
            }
        }
        if (BLOCKS.contains(name)) newline();
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        String name = local.isEmpty() ? qName : local;
        if (name.equals("title")) inHeadTitle = false;
        if (inBody) {
            switch (name) {
                case "td", "th" -> {
                    if (row != null && cell != null) row.add(cell.toString().strip().replaceAll("\\s+", " "));
                    cell = null;
                    text.append('\t');
                }
                case "tr" -> {
                    if (row != null && !openTables.isEmpty() && row.stream().anyMatch(c -> !c.isEmpty())) {
                        openTables.get(openTables.size() - 1).add(row);
                    }
                    row = null;
                }
                case "table" -> {
                    List<List<String>> rows = openTables.remove(openTables.size() - 1);
                    if (!rows.isEmpty()) tables.add(new Page.Table(rows));
                }
                default -> {
                }
            }
            if (BLOCKS.contains(name)) newline();
            if (depth == hocrDepth) hocrDepth = -1;
            if (depth == pageDepth) {
                pageDepth = -1;
            }
        }
        if (name.equals("body")) inBody = false;
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inBody || inHeadTitle) return;
        if (hocrDepth >= 0 && new String(ch, start, length).isBlank()) return;
        text.append(ch, start, length);
        if (cell != null) cell.append(ch, start, length);
    }

    private void newline() {
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) != '\n') text.append('\n');
    }

    private void flushPage() {
        String t = clean(text.toString());
        if (sawPageDivs) {
            pages.add(new RawPage(t, ocr, confidence(), tables));
        } else {
            // No page structure: one page per form-feed-separated part. Tika's text parser hands a form feed on as
            // U+FFFD (XML cannot carry it); one at the start of a line is that page break.
            String[] parts = t.split("\f|(?<=\n|^)\uFFFD");
            for (int i = 0; i < parts.length; i++) {
                String part = clean(parts[i]);
                if (part.isEmpty() && parts.length > 1) continue;
                pages.add(new RawPage(part, ocr, confidence(), i == 0 ? tables : List.of()));
            }
        }
        text = new StringBuilder();
        ocr = false;
        confidenceSum = 0;
        words = 0;
        tables = new ArrayList<>();
    }

    private Double confidence() {
        return words == 0 ? null : confidenceSum / (100.0 * words);
    }

    /** Trailing spaces off each line, tabs that only end a line dropped, runs of blank lines collapsed. */
    static String clean(String s) {
        String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').split("\n", -1);
        StringBuilder out = new StringBuilder();
        int blanks = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                if (++blanks > 1) continue;
                l = "";
            } else {
                blanks = 0;
            }
            out.append(l).append('\n');
        }
        return out.toString().strip();
    }
}
