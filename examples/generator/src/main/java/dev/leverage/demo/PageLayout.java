package dev.leverage.demo;

import dev.leverage.demo.Markup.Aligned;
import dev.leverage.demo.Markup.Block;
import dev.leverage.demo.Markup.Doc;
import dev.leverage.demo.Markup.Heading;
import dev.leverage.demo.Markup.Label;
import dev.leverage.demo.Markup.Literal;
import dev.leverage.demo.Markup.Para;
import dev.leverage.demo.Markup.Rule;
import dev.leverage.demo.Markup.Run;
import dev.leverage.demo.Markup.Signature;
import dev.leverage.demo.Markup.Space;
import dev.leverage.demo.Markup.Table;
import dev.leverage.demo.Markup.Title;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the blocks of a document out on US Letter pages, one output page per source page, and
 * draws them on a {@link Canvas} (a PDF page or a raster image). Units are PDF points with the
 * origin at the top-left corner and y growing downwards.
 */
public final class PageLayout {

    public static final float PAGE_W = 612f;
    public static final float PAGE_H = 792f;

    /** Regular, bold or italic face of the document's font family. */
    public enum Face { REGULAR, BOLD, ITALIC }

    /** Something to draw on: implemented for PDFBox pages and Java2D images. */
    public interface Canvas {
        float width(String text, Face face, float size) throws IOException;

        void text(String text, Face face, float size, float x, float baseline) throws IOException;

        void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException;

        void fill(float x, float y, float w, float h, float gray) throws IOException;
    }

    private final Doc doc;
    private final float size;
    private final float leading;
    private final float paraGap;
    private final float left = 54f;
    private final float right = PAGE_W - 54f;
    private final float top = 66f;
    private final float bottom = PAGE_H - 58f;
    private Canvas canvas;
    private float y;

    public PageLayout(Doc doc) {
        this.doc = doc;
        this.size = Float.parseFloat(doc.get("size", "10"));
        this.leading = size * Float.parseFloat(doc.get("leading", "1.25"));
        this.paraGap = size * Float.parseFloat(doc.get("para-gap", "0.45"));
    }

    public int pageCount() {
        return doc.pages().size();
    }

    /** Bates number of the given page (0-based), or "" when the document has none. */
    public String bates(int pageIndex) {
        return bates(doc.get("bates"), pageIndex);
    }

    public static String bates(String first, int offset) {
        if (first == null || first.isBlank()) {
            return "";
        }
        int dash = first.lastIndexOf('-');
        String prefix = first.substring(0, dash + 1);
        String digits = first.substring(dash + 1);
        int n = Integer.parseInt(digits) + offset;
        return prefix + String.format("%0" + digits.length() + "d", n);
    }

    /** Draws page {@code pageIndex} (0-based) onto the canvas. Fails if the text does not fit. */
    public void drawPage(int pageIndex, Canvas target) throws IOException {
        this.canvas = target;
        // Header, body, footer: drawn in reading order so the text layer reads top to bottom.
        drawHeader(pageIndex);
        y = top;
        for (Block block : doc.pages().get(pageIndex)) {
            draw(block);
        }
        drawFooter(pageIndex);
        if (System.getenv("LAYOUT_DEBUG") != null) {
            System.out.printf("    layout %s page %d: %.0f pt free%n", doc.source().getFileName(), pageIndex + 1, bottom - y);
        }
        if (y > bottom + 1) {
            throw new IllegalStateException(doc.source().getFileName() + ": page " + (pageIndex + 1)
                    + " overflows by " + Math.round(y - bottom) + " pt; move text to the next page");
        }
    }

    private String fill(String template, int pageIndex) {
        return template.replace("{page}", String.valueOf(pageIndex + 1))
                .replace("{pages}", String.valueOf(pageCount()))
                .replace("{bates}", bates(pageIndex));
    }

    private float smallSize() {
        return Math.max(7.5f, size - 1.5f);
    }

    private void drawHeader(int pageIndex) throws IOException {
        String header = doc.get("header");
        if (header != null) {
            drawThree(fill(header, pageIndex), 40f, smallSize());
            canvas.line(left, 45f, right, 45f, 0.6f);
        }
    }

    private void drawFooter(int pageIndex) throws IOException {
        float small = smallSize();
        String footer = doc.get("footer", "||{bates}");
        if (!"no".equals(doc.get("footer-rule"))) {
            canvas.line(left, PAGE_H - 46f, right, PAGE_H - 46f, 0.4f);
        }
        drawThree(fill(footer, pageIndex), PAGE_H - 34f, small);
    }

