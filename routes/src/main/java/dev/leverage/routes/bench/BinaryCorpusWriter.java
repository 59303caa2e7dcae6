package dev.leverage.routes.bench;

import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * Writes a {@link CorpusGenerator} production to disk as real files, so an ingest benchmark has real formats for
 * Tika to parse instead of page text handed over in memory. Each document becomes one file in its incident's folder
 * (the corpus path with the extension of its format):
 * <ul>
 *   <li><b>born-digital PDF</b> (about 60%): one PDF page per corpus page, Helvetica 10 pt on Letter paper (shrunk in
 *   half-point steps when a page's wrapped lines would not fit), lines wrapped to the text width; the Bates stamp is
 *   its own line at the bottom right of the page, drawn last, so text extraction keeps it as the page's last line;</li>
 *   <li><b>DOCX</b> (about 20%): one paragraph per text line, the Bates stamp right-aligned as the last paragraph of
 *   each corpus page, followed by a page break ({@code <w:br w:type="page"/>}) between corpus pages;</li>
 *   <li><b>XLSX</b> (about 12%, taken from the log-like types first: {@code cad_log}, {@code custody_log}): one sheet a
 *   corpus page, named "Page N", one row a text line, cells split at {@code " | "} (custody logs) or at runs of two or
 *   more spaces (CAD columns, header fields); the Bates stamp is the sheet's last row;</li>
 *   <li><b>e-mail</b> (about 7%): an RFC 822 message, {@code multipart/mixed}, a short plain-text cover note and the
 *   document attached as a born-digital PDF (as above) under its original {@code .pdf} name;</li>
 *   <li><b>scanned PDF</b> ({@code scannedFraction}, default 0.5%): every page rendered with Java2D to an 8-bit grey
 *   image at 200 dpi (Serif 11 pt, black on white, antialiased), stored losslessly as the page's only content, with
 *   no text layer, so only OCR can read it. Documents the corpus already marks as OCR pages are taken first.</li>
 * </ul>
 *
 * <p>How ingest sees them (Tika 3.2.3 and {@code PageSplitter} as of this writing): PDF pages are pages. DOCX page
 * breaks come out of Tika as plain newlines, not page markers or form feeds, so a DOCX is one page holding every
 * corpus page's text and stamps in order (its {@code Page.bates()} is the last stamp). Tika marks XLSX sheets
 * {@code <div class="sheet">}, which {@code PageSplitter} does not treat as a page ({@code class="page"} only), so a
 * workbook is one page as well. An e-mail is its body (one page) plus the attached PDF as an embedded document with
 * its pages. A scanned page is OCRed page by page (Tika's AUTO OCR strategy), into the right page.
 *
 * <p>Everything is deterministic: the format of each document comes from exact quotas assigned over a shuffle seeded
 * with {@code seed}; per-file details (e-mail dates, MIME boundaries, PDF IDs) come from the seed and the path; PDF and
 * OOXML creation and modification dates, and the ZIP entry times inside DOCX and XLSX, are a fixed instant. The same corpus and seed give byte-identical files, in
 * any thread order. Files are streamed to disk one at a time by a small thread pool; only the files in flight are
 * held in memory (the corpus itself is in memory, as {@link CorpusGenerator} builds it).
 */
final class BinaryCorpusWriter {
    /** Share of documents written as scanned (image-only) PDFs unless told otherwise. */
    static final double DEFAULT_SCANNED_FRACTION = 0.005;
    static final double DOCX_SHARE = 0.20, XLSX_SHARE = 0.12, EML_SHARE = 0.07; // PDF takes the rest, about 0.6
    /** Types whose pages are logs, written as spreadsheets first. */
    static final List<String> LOG_TYPES = List.of("cad_log", "custody_log");
    /** Creation and modification date stamped into every PDF and OOXML file: a fixed instant, for reproducible bytes. */
    static final ZonedDateTime FIXED_DATE = ZonedDateTime.of(2025, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    enum Format {
        PDF("pdf"), DOCX("docx"), XLSX("xlsx"), EML("eml"), SCANNED_PDF("pdf");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A document of the corpus, the format it is written in and its file's path relative to the output folder. */
    record Planned(int index, Document doc, Format format, String path) {
    }

    /**
     * What {@link #write} wrote.
     *
     * @param documents    files written, one a document
     * @param pages        corpus pages in them
     * @param bytes        bytes on disk
     * @param perFormat    files per format ({@link Format#key()}, in enum order)
     * @param scannedPages pages written as images only
     */
    record Written(int documents, int pages, long bytes, Map<String, Integer> perFormat, int scannedPages) {
    }

    private BinaryCorpusWriter() {
    }

    // ---- corpus and plan ----

    /**
     * A production of exactly {@code documents} documents: generated with more pages than that needs (CorpusGenerator
     * works in pages, about 2.1 a document), then cut after the {@code documents}-th document (its facts and records
     * with it, page counters recomputed). The cut may fall inside an incident; {@code picks} are left as generated.
     */
    static SearchBenchmark.Corpus corpusOf(long seed, int documents) {
        if (documents < 1) throw new IllegalArgumentException("documents < 1");
        int pages = documents * 5 / 2 + 50;
        while (true) {
            SearchBenchmark.Corpus c = new CorpusGenerator(seed).generate(pages);
            if (c.docs.size() >= documents) {
                truncate(c, documents);
                return c;
            }
            pages = pages * 3 / 2;
        }
    }

    private static void truncate(SearchBenchmark.Corpus c, int n) {
        if (c.docs.size() > n) {
            c.docs.subList(n, c.docs.size()).clear();
            c.facts.subList(n, c.facts.size()).clear();
            c.records.subList(n, c.records.size()).clear();
        }
        c.pages = 0;
        c.chars = 0;
        c.ocrPages = 0;
        c.mentions = 0;
        for (Document d : c.docs) {
            for (Page p : d.pages()) {
                c.pages++;
                c.chars += p.text().length();
                if (p.ocr()) c.ocrPages++;
            }
        }
        c.facts.forEach(f -> c.mentions += f.mentions().size());
    }

    /**
     * Which document is written in which format, and where. Quotas are exact (rounded shares of the document count);
     * documents are visited in an order shuffled with {@code seed}: scanned PDFs first (documents the corpus marks as
     * OCR pages before any other), then spreadsheets (log types before any other), e-mails, DOCX; the rest are PDFs.
     */
    static List<Planned> plan(SearchBenchmark.Corpus corpus, long seed, double scannedFraction) {
        if (!(scannedFraction >= 0 && scannedFraction <= 1)) throw new IllegalArgumentException("scannedFraction not in [0, 1]: " + scannedFraction);
        List<Document> docs = corpus.docs;
        int n = docs.size();
        int scanned = (int) Math.round(n * scannedFraction);
        int xlsx = Math.min(n - scanned, (int) Math.round(n * XLSX_SHARE));
        int eml = Math.min(n - scanned - xlsx, (int) Math.round(n * EML_SHARE));
        int docx = Math.min(n - scanned - xlsx - eml, (int) Math.round(n * DOCX_SHARE));
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        Format[] f = new Format[n];
        IntPredicate ocr = i -> docs.get(i).pages().stream().anyMatch(Page::ocr);
        IntPredicate log = i -> LOG_TYPES.contains(docs.get(i).type());
        IntPredicate any = i -> true;
        assign(order, f, Format.SCANNED_PDF, scanned - assign(order, f, Format.SCANNED_PDF, scanned, ocr), any);
        assign(order, f, Format.XLSX, xlsx - assign(order, f, Format.XLSX, xlsx, log), any);
        assign(order, f, Format.EML, eml, any);
        assign(order, f, Format.DOCX, docx, any);
        List<Planned> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Format format = f[i] == null ? Format.PDF : f[i];
            out.add(new Planned(i, docs.get(i), format, fileName(docs.get(i).path(), format)));
        }
        return out;
    }

    private static int assign(List<Integer> order, Format[] f, Format format, int count, IntPredicate which) {
        int done = 0;
        for (int i = 0; i < order.size() && done < count; i++) {
            int d = order.get(i);
            if (f[d] == null && which.test(d)) {
                f[d] = format;
                done++;
            }
        }
        return done;
    }

    private static String fileName(String corpusPath, Format format) {
        int dot = corpusPath.lastIndexOf('.');
        String base = dot > corpusPath.lastIndexOf('/') ? corpusPath.substring(0, dot) : corpusPath;
        return base + "." + format.extension;
    }

    // ---- writing ----

    static Written write(SearchBenchmark.Corpus corpus, Path dir, long seed) throws IOException {
        return write(corpus, dir, seed, DEFAULT_SCANNED_FRACTION);
    }

    static Written write(SearchBenchmark.Corpus corpus, Path dir, long seed, double scannedFraction) throws IOException {
        return write(corpus, dir, seed, scannedFraction, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Writes every document of the corpus under {@code dir} with {@code threads} threads. Each file depends only on its
     * document, its format, the seed and its path, so the output is the same whatever the thread count or order.
     */
    static Written write(SearchBenchmark.Corpus corpus, Path dir, long seed, double scannedFraction, int threads) throws IOException {
        if (threads < 1) throw new IllegalArgumentException("threads < 1");
        List<Planned> plan = plan(corpus, seed, scannedFraction);
        Files.createDirectories(dir);
        long[] sizes = new long[plan.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i; failure.get() == null && (i = next.getAndIncrement()) < plan.size(); ) {
                Planned p = plan.get(i);
                try {
                    sizes[i] = writeOne(p, dir, seed);
                } catch (Throwable e) {
                    failure.compareAndSet(null, new IOException("writing " + p.path() + " as " + p.format() + " failed: " + e, e));
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(worker, "corpus-writer-" + t);
            th.setDaemon(true);
            th.start();
            pool.add(th);
        }
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
                next.set(plan.size());
            }
        }
        Throwable e = failure.get();
        if (e instanceof IOException io) throw io;
        if (e != null) throw new IOException(e);

        Map<String, Integer> perFormat = new LinkedHashMap<>();
        for (Format f : Format.values()) perFormat.put(f.key(), 0);
        int pages = 0, scannedPages = 0;
        long bytes = 0;
        for (Planned p : plan) {
            perFormat.merge(p.format().key(), 1, Integer::sum);
            pages += p.doc().pages().size();
            if (p.format() == Format.SCANNED_PDF) scannedPages += p.doc().pages().size();
            bytes += sizes[p.index()];
        }
        return new Written(plan.size(), pages, bytes, Collections.unmodifiableMap(perFormat), scannedPages);
    }

    /** Writes one file; returns its size. */
    private static long writeOne(Planned p, Path dir, long seed) throws IOException {
        Path file = dir.resolve(p.path());
        Files.createDirectories(file.getParent());
        long fileSeed = seed * 1_000_003L + p.path().hashCode();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            switch (p.format()) {
                case PDF -> writePdf(p.doc(), out, fileSeed);
                case SCANNED_PDF -> writeScannedPdf(p.doc(), out, fileSeed);
                case DOCX -> out.write(fixZipTimes(ooxml(o -> writeDocx(p.doc(), o))));
                case XLSX -> out.write(fixZipTimes(ooxml(o -> writeXlsx(p.doc(), o))));
                case EML -> writeEml(p.doc(), out, fileSeed);
            }
        }
        return Files.size(file);
    }

    /** A page's lines without its Bates stamp, and the stamp (null when the page carries none). */
    private record Lines(List<String> body, String bates) {
        static Lines of(Page page) {
            List<String> lines = new ArrayList<>(List.of(ascii(page.text()).split("\n", -1)));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
            String bates = page.bates();
            if (bates != null && !lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(bates)) {
                lines.remove(lines.size() - 1);
            } else if (bates != null) {
                bates = null; // the stamp is somewhere inside the text; leave the text as it is
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
            return new Lines(lines, bates);
        }
    }

    /** Printable ASCII only (the fonts' encodings): tabs become spaces, anything else a question mark. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c >= 32 && c < 127)) b.append(c);
            else if (c == '\t') b.append("    ");
            else if (c != '\r') b.append('?');
        }
        return b.toString();
    }

    // ---- PDF ----

    private static final float PAGE_W = PDRectangle.LETTER.getWidth(), PAGE_H = PDRectangle.LETTER.getHeight();
    private static final float MARGIN = 54, BATES_Y = 30, BATES_SIZE = 10, MAX_SIZE = 10, MIN_SIZE = 5, LEADING = 1.2f;
    /** Helvetica advance widths (1/1000 em) of printable ASCII, from the standard AFM metrics. */
    private static final float[] HELVETICA_WIDTHS = helveticaWidths();

    private static float[] helveticaWidths() {
        PDType1Font f = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        float[] w = new float[128];
        try {
            for (char c = 32; c < 127; c++) w[c] = f.getStringWidth(String.valueOf(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w;
    }

    private static double helvetica(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) w += HELVETICA_WIDTHS[s.charAt(i) & 0x7f];
        return w;
    }

    private static void writePdf(Document d, OutputStream out, long fileSeed) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (Page p : d.pages()) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                Lines lines = Lines.of(p);
                float size = MAX_SIZE;
                List<String> wrapped;
                while (true) {
                    wrapped = wrap(lines.body(), PAGE_W - 2 * MARGIN, size / 1000f, BinaryCorpusWriter::helvetica);
                    if (size <= MIN_SIZE || wrapped.size() <= (int) ((PAGE_H - 2 * MARGIN) / (size * LEADING))) break;
                    size -= 0.5f;
                }
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.setLeading(size * LEADING);
                    cs.newLineAtOffset(MARGIN, PAGE_H - MARGIN - size);
                    for (String line : wrapped) {
                        if (!line.isEmpty()) cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                    if (lines.bates() != null) {
                        cs.beginText();
                        cs.setFont(font, BATES_SIZE);
                        cs.newLineAtOffset((float) (PAGE_W - MARGIN - helvetica(lines.bates()) * BATES_SIZE / 1000), BATES_Y);
                        cs.showText(lines.bates());
                        cs.endText();
                    }
                }
            }
            finish(pdf, d, fileSeed);
            pdf.save(out);
        }
    }

    /** Fixed document information and a trailer ID from the seed, so PDFBox does not stamp the clock into the file. */
    private static void finish(PDDocument pdf, Document d, long fileSeed) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(FIXED_DATE.toInstant().toEpochMilli());
        info.setTitle(title(d));
        info.setCreator("Leverage BinaryCorpusWriter");
        info.setProducer("Apache PDFBox");
        info.setCreationDate(when);
        info.setModificationDate(when);
        byte[] id = md5(fileSeed + "|" + d.path());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** Greedy word wrap of each line to {@code width}; widths of text are {@code measure(s) * scale}. */
    private static List<String> wrap(List<String> lines, double width, double scale, ToDoubleFunction<String> measure) {
        List<String> out = new ArrayList<>();
        double space = measure.applyAsDouble(" ") * scale;
        for (String line : lines) {
            if (measure.applyAsDouble(line) * scale <= width) {
                out.add(line);
                continue;
            }
            StringBuilder cur = new StringBuilder();
            double w = 0;
            for (String word : line.split(" ", -1)) {
                double ww = measure.applyAsDouble(word) * scale;
                if (cur.length() > 0 && w + space + ww > width) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    w = 0;
                }
                while (ww > width && word.length() > 1) { // a word longer than the line: cut it
                    int k = word.length() - 1;
                    while (k > 1 && measure.applyAsDouble(word.substring(0, k)) * scale > width) k--;
                    if (cur.length() > 0) out.add(cur.toString());
                    out.add(word.substring(0, k));
                    cur.setLength(0);
                    w = 0;
                    word = word.substring(k);
                    ww = measure.applyAsDouble(word) * scale;
                }
                if (cur.length() > 0) {
                    cur.append(' ');
                    w += space;
                }
                cur.append(word);
                w += ww;
            }
            out.add(cur.toString().stripTrailing());
        }
        return out;
    }

    // ---- scanned PDF ----

    static final int SCAN_DPI = 200;
    private static final float SCAN_POINTS = 11f;

    private static void writeScannedPdf(Document d, OutputStream out, long fileSeed) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            for (Page p : d.pages()) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(pdf, render(Lines.of(p)));
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    cs.drawImage(image, 0, 0, PAGE_W, PAGE_H);
                }
            }
            finish(pdf, d, fileSeed);
            pdf.save(out);
        }
    }

    /** A page as a 200 dpi greyscale scan: Serif 11 pt (smaller if needed to fit), black on white. */
    private static BufferedImage render(Lines lines) {
        double px = SCAN_DPI / 72.0; // pixels a point
        int w = (int) Math.round(PAGE_W * px), h = (int) Math.round(PAGE_H * px);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            double margin = MARGIN * px, bottom = h - (MARGIN * px);
            float points = SCAN_POINTS;
            List<String> wrapped;
            Font font;
            FontMetrics fm;
            while (true) {
                font = new Font(Font.SERIF, Font.PLAIN, 1).deriveFont((float) (points * px));
                fm = g.getFontMetrics(font);
                FontMetrics m = fm;
                wrapped = wrap(lines.body(), w - 2 * margin, 1, s -> m.getStringBounds(s, g).getWidth());
                if (points <= 7 || margin + wrapped.size() * points * px * LEADING <= bottom) break;
                points -= 0.5f;
            }
            g.setFont(font);
            double leading = points * px * LEADING;
            double y = margin + fm.getAscent();
            for (String line : wrapped) {
                if (!line.isEmpty()) g.drawString(line, (float) margin, (float) y);
                y += leading;
            }
            if (lines.bates() != null) {
                Font stamp = new Font(Font.SERIF, Font.PLAIN, 1).deriveFont((float) (SCAN_POINTS * px));
                g.setFont(stamp);
                double sw = g.getFontMetrics(stamp).getStringBounds(lines.bates(), g).getWidth();
                g.drawString(lines.bates(), (float) (w - margin - sw), (float) (h - BATES_Y * px));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    // ---- OOXML packages ----

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] ooxml(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        writer.write(bytes);
        return bytes.toByteArray();
    }

    /** {@link #FIXED_DATE} as an MS-DOS date and time, as ZIP headers carry them. */
    private static final int DOS_DATE = ((FIXED_DATE.getYear() - 1980) << 9) | (FIXED_DATE.getMonthValue() << 5) | FIXED_DATE.getDayOfMonth(),
            DOS_TIME = (FIXED_DATE.getHour() << 11) | (FIXED_DATE.getMinute() << 5) | (FIXED_DATE.getSecond() / 2);

    /**
     * POI zips an OOXML package with the current time on every entry and no way to set it; this overwrites the
     * modification time in each entry's central-directory and local header with {@link #FIXED_DATE}, in place (the
     * time is outside the CRC and the compressed data), so the same document gives the same bytes.
     */
    static byte[] fixZipTimes(byte[] z) throws IOException {
        int eocd = -1;
        for (int i = z.length - 22; i >= Math.max(0, z.length - 22 - 0xffff); i--) {
            if (le32(z, i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) throw new IOException("not a ZIP file: no end of central directory record");
        int count = le16(z, eocd + 10);
        int p = (int) le32(z, eocd + 16);
        for (int k = 0; k < count; k++) {
            if (p < 0 || p + 46 > z.length || le32(z, p) != 0x02014b50) throw new IOException("ZIP central directory entry " + k + " not found");
            put16(z, p + 12, DOS_TIME);
            put16(z, p + 14, DOS_DATE);
            int local = (int) le32(z, p + 42);
            if (local < 0 || local + 30 > z.length || le32(z, local) != 0x04034b50) throw new IOException("ZIP local header " + k + " not found");
            put16(z, local + 10, DOS_TIME);
            put16(z, local + 12, DOS_DATE);
            p += 46 + le16(z, p + 28) + le16(z, p + 30) + le16(z, p + 32);
        }
        return z;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long le32(byte[] b, int i) {
        return le16(b, i) | (long) le16(b, i + 2) << 16;
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }

    // ---- DOCX ----

    private static void writeDocx(Document d, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            fixedProperties(doc.getProperties(), title(d));
            List<Page> pages = d.pages();
            for (int i = 0; i < pages.size(); i++) {
                Lines lines = Lines.of(pages.get(i));
                for (String line : lines.body()) {
                    XWPFParagraph para = doc.createParagraph();
                    para.setSpacingAfter(0);
                    XWPFRun run = para.createRun();
                    run.setFontSize(10);
                    if (!line.isEmpty()) run.setText(line);
                }
                XWPFParagraph stamp = doc.createParagraph();
                stamp.setAlignment(ParagraphAlignment.RIGHT);
                XWPFRun run = stamp.createRun();
                run.setFontSize(10);
                if (lines.bates() != null) run.setText(lines.bates());
                if (i < pages.size() - 1) run.addBreak(BreakType.PAGE);
            }
            doc.write(out);
        }
    }

    private static void fixedProperties(POIXMLProperties props, String title) {
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        Date when = Date.from(FIXED_DATE.toInstant());
        core.setCreated(Optional.of(when));
        core.setModified(Optional.of(when));
        core.setCreator("Leverage BinaryCorpusWriter");
        core.setTitle(title);
    }

    // ---- XLSX ----

    private static void writeXlsx(Document d, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fixedProperties(wb.getProperties(), title(d));
            for (Page p : d.pages()) {
                XSSFSheet sheet = wb.createSheet("Page " + p.number());
                sheet.setColumnWidth(0, 40 * 256);
                Lines lines = Lines.of(p);
                int r = 0;
                for (String line : lines.body()) {
                    if (line.isBlank()) continue;
                    Row row = sheet.createRow(r++);
                    String[] cells = line.contains(" | ") ? line.strip().split("\\s*\\|\\s*") : line.strip().split("\\s{2,}");
                    for (int c = 0; c < cells.length; c++) row.createCell(c).setCellValue(cells[c]);
                }
                if (lines.bates() != null) sheet.createRow(r).createCell(0).setCellValue(lines.bates());
            }
            wb.write(out);
        }
    }

    // ---- e-mail ----

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    private static void writeEml(Document d, OutputStream out, long fileSeed) throws IOException {
        Random r = new Random(fileSeed);
        String path = d.path();
        String attachment = path.substring(path.lastIndexOf('/') + 1);
        String incident = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
        String hash = HexFormat.of().formatHex(md5(fileSeed + "|" + path));
        String boundary = "----=_Part_" + hash.substring(0, 24);
        ZonedDateTime date = FIXED_DATE.plusDays(r.nextInt(700)).plusMinutes(r.nextInt(24 * 60)).withZoneSameInstant(ZoneOffset.ofHours(-5));
        String[] senders = {"Records Unit <records@harlan-so.example>", "Evidence Custodian <evidence@eastbrook-pd.example>",
                "Discovery Coordinator <discovery@da-office.example>", "Lab Reporting <reports@crimelab.example>"};
        String title = title(d);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        writePdf(d, pdf, fileSeed);

        StringBuilder h = new StringBuilder(1024);
        h.append("From: ").append(senders[r.nextInt(senders.length)]).append("\r\n");
        h.append("To: Defense Counsel <counsel@defense-firm.example>\r\n");
        h.append("Subject: Discovery production, case ").append(incident).append(": ").append(title).append("\r\n");
        h.append("Date: ").append(RFC_1123.format(date)).append("\r\n");
        h.append("Message-ID: <").append(hash).append("@leverage-bench.example>\r\n");
        h.append("MIME-Version: 1.0\r\n");
        h.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n");
        h.append("\r\n");
        h.append("This is a multi-part message in MIME format.\r\n");
        h.append("\r\n--").append(boundary).append("\r\n");
        h.append("Content-Type: text/plain; charset=us-ascii\r\n");
        h.append("Content-Transfer-Encoding: 7bit\r\n\r\n");
        h.append("Counsel,\r\n\r\n");
        h.append("Attached is the ").append(title).append(" (").append(d.pages().size()).append(d.pages().size() == 1 ? " page" : " pages")
                .append("), produced in discovery for case ").append(incident).append(".\r\n");
        h.append("Please confirm receipt.\r\n\r\nRegards,\r\nDiscovery Unit\r\n");
        h.append("\r\n--").append(boundary).append("\r\n");
        h.append("Content-Type: application/pdf; name=\"").append(attachment).append("\"\r\n");
        h.append("Content-Transfer-Encoding: base64\r\n");
        h.append("Content-Disposition: attachment; filename=\"").append(attachment).append("\"\r\n\r\n");
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(Base64.getMimeEncoder(76, new byte[]{'\r', '\n'}).encode(pdf.toByteArray()));
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    // ---- helpers ----

    private static String title(Document d) {
        String t = d.metadata().get("title");
        return ascii(t == null ? d.type() : t);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a production of {@code args[1]} documents (default 10,000) to {@code args[0]} (default a new temporary
     * folder) with seed {@code args[2]} and scanned fraction {@code args[3]}, and prints what it wrote and how long it
     * took.
     */
    public static void main(String[] args) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("leverage-binary-corpus-");
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SearchBenchmark.SEED;
        double scanned = args.length > 3 ? Double.parseDouble(args[3]) : DEFAULT_SCANNED_FRACTION;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        long t0 = System.nanoTime();
        SearchBenchmark.Corpus corpus = corpusOf(seed, documents);
        double genS = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Written w = write(corpus, dir, seed, scanned, threads);
        double writeS = (System.nanoTime() - t1) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.println(String.format(Locale.ROOT, "Corpus: %,d documents, %,d pages generated in %.1f s (seed %d)", corpus.docs.size(), corpus.pages, genS, seed));
        System.out.println(String.format(Locale.ROOT, "Wrote %,d files, %,d pages (%,d scanned), %.1f MB to %s in %.1f s with %d threads (%,.0f files/s, %,.0f pages/s)",
                w.documents(), w.pages(), w.scannedPages(), w.bytes() / 1e6, dir.toAbsolutePath(), writeS, threads, w.documents() / writeS, w.pages() / writeS));
        System.out.println("Per format: " + w.perFormat());
        System.out.println(String.format(Locale.ROOT, "Heap in use at the end: %d MB of %d MB max",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20));
    }
}
