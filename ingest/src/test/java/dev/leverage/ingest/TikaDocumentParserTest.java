package dev.leverage.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tika on real files: PDFs made here with PDFBox, the demo case's Office files, e-mail and scan; and bad input. */
class TikaDocumentParserTest {
    static final Path DEMO = Path.of(System.getProperty("leverage.root", "..")).resolve("examples/cases/25-003117");
    final TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);

    @TempDir
    Path dir;

    ParseOutcome parse(Path f) throws Exception {
        return parser.parse(f, f.getFileName().toString(), TikaDocumentParser.sha256(f));
    }

    static Path pdf(Path file, String[] pages, String password) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    cs.newLineAtOffset(72, 720);
                    for (String line : text.split("\n")) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -14);
                    }
                    cs.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy p = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                p.setEncryptionKeyLength(128);
                doc.protect(p);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void pdfPagesKeepTheirNumbersAndBates() throws Exception {
        Path f = pdf(dir.resolve("narrative.pdf"), new String[]{
                "INCIDENT REPORT\nOn 05/02/2024 at 2214 hrs I stopped a gray Kia.\nMPD-000101",
                "At 2231 hrs the driver was arrested.\nMPD-000102"}, null);
        ParseOutcome.Parsed p = assertInstanceOf(ParseOutcome.Parsed.class, parse(f));
        Document d = p.documents().get(0);
        assertEquals(2, d.pages().size());
        assertEquals("MPD-000101", d.page(1).bates());
        assertEquals("MPD-000102", d.page(2).bates());
        assertTrue(d.page(2).text().contains("the driver was arrested"));
        assertFalse(d.page(1).ocr());
    }

    @Test
    void officeFilesEmailAttachmentsAndScans() throws Exception {
        ParseOutcome.Parsed xlsx = assertInstanceOf(ParseOutcome.Parsed.class, parse(DEMO.resolve("05_Property_Evidence_Custody_Log.xlsx")));
        assertFalse(xlsx.documents().get(0).pages().get(0).tables().isEmpty(), "spreadsheet rows are kept as a table");
        ParseOutcome.Parsed eml = assertInstanceOf(ParseOutcome.Parsed.class, parse(DEMO.resolve("10_Email_ADA_Supplemental_Discovery.eml")));
        assertEquals(2, eml.documents().size(), "the attachment is a document of its own");
        Document attachment = eml.documents().get(1);
        assertEquals(eml.documents().get(0).id(), attachment.parentId());
        assertTrue(attachment.path().contains("!"), attachment.path());
        ParseOutcome.Parsed scan = assertInstanceOf(ParseOutcome.Parsed.class, parse(DEMO.resolve("11_Tow_Inventory_Scanned.pdf")));
        Page page = scan.documents().get(0).page(1);
        assertTrue(page.ocr(), "an image-only page is read by Tesseract");
        assertTrue(page.text().toLowerCase().contains("hartwell"), page.text());
        assertTrue(page.ocrConfidence() != null && page.ocrConfidence() > 0.5 && page.ocrConfidence() <= 1,
                "an OCRed page keeps Tesseract's mean word confidence: " + page.ocrConfidence());
        assertFalse(page.text().contains("  ") || page.text().lines().anyMatch(l -> l.startsWith(" ")),
                "hOCR layout whitespace does not leak into the text: " + page.text());
        assertEquals(null, xlsx.documents().get(0).page(1).ocrConfidence(), "a page with a text layer has no OCR confidence");
    }

    @Test
    void nestingAndZipBombLimits() throws Exception {
        // a zip in a zip ... 8 deep, text at the bottom and at level 2
        byte[] inner = zip("deep.txt", "Deputy Okafor sealed bag 7 at the bottom.".getBytes());
        for (int level = 7; level >= 1; level--) {
            inner = level == 2 ? zip2("level2.zip", inner, "note.txt", "Sergeant Lindqvist signed at level two.".getBytes()) : zip("level" + level + ".zip", inner);
        }
        Path nested = Files.write(dir.resolve("nested.zip"), inner);
        TikaDocumentParser shallow = new TikaDocumentParser(IngestLimits.DEFAULT.withMaxDepth(3));
        ParseOutcome.Parsed p = assertInstanceOf(ParseOutcome.Parsed.class, shallow.parse(nested, "nested.zip", null));
        assertTrue(p.documents().stream().anyMatch(d -> d.fullText().contains("Lindqvist")), "shallow levels are read");
        assertFalse(p.documents().stream().anyMatch(d -> d.fullText().contains("Okafor")), "levels past the limit are not");
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("nested more than 3 levels")), p.warnings().toString());
        ParseOutcome.Parsed all = assertInstanceOf(ParseOutcome.Parsed.class, parser.parse(nested, "nested.zip", null));
        assertTrue(all.documents().stream().anyMatch(d -> d.fullText().contains("Okafor")), "the default depth reads all eight levels");

        // 64 MB of zeros deflate to about 64 KB: 1000:1
        Path bomb = dir.resolve("bomb.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new java.util.zip.ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) out.write(zeros);
            out.closeEntry();
        }
        ParseOutcome.Quarantined q = assertInstanceOf(ParseOutcome.Quarantined.class, parser.parse(bomb, "bomb.zip", null));
        assertTrue(q.record().reason().contains("zip bomb"), q.record().reason());
        Path wrapped = Files.write(dir.resolve("wrapped.zip"), zip("bomb.zip", Files.readAllBytes(bomb)));
        q = assertInstanceOf(ParseOutcome.Quarantined.class, parser.parse(wrapped, "wrapped.zip", null));
        assertTrue(q.record().reason().contains("zip bomb"), "a bomb inside an archive is found too: " + q.record().reason());
    }

    @Test
    void windowsTextKeepsItsQuotesAndStaysOnePage() throws Exception {
        String text = "STATEMENT OF WITNESS\n\u201cI saw the car at 11:40,\u201d she said \u2013 caf\u00e9 owner.\n\u201cIt was dark.\u201d\n";
        Path f = Files.write(dir.resolve("statement.txt"), text.getBytes("windows-1252"));
        ParseOutcome.Parsed p = assertInstanceOf(ParseOutcome.Parsed.class, parse(f));
        Document d = p.documents().get(0);
        assertEquals(1, d.pages().size(), "a quote at the start of a line is not a page break: " + d.pages());
        assertTrue(d.fullText().contains("\u201cI saw the car at 11:40,\u201d she said \u2013 caf\u00e9 owner."), d.fullText());
        Path latin = Files.write(dir.resolve("latin.txt"), "D\u00e9claration du t\u00e9moin: le v\u00e9lo \u00e9tait l\u00e0.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(((ParseOutcome.Parsed) parse(latin)).documents().get(0).fullText().contains("v\u00e9lo \u00e9tait l\u00e0"), "plain Latin-1 still reads as it did");
    }

    static byte[] zip(String name, byte[] content) throws Exception {
        return zip2(name, content, null, null);
    }

    static byte[] zip2(String name, byte[] content, String name2, byte[] content2) throws Exception {
        var buf = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(buf)) {
            out.putNextEntry(new java.util.zip.ZipEntry(name));
            out.write(content);
            out.closeEntry();
            if (name2 != null) {
                out.putNextEntry(new java.util.zip.ZipEntry(name2));
                out.write(content2);
                out.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    @Test
    void badInputIsQuarantinedWithAReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        Path locked = pdf(dir.resolve("locked.pdf"), new String[]{"SEALED WARRANT AFFIDAVIT"}, "s3cret");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path binary = Files.write(dir.resolve("report.pdf"), noise);
        Path truncated = dir.resolve("truncated.pdf");
        byte[] whole = Files.readAllBytes(pdf(dir.resolve("whole.pdf"), new String[]{"a page of text"}, null));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        for (Path f : List.of(empty, locked, binary, truncated)) {
            ParseOutcome.Quarantined q = assertInstanceOf(ParseOutcome.Quarantined.class, parse(f), f.getFileName().toString());
            String reason = q.record().reason();
            assertFalse(reason.isBlank());
            assertFalse(reason.contains("Exception") || reason.contains("\n"), reason);
        }
        assertTrue(((ParseOutcome.Quarantined) parse(locked)).record().reason().toLowerCase().contains("password")
                || ((ParseOutcome.Quarantined) parse(locked)).record().reason().toLowerCase().contains("encrypt"));
        assertTrue(((ParseOutcome.Quarantined) parse(empty)).record().reason().toLowerCase().contains("empty"));
    }
}