    /** "left | center | right" on one line; the right part (the Bates number) is set in bold. */
    private void drawThree(String spec, float baseline, float fontSize) throws IOException {
        String[] parts = spec.split("\\|", -1);
        String l = parts.length > 0 ? parts[0].trim() : "";
        String c = parts.length > 1 ? parts[1].trim() : "";
        String r = parts.length > 2 ? parts[2].trim() : "";
        if (!l.isEmpty()) {
            canvas.text(l, Face.REGULAR, fontSize, left, baseline);
        }
        if (!c.isEmpty()) {
            canvas.text(c, Face.REGULAR, fontSize, (PAGE_W - canvas.width(c, Face.REGULAR, fontSize)) / 2, baseline);
        }
        if (!r.isEmpty()) {
            Face face = r.matches("[A-Z]+-\\d+") ? Face.BOLD : Face.REGULAR;
            float rs = face == Face.BOLD ? fontSize + 1 : fontSize;
            canvas.text(r, face, rs, right - canvas.width(r, face, rs), baseline);
        }
    }

    private void draw(Block block) throws IOException {
        if (block instanceof Title t) {
            float ts = Float.parseFloat(doc.get("title-size", String.valueOf(size + 4)));
            y += ts * 0.4f;
            for (String line : wrap(Markup.runsAllBold(t.text()), right - left, ts)) {
                float w = canvas.width(line, Face.BOLD, ts);
                y += ts * 1.15f;
                canvas.text(line, Face.BOLD, ts, (PAGE_W - w) / 2, y);
            }
            y += ts * 0.45f;
        } else if (block instanceof Heading h) {
            float hs = size + 1;
            y += hs * 0.7f;
            y += hs * 1.1f;
            canvas.fill(left, y - hs - 2f, right - left, hs + 5f, 0.9f);
            canvas.text(Markup.plain(h.text()), Face.BOLD, hs, left + 3f, y);
            y += 4f;
            canvas.line(left, y, right, y, 0.6f);
            y += hs * 0.5f;
        } else if (block instanceof Label l) {
            y += size * 0.4f;
            y += leading;
            canvas.text(Markup.plain(l.text()), Face.BOLD, size, left, y);
        } else if (block instanceof Para p) {
            y += paraGap;
            for (List<Run> line : wrapRuns(Markup.runs(p.text()), right - left, size)) {
                y += leading;
                drawRuns(line, left, y, size);
            }
        } else if (block instanceof Literal lit) {
            y += leading;
            drawRuns(Markup.runs(lit.text()), left, y, size);
        } else if (block instanceof Aligned a) {
            y += leading;
            List<Run> runs = Markup.runs(a.text());
            float w = runsWidth(runs, size);
            drawRuns(runs, a.center() ? (PAGE_W - w) / 2 : right - w, y, size);
        } else if (block instanceof Rule) {
            y += leading * 0.6f;
            canvas.line(left, y, right, y, 0.8f);
            y += leading * 0.2f;
        } else if (block instanceof Space) {
            y += leading;
        } else if (block instanceof Signature s) {
            drawSignature(s);
        } else if (block instanceof Table t) {
            drawTable(t);
        } else {
            throw new IllegalArgumentException("unknown block " + block);
        }
    }

    private void drawSignature(Signature s) throws IOException {
        List<String> lines = new ArrayList<>(s.lines());
        y += leading * 1.2f;
        float lineW = 230f;
        String signed = null;
        if (!lines.isEmpty() && lines.get(0).startsWith("/s/")) {
            signed = lines.remove(0);
        }
        y += leading * 1.1f;
        if (signed != null) {
            canvas.text(signed, Face.ITALIC, size + 2, left + 8f, y - 3f);
        }
        canvas.line(left, y, left + lineW, y, 0.7f);
        for (String line : lines) {
            y += leading;
            drawRuns(Markup.runs(line), left, y, size - 0.5f);
        }
    }

