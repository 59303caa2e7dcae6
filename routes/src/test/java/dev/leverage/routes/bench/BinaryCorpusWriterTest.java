package dev.leverage.routes.bench;

import dev.leverage.ingest.Document;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.Page;
import dev.leverage.ingest.ParseOutcome;
import dev.leverage.ingest.TikaDocumentParser;
import dev.leverage.routes.bench.BinaryCorpusWriter.Format;
import dev.leverage.routes.bench.BinaryCorpusWriter.Planned;
import dev.leverage.routes.bench.BinaryCorpusWriter.Written;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The binary corpus read back through the product's own parser: 60 documents in every format (two of them scanned),
 * each file parsed by {@link TikaDocumentParser} and compared with the corpus it was written from.
 */
class BinaryCorpusWriterTest {
    private static final long SEED = 1;
    private static final int DOCUMENTS = 60;
    /** Two scanned documents of 60 (three pages with this seed): enough to see OCR, few enough to keep the test short. */
    private static final double SCANNED = 0.04;

    @TempDir
    static Path dir;
    private static SearchBenchmark.Corpus corpus;
    private static List<Planned> plan;
    private static Written written;
    private static TikaDocumentParser parser;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = BinaryCorpusWriter.corpusOf(SEED, DOCUMENTS);
        written = BinaryCorpusWriter.write(corpus, dir, SEED, SCANNED);
        plan = BinaryCorpusWriter.plan(corpus, SEED, SCANNED);
        parser = new TikaDocumentParser(IngestLimits.DEFAULT);
    }

    @Test
    void writesEveryDocumentInTheMix() throws IOException {
        assertEquals(DOCUMENTS, corpus.docs.size());
        assertEquals(DOCUMENTS, written.documents());
        assertEquals(corpus.pages, written.pages());
        Map<String, Integer> mix = written.perFormat();
        assertEquals(Map.of("pdf", 35, "docx", 12, "xlsx", 7, "eml", 4, "scanned_pdf", 2), mix);
        assertTrue(written.scannedPages() >= 2, "scanned pages: " + written.scannedPages());
        long bytes = 0;
        for (Planned p : plan) {
            Path file = dir.resolve(p.path());
            assertTrue(Files.isRegularFile(file), p.path());
            bytes += Files.size(file);
            // the incident folder and the name of the corpus path, with the format's extension
            String corpusBase = p.doc().path().substring(0, p.doc().path().lastIndexOf('.'));
            assertEquals(corpusBase + "." + p.format().extension, p.path());
        }
        assertEquals(bytes, written.bytes());
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(DOCUMENTS, files.filter(Files::isRegularFile).count());
        }
        // spreadsheets are log-like documents when there are enough of them
        plan.stream().filter(p -> p.format() == Format.XLSX)
                .forEach(p -> assertTrue(BinaryCorpusWriter.LOG_TYPES.contains(p.doc().type()), p.path()));
    }

    @Test
    void formatQuotasAreExactAndSpreadsheetsAreLogs() {
        SearchBenchmark.Corpus big = BinaryCorpusWriter.corpusOf(7, 2_000);
        assertEquals(2_000, big.docs.size());
        List<Planned> p = BinaryCorpusWriter.plan(big, 7, BinaryCorpusWriter.DEFAULT_SCANNED_FRACTION);
        Map<Format, Long> n = new java.util.EnumMap<>(Format.class);
        p.forEach(x -> n.merge(x.format(), 1L, Long::sum));
        assertEquals(Map.of(Format.PDF, 1_210L, Format.DOCX, 400L, Format.XLSX, 240L, Format.EML, 140L, Format.SCANNED_PDF, 10L), n);
        assertTrue(p.stream().filter(x -> x.format() == Format.XLSX).allMatch(x -> BinaryCorpusWriter.LOG_TYPES.contains(x.doc().type())));
        // scanned documents are those the corpus itself marks as OCR pages
        assertTrue(p.stream().filter(x -> x.format() == Format.SCANNED_PDF).allMatch(x -> x.doc().pages().get(0).ocr()));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void sameSeedWritesTheSameBytesWhateverTheThreads(@TempDir Path other) throws IOException {
        SearchBenchmark.Corpus small = BinaryCorpusWriter.corpusOf(SEED, 40);
        Path a = other.resolve("a"), b = other.resolve("b");
        BinaryCorpusWriter.write(small, a, SEED, 0.05, 1);
        BinaryCorpusWriter.write(small, b, SEED, 0.05, 3);
        List<Planned> p = BinaryCorpusWriter.plan(small, SEED, 0.05);
        assertTrue(p.stream().map(Planned::format).distinct().count() == Format.values().length, "every format is compared");
        for (Planned x : p) {
            assertArrayEquals(Files.readAllBytes(a.resolve(x.path())), Files.readAllBytes(b.resolve(x.path())), x.path());
            if (x.format() == Format.DOCX || x.format() == Format.XLSX) {
                // both copies may fall in one two-second ZIP time tick: check the entries carry the fixed time, not the clock's
                try (ZipFile zip = new ZipFile(a.resolve(x.path()).toFile())) {
                    zip.stream().forEach(e -> assertEquals(BinaryCorpusWriter.FIXED_DATE.toLocalDateTime(), e.getTimeLocal(), x.path() + "!" + e.getName()));
                }
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void bornDigitalFilesParseWithTheirPagesAndStamps() {
        for (Planned p : plan) {
            if (p.format() == Format.SCANNED_PDF) continue;
            List<Page> expected = p.doc().pages();
            ParseOutcome out = parser.parse(dir.resolve(p.path()), p.path(), null);
            ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, out, p.path() + " parses: " + out);
            Document main = parsed.documents().get(0);
            switch (p.format()) {
                case PDF -> {
                    assertEquals(1, parsed.documents().size(), p.path());
                    assertSamePages(p.path(), expected, main);
                }
                case DOCX -> {
                    // Tika turns <w:br w:type="page"/> into a newline, not a page marker or form feed, so PageSplitter
                    // gives a DOCX one page. Should ingest learn DOCX page breaks, check pages as for PDF instead.
                    assertEquals(1, main.pages().size(), p.path() + ": DOCX page breaks are not pages in ingest yet");
                    assertPagesInOrder(p.path(), expected, main.pages().get(0).text());
                    assertEquals(expected.get(expected.size() - 1).bates(), main.pages().get(0).bates(), p.path());
                }
                case XLSX -> {
                    // each sheet is a page (Tika 3 marks sheets <div class="sheet">), its rows kept as a table
                    assertSamePages(p.path(), expected, main);
                    assertTrue(main.pages().stream().noneMatch(pg -> pg.tables().isEmpty()), p.path() + " keeps its rows as tables");
                }
                case EML -> {
                    assertEquals("message/rfc822", main.mediaType(), p.path());
                    assertTrue(main.fullText().contains("Attached is the " + p.doc().metadata().get("title")), p.path() + ": " + main.fullText());
                    assertEquals(2, parsed.documents().size(), p.path() + ": the message and its attachment");
                    Document attachment = parsed.documents().get(1);
                    assertEquals("application/pdf", attachment.mediaType());
                    assertTrue(attachment.path().endsWith(".pdf"), attachment.path());
                    assertSamePages(attachment.path(), expected, attachment);
                }
                default -> throw new AssertionError(p.format());
            }
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void scannedPdfsAreReadBackByOcr() {
        List<Planned> scanned = plan.stream().filter(p -> p.format() == Format.SCANNED_PDF).toList();
        assertTrue(scanned.size() >= 2, "scanned documents: " + scanned.size());
        Assumptions.assumeTrue(parser.ocrAvailable(), "Tesseract is not installed; scanned PDFs cannot be read");
        List<String> report = new ArrayList<>();
        for (Planned p : scanned) {
            List<Page> expected = p.doc().pages();
            long t0 = System.nanoTime();
            ParseOutcome out = parser.parse(dir.resolve(p.path()), p.path(), null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, out, p.path() + " parses: " + out);
            Document main = parsed.documents().get(0);
            assertEquals(expected.size(), main.pages().size(), p.path() + ": one page a scanned page");
            for (int i = 0; i < expected.size(); i++) {
                Page want = expected.get(i), got = main.pages().get(i);
                assertTrue(got.ocr(), p.path() + " page " + (i + 1) + " is OCR text");
                double recall = wordRecall(want.text(), got.text());
                boolean stamp = want.bates().equals(got.bates());
                report.add(String.format(Locale.ROOT, "%s p%d: stamp %s (read %s), %.0f%% of words", p.path(), i + 1,
                        stamp ? "kept" : "lost", got.bates(), recall * 100));
                assertTrue(stamp || recall >= 0.8, p.path() + " page " + (i + 1) + ": stamp " + got.bates() + " for " + want.bates()
                        + ", word recall " + recall + "\n" + got.text());
                assertTrue(recall >= 0.6, p.path() + " page " + (i + 1) + ": word recall " + recall + "\n" + got.text());
            }
            report.add(String.format(Locale.ROOT, "%s: %d pages OCRed in %.1f s", p.path(), expected.size(), seconds));
        }
        System.out.println(String.join("\n", report));
    }

    // ---- helpers ----

    /** Same page count as the corpus, each page's stamp on that page, each page's text (whitespace aside) on it. */
    private static void assertSamePages(String path, List<Page> expected, Document got) {
        assertEquals(expected.size(), got.pages().size(), path + ": page count");
        for (int i = 0; i < expected.size(); i++) {
            Page want = expected.get(i), page = got.pages().get(i);
            assertEquals(want.bates(), page.bates(), path + " page " + (i + 1) + " stamp");
            assertTrue(norm(page.text()).contains(norm(want.text())), path + " page " + (i + 1) + " text\nwant: " + norm(want.text()) + "\ngot:  " + norm(page.text()));
        }
    }

    /** Every corpus page's text (whitespace and cell separators aside) in {@code text}, in page order. */
    private static void assertPagesInOrder(String path, List<Page> expected, String text) {
        String got = norm(text);
        int from = 0;
        for (int i = 0; i < expected.size(); i++) {
            String want = norm(expected.get(i).text());
            int at = got.indexOf(want, from);
            assertTrue(at >= 0, path + " page " + (i + 1) + " text in order\nwant: " + want + "\ngot:  " + got);
            from = at + want.length();
        }
    }

    /** Words and cells as one space-separated line: spreadsheet cells come back tab-separated, custody logs use " | ". */
    private static String norm(String s) {
        return s.replace('|', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Share of the page's words of three or more letters or digits that OCR read exactly. */
    private static double wordRecall(String want, String got) {
        Set<String> read = new HashSet<>(words(got));
        List<String> words = words(want);
        return words.stream().filter(read::contains).count() / (double) Math.max(1, words.size());
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() >= 3).toList();
    }
}
