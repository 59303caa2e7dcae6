package dev.leverage.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parsing in real child JVMs: the same documents as in-process, and a file that runs too long, needs too much
 * memory or loses its process costs that file only, with a one-sentence reason, while the next file parses.
 */
@Timeout(300)
class ForkedDocumentParserTest {
    static final Path DEMO = TikaDocumentParserTest.DEMO;

    @TempDir
    Path dir;

    @Test
    void childProcessesGiveWhatTheInProcessParserGives() throws Exception {
        TikaDocumentParser local = new TikaDocumentParser(IngestLimits.DEFAULT);
        try (ForkedDocumentParser forked = new ForkedDocumentParser(IngestLimits.DEFAULT, 2, null)) {
            for (String name : List.of("05_Property_Evidence_Custody_Log.xlsx", "10_Email_ADA_Supplemental_Discovery.eml", "11_Tow_Inventory_Scanned.pdf")) {
                Path f = DEMO.resolve(name);
                ParseOutcome.Parsed a = assertInstanceOf(ParseOutcome.Parsed.class, local.parse(f, name, null));
                ParseOutcome.Parsed b = assertInstanceOf(ParseOutcome.Parsed.class, forked.parse(f, name, null));
                assertEquals(a, b, name + " comes back from the parser process exactly as parsed in-process");
            }
            Path empty = Files.createFile(dir.resolve("empty.pdf"));
            ParseOutcome.Quarantined q = assertInstanceOf(ParseOutcome.Quarantined.class, forked.parse(empty, "empty.pdf", null));
            assertTrue(q.record().reason().contains("empty"), q.record().reason());
        }
    }

    @Test
    void aFileThatRunsTooLongIsStoppedAndTheNextFileParses() throws Exception {
        Assumptions.assumeTrue(TikaDocumentParser.tesseractInstalled(), "needs Tesseract: a long scan is the slow file");
        Path slow = scannedPdf(dir.resolve("long_scan.pdf"), 24);
        Path good = Files.writeString(dir.resolve("note.txt"), "Detective Halvorsen logged the scale at 0940.", StandardCharsets.UTF_8);
        try (ForkedDocumentParser forked = new ForkedDocumentParser(IngestLimits.DEFAULT.withParseTimeoutSeconds(4), 1, null)) {
            assertInstanceOf(ParseOutcome.Parsed.class, forked.parse(good, "note.txt", null)); // the process is up and warm
            long t0 = System.nanoTime();
            ParseOutcome.Quarantined q = assertInstanceOf(ParseOutcome.Quarantined.class, forked.parse(slow, "long_scan.pdf", null));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertTrue(q.record().reason().startsWith("Parsing the file took longer than 4 seconds"), q.record().reason());
            assertTrue(seconds < 30, "the file is given up at its limit, not parsed to the end: " + seconds + " s");
            ParseOutcome.Parsed after = assertInstanceOf(ParseOutcome.Parsed.class, forked.parse(good, "note.txt", null));
            assertTrue(after.documents().get(0).fullText().contains("Halvorsen"), "a new parser process takes the next file");
        }
    }

    @Test
    void aFileThatNeedsTooMuchMemoryCostsOnlyThatFile() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 24 << 20; i++) sb.append("Line ").append(i).append(": item ").append(i % 97).append(" moved to locker ").append(i % 13).append('\n');
        Path big = Files.writeString(dir.resolve("big_log.txt"), sb, StandardCharsets.UTF_8);
        Path good = Files.writeString(dir.resolve("note.txt"), "Trooper Adeyemi sealed item 3.", StandardCharsets.UTF_8);
        try (ForkedDocumentParser forked = new ForkedDocumentParser(IngestLimits.DEFAULT.withParserHeapMb(48), 1, null)) {
            ParseOutcome.Quarantined q = assertInstanceOf(ParseOutcome.Quarantined.class, forked.parse(big, "big_log.txt", null));
            assertTrue(q.record().reason().startsWith("Parsing the file needed more than 48 MB of memory"), q.record().reason());
            assertInstanceOf(ParseOutcome.Parsed.class, forked.parse(good, "note.txt", null));
        }
    }

    @Test
    void aParserProcessThatDiesMidFileIsReplaced() throws Exception {
        Assumptions.assumeTrue(TikaDocumentParser.tesseractInstalled(), "needs Tesseract: a long scan keeps the process busy");
        Path slow = scannedPdf(dir.resolve("long_scan.pdf"), 24);
        Path good = Files.writeString(dir.resolve("note.txt"), "Officer Brandt opened locker 4.", StandardCharsets.UTF_8);
        try (ForkedDocumentParser forked = new ForkedDocumentParser(IngestLimits.DEFAULT, 1, null)) {
            assertInstanceOf(ParseOutcome.Parsed.class, forked.parse(good, "note.txt", null));
            CompletableFuture<ParseOutcome> busy = CompletableFuture.supplyAsync(() -> forked.parse(slow, "long_scan.pdf", null));
            Thread.sleep(1500);
            // kill -9 of the parser process, as the kernel's OOM killer or a crash in native code would
            List<ProcessHandle> workers = ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
            assertEquals(1, workers.size(), "one parser process");
            workers.forEach(ProcessHandle::destroyForcibly);
            ParseOutcome.Quarantined q = assertInstanceOf(ParseOutcome.Quarantined.class, busy.get(60, TimeUnit.SECONDS));
            assertTrue(q.record().reason().startsWith("The parser process crashed on the file"), q.record().reason());
            assertInstanceOf(ParseOutcome.Parsed.class, forked.parse(good, "note.txt", null));
        }
    }

    /** An image-only PDF: each page a rendered report page that Tesseract has to read. */
    static Path scannedPdf(Path file, int pages) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= pages; p++) {
                BufferedImage img = new BufferedImage(1275, 1650, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, img.getWidth(), img.getHeight());
                g.setColor(Color.BLACK);
                g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 26));
                for (int line = 0; line < 40; line++) {
                    g.drawString("Page " + p + " line " + line + ": the evidence bag was resealed by Deputy Marchand at 14" + (10 + line), 90, 120 + line * 36);
                }
                g.dispose();
                PDPage page = new PDPage();
                doc.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