    private void drawTable(Table t) throws IOException {
        float ts = size - 0.5f;
        float pad = 3.5f;
        float avail = right - left;
        int cols = 0;
        for (List<String> row : t.rows()) {
            cols = Math.max(cols, row.size());
        }
        float[] natural = new float[cols];
        float[] longestWord = new float[cols];
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            Face face = t.header() && r == 0 ? Face.BOLD : Face.REGULAR;
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                natural[c] = Math.max(natural[c], cellWidth(cell, face, ts) + 2 * pad);
                for (String word : Markup.plain(cell).split(" ")) {
                    longestWord[c] = Math.max(longestWord[c], canvas.width(word, Face.BOLD, ts) + 2 * pad);
                }
            }
        }
        float total = 0;
        for (float n : natural) {
            total += n;
        }
        float[] widths = new float[cols];
        if (total <= avail) {
            for (int c = 0; c < cols; c++) {
                widths[c] = natural[c] * avail / total;
            }
        } else {
            // Give every column its longest word, then share the rest in proportion to what it wants.
            float fixed = 0;
            float want = 0;
            for (int c = 0; c < cols; c++) {
                fixed += longestWord[c];
                want += natural[c] - longestWord[c];
            }
            for (int c = 0; c < cols; c++) {
                widths[c] = longestWord[c] + (natural[c] - longestWord[c]) * (avail - fixed) / want;
            }
        }
        y += size * 0.5f;
        canvas.line(left, y, right, y, 0.6f);
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            boolean head = t.header() && r == 0;
            List<List<List<Run>>> cellLines = new ArrayList<>();
            int maxLines = 1;
            for (int c = 0; c < cols; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                List<Run> runs = head ? Markup.runsAllBold(cell) : Markup.runs(cell);
                List<List<Run>> wrapped = wrapRuns(runs, widths[c] - 2 * pad, ts);
                cellLines.add(wrapped);
                maxLines = Math.max(maxLines, wrapped.size());
            }
            float rowH = maxLines * ts * 1.18f + 2 * pad - 1f;
            if (head) {
                canvas.fill(left, y, avail, rowH, 0.86f);
            }
            float x = left;
            for (int c = 0; c < cols; c++) {
                float by = y + pad - 1f;
                for (List<Run> line : cellLines.get(c)) {
                    by += ts * 1.18f;
                    drawRuns(line, x + pad, by - ts * 0.22f, ts);
                }
                x += widths[c];
            }
            float x0 = left;
            canvas.line(x0, y, x0, y + rowH, 0.6f);
            for (int c = 0; c < cols; c++) {
                x0 += widths[c];
                canvas.line(x0, y, x0, y + rowH, 0.6f);
            }
            y += rowH;
            canvas.line(left, y, right, y, 0.6f);
        }
        y += size * 0.2f;
    }

    private float cellWidth(String cell, Face face, float fontSize) throws IOException {
        List<Run> runs = face == Face.BOLD ? Markup.runsAllBold(cell) : Markup.runs(cell);
        return runsWidth(runs, fontSize);
    }

    private float runsWidth(List<Run> runs, float fontSize) throws IOException {
        float w = 0;
        for (Run run : runs) {
            w += canvas.width(run.text(), run.bold() ? Face.BOLD : Face.REGULAR, fontSize);
        }
        return w;
    }

    private void drawRuns(List<Run> runs, float x, float baseline, float fontSize) throws IOException {
        for (Run run : runs) {
            Face face = run.bold() ? Face.BOLD : Face.REGULAR;
            if (!run.text().isBlank()) {
                canvas.text(run.text(), face, fontSize, x, baseline);
            }
            x += canvas.width(run.text(), face, fontSize);
        }
    }

    private List<String> wrap(List<Run> runs, float width, float fontSize) throws IOException {
        List<String> out = new ArrayList<>();
        for (List<Run> line : wrapRuns(runs, width, fontSize)) {
            StringBuilder sb = new StringBuilder();
            line.forEach(r -> sb.append(r.text()));
            out.add(sb.toString());
        }
        return out;
    }

    /** Greedy word wrap that keeps bold/regular runs; returns one run list per line. */
    private List<List<Run>> wrapRuns(List<Run> runs, float width, float fontSize) throws IOException {
        List<Run> words = new ArrayList<>();
        for (Run run : runs) {
            for (String w : run.text().split(" ")) {
                if (!w.isEmpty()) {
                    words.add(new Run(w, run.bold()));
                }
            }
        }
        List<List<Run>> lines = new ArrayList<>();
        List<Run> line = new ArrayList<>();
        float lineW = 0;
        for (Run word : words) {
            Face face = word.bold() ? Face.BOLD : Face.REGULAR;
            float ww = canvas.width(word.text(), face, fontSize);
            float sw = canvas.width(" ", face, fontSize);
            if (!line.isEmpty() && lineW + sw + ww > width) {
                lines.add(merge(line));
                line = new ArrayList<>();
                lineW = 0;
            }
            if (!line.isEmpty()) {
                line.add(new Run(" ", word.bold()));
                lineW += sw;
            }
            line.add(word);
            lineW += ww;
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(merge(line));
        }
        return lines;
    }

    /** Joins neighbouring runs of the same weight so each line is drawn in as few strings as possible. */
    private static List<Run> merge(List<Run> line) {
        List<Run> out = new ArrayList<>();
        for (Run r : line) {
            if (!out.isEmpty() && out.get(out.size() - 1).bold() == r.bold()) {
                Run last = out.remove(out.size() - 1);
                out.add(new Run(last.text() + r.text(), r.bold()));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
