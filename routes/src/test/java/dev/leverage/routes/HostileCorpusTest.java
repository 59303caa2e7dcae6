package dev.leverage.routes;

import dev.leverage.ingest.Document;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.ParseOutcome;
import dev.leverage.ingest.TikaDocumentParser;
import dev.leverage.routes.HostileCorpus.Entry;
import dev.leverage.routes.HostileCorpus.Outcome;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus is what it says it is: at least 32 files, all on disk and no others, the same bytes on every
 * build, each hostile file really hostile in the way its entry claims (the encrypted files need their passwords,
 * the bomb expands past 100:1, the nesting is twelve deep, the copies are copies). Then each file goes through
 * today's {@link TikaDocumentParser} with the corpus limits and the outcome is printed beside the expectation. The
 * parser is not held to the expectations here: depth and compression-ratio limits are not in it yet. Every parse
 * runs on its own thread with a deadline, so a file that hangs the parser is reported, not waited for.
 */
class HostileCorpusTest {
    static final IngestLimits LIMITS = new IngestLimits(HostileCorpus.MAX_FILE_BYTES, HostileCorpus.WRITE_LIMIT, 100, 60);
    static final long PARSE_DEADLINE_SECONDS = 30;

    @TempDir
    static Path tmp;
    static Path dir;
    static List<Entry> entries;
    static long buildMillis;

    @BeforeAll
    static void build() throws IOException {
        dir = tmp.resolve("hostile");
        long start = System.nanoTime();
        entries = HostileCorpus.build(dir);
        buildMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @Timeout(120)
    void atLeast32FilesAllOnDiskAndNoOthers() throws IOException {
        assertTrue(entries.size() >= 32, "only " + entries.size() + " entries");
        assertTrue(buildMillis < 15_000, "the corpus took " + buildMillis + " ms to build");
        Set<String> onDisk;
        try (Stream<Path> s = Files.walk(dir)) {
            onDisk = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        Set<String> listed = entries.stream().map(Entry::relativePath).collect(Collectors.toSet());
        assertEquals(entries.size(), listed.size(), "paths are unique");
        assertEquals(listed, onDisk);

        Set<String> markers = new HashSet<>();
        for (Entry e : entries) {
            assertNotNull(e.what(), e.relativePath());
            if (e.expected() == Outcome.INDEXED) {
                assertNotNull(e.marker(), e.relativePath() + " is expected indexed, so it needs a marker");
                assertTrue(markers.add(e.marker()), "marker used twice: " + e.marker());
            } else {
                assertNull(e.marker(), e.relativePath());
            }
            if (e.reasonHint() != null) {
                assertEquals(Outcome.QUARANTINED, e.expected(), e.relativePath());
                assertEquals(e.reasonHint().toLowerCase(Locale.ROOT), e.reasonHint());
            }
        }
        for (Outcome o : Outcome.values()) {
            assertTrue(entries.stream().anyMatch(e -> e.expected() == o), "no " + o + " file");
        }
    }

    @Test
    @Timeout(120)
    void twoBuildsGiveTheSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        List<Entry> second = HostileCorpus.build(again);
        assertEquals(entries, second);
        for (Entry e : entries) {
            assertEquals(TikaDocumentParser.sha256(dir.resolve(e.relativePath())),
                    TikaDocumentParser.sha256(again.resolve(e.relativePath())), e.relativePath());
        }
    }

    @Test
    @Timeout(120)
    void everyFileIsWhatItsEntrySays() throws Exception {
        // sizes: the empty, the huge and the large
        assertEquals(0, Files.size(file("13_empty.pdf")));
        assertEquals(0, Files.size(file("14_empty.txt")));
        long huge = Files.size(file("15_huge_over_limit.txt"));
        assertTrue(huge > HostileCorpus.MAX_FILE_BYTES && huge < HostileCorpus.MAX_FILE_BYTES + 8192, "huge: " + huge);
        long large = Files.size(file("16_large_dispatch_log.txt"));
        assertTrue(large > HostileCorpus.WRITE_LIMIT + 500_000 && large < HostileCorpus.MAX_FILE_BYTES, "large: " + large);
        assertTrue(Files.readString(file("16_large_dispatch_log.txt")).strip().endsWith(HostileCorpus.CUT_MARKER));

        // the valid PDF has its text layer; the truncated one really is a cut copy of a PDF
        try (PDDocument pdf = Loader.loadPDF(file("01_incident_report.pdf").toFile())) {
            assertEquals(2, pdf.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(pdf).contains(HostileCorpus.marker(1)));
        }
        for (String cut : List.of("03a_truncated_classic_xref.pdf", "03b_truncated_object_streams.pdf")) {
            String truncated = ascii(Files.readAllBytes(file(cut)));
            assertTrue(truncated.startsWith("%PDF-") && truncated.contains("/Type /Page") == cut.startsWith("03a"), cut);
            assertFalse(truncated.contains("%%EOF"), cut + " lost its end");
        }
        byte[] corrupt = Files.readAllBytes(file("04_corrupt_body.pdf"));
        assertTrue(ascii(corrupt).startsWith("%PDF-1.7") && !ascii(corrupt).contains(" obj"));
        assertTrue(ascii(Files.readAllBytes(file("05_page_tree_loop.pdf"))).contains("/Kids [3 0 R 2 0 R]"));
        assertTrue(ascii(Files.readAllBytes(file("06_outline_loop.pdf"))).contains("/Next 7 0 R"));

        // the encrypted files need their passwords
        assertThrows(InvalidPasswordException.class, () -> Loader.loadPDF(file("07_protected_statement.pdf").toFile()).close());
        try (PDDocument pdf = Loader.loadPDF(file("07_protected_statement.pdf").toFile(), HostileCorpus.PDF_PASSWORD)) {
            assertTrue(pdf.isEncrypted());
            assertTrue(new PDFTextStripper().getText(pdf).contains("zephyrquartzlocked7"));
        }
        for (String office : List.of("08_protected_memo.docx", "09_protected_ledger.xlsx")) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file(office).toFile(), true)) {
                Decryptor d = new EncryptionInfo(fs).getDecryptor();
                assertFalse(d.verifyPassword("wrong"), office);
                assertTrue(d.verifyPassword(HostileCorpus.OFFICE_PASSWORD), office);
                try (InputStream in = d.getDataStream(fs)) {
                    byte[] plain = in.readAllBytes();
                    assertEquals("PK", ascii(plain).substring(0, 2), office + " decrypts to a zip package");
                }
            }
        }

        // the bomb: one entry, expanding far past 100:1
        try (ZipFile zip = new ZipFile(file("10_zip_bomb.zip").toFile())) {
            List<? extends ZipEntry> list = Collections.list(zip.entries());
            assertEquals(1, list.size());
            ZipEntry bomb = list.get(0);
            assertEquals(HostileCorpus.BOMB_BYTES, bomb.getSize());
            assertTrue(bomb.getSize() / bomb.getCompressedSize() > HostileCorpus.MAX_COMPRESSION_RATIO,
                    "ratio " + bomb.getSize() / bomb.getCompressedSize());
        }

        // more entries than the embedded limit
        Map<String, byte[]> many = unzip(Files.readAllBytes(file("12b_many_entries.zip")));
        assertEquals(HostileCorpus.MANY_ENTRIES, many.size());
        assertTrue(new String(many.get("field_notes/note_150.txt"), StandardCharsets.UTF_8).contains(HostileCorpus.EMBED_LIMIT_MARKER));

        // two entries with one name in two folders
        Map<String, byte[]> twins = unzip(Files.readAllBytes(file("12c_same_name_two_folders.zip")));
        assertEquals(Set.of("canvass/2025-03-03/notes.txt", "canvass/2025-03-04/notes.txt"), twins.keySet());

        // twelve zips deep, the statement at the bottom
        byte[] level = Files.readAllBytes(file("11_nested_12_deep.zip"));
        int levels = 0;
        String innermost = null;
        while (level != null) {
            levels++;
            Map<String, byte[]> parts = unzip(level);
            level = parts.entrySet().stream().filter(p -> p.getKey().endsWith(".zip")).map(Map.Entry::getValue).findFirst().orElse(null);
            if (level == null) innermost = new String(parts.get("innermost_statement.txt"), StandardCharsets.UTF_8);
        }
        assertEquals(HostileCorpus.NESTING_LEVELS, levels);
        assertTrue(innermost.contains(HostileCorpus.DEEP_MARKER));

        // zip > eml > zip > docx
        String eml = new String(unzip(Files.readAllBytes(file("12_mail_archive.zip"))).get("mailbox/2025-03-06_property_forms.eml"),
                StandardCharsets.UTF_8);
        assertTrue(eml.contains("Content-Type: multipart/mixed") && eml.contains(HostileCorpus.marker(12)));
        String b64 = eml.substring(eml.indexOf("base64\r\n\r\n") + 10, eml.lastIndexOf("\r\n--"));
        byte[] form = unzip(java.util.Base64.getMimeDecoder().decode(b64)).get("property_form_P3.docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(form));
             XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertTrue(text.getText().contains(HostileCorpus.ATTACHMENT_MARKER));
        }

        // noise is noise; the DOCX named .pdf is a zip package
        for (String noise : List.of("17_random_noise.pdf", "18_random_noise.docx")) {
            String head = ascii(Files.readAllBytes(file(noise))).substring(0, 4);
            assertFalse(head.startsWith("%PDF") || head.startsWith("PK"), noise);
        }
        assertTrue(unzip(Files.readAllBytes(file("41_lab_request.pdf"))).containsKey("word/document.xml"));
        assertTrue(unzip(Files.readAllBytes(file("19_malformed_sheet.xlsx"))).containsKey("xl/sharedStrings.xml"));

        // encodings: a BOM, single-byte curly quotes
        byte[] utf16 = Files.readAllBytes(file("26_dispatch_utf16le_bom.txt"));
        assertEquals((byte) 0xFF, utf16[0]);
        assertEquals((byte) 0xFE, utf16[1]);
        byte[] cp1252 = Files.readAllBytes(file("24_statement_windows1252.txt"));
        assertTrue(indexOf(cp1252, (byte) 0x93) >= 0 && indexOf(cp1252, (byte) 0xE9) >= 0);

        // the long name stays under ext4's 255 bytes
        Entry longest = entries.stream().max((a, b) -> Integer.compare(nameBytes(a), nameBytes(b))).orElseThrow();
        assertTrue(nameBytes(longest) > 240 && nameBytes(longest) <= 250, longest.relativePath() + ": " + nameBytes(longest));

        // the copies are copies, and their originals sort first
        for (Entry e : entries) {
            if (e.expected() != Outcome.DUPLICATE) continue;
            String sha = TikaDocumentParser.sha256(file(e.relativePath()));
            Entry original = entries.stream().filter(o -> o.expected() == Outcome.INDEXED)
                    .filter(o -> sha(o).equals(sha)).findFirst().orElseThrow();
            assertTrue(original.relativePath().compareTo(e.relativePath()) < 0, e.relativePath());
            String name = e.relativePath().substring(e.relativePath().lastIndexOf('/') + 1);
            assertTrue(original.relativePath().compareTo(name) < 0, "the original sorts first by bare name too");
        }
    }

    /** Not an assertion on the parser: a printout to set honest expectations with. */
    @Test
    @Timeout(120)
    void printWhatTodaysParserMakesOfEachFile() throws Exception {
        TikaDocumentParser parser = new TikaDocumentParser(LIMITS);
        StringBuilder out = new StringBuilder("\n=== today's TikaDocumentParser on the hostile corpus (from "
                + TikaDocumentParser.class.getProtectionDomain().getCodeSource().getLocation() + ", OCR "
                + (parser.ocrAvailable() ? "on" : "off") + ", corpus built in " + buildMillis + " ms) ===\n");
        Map<String, Integer> tally = new TreeMap<>();
        for (Entry e : entries) {
            Path f = file(e.relativePath());
            long start = System.nanoTime();
            ExecutorService one = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "parse " + e.relativePath());
                t.setDaemon(true);
                return t;
            });
            String today;
            String verdict;
            try {
                Future<ParseOutcome> future = one.submit(() -> parser.parse(f, e.relativePath(), null));
                ParseOutcome outcome = future.get(PARSE_DEADLINE_SECONDS, TimeUnit.SECONDS);
                if (outcome instanceof ParseOutcome.Parsed p) {
                    String all = p.documents().stream().map(Document::fullText).collect(Collectors.joining("\n"));
                    Document first = p.documents().get(0);
                    long ids = p.documents().stream().map(Document::id).distinct().count();
                    long paths = p.documents().stream().map(Document::path).distinct().count();
                    today = "Parsed: " + p.documents().size() + " doc(s), the first " + first.pages().size() + " page(s) "
                            + first.fullText().length() + " chars"
                            + (e.marker() == null ? "" : all.contains(e.marker()) ? ", marker found" : ", MARKER MISSING")
                            + leaks(all) + (ids < p.documents().size() ? ", SAME ID TWICE (" + ids + " distinct)" : "")
                            + (paths < p.documents().size() ? ", SAME PATH TWICE (" + paths + " distinct)" : "")
                            + (p.warnings().isEmpty() ? "" : ", warnings " + p.warnings());
                    verdict = e.expected() == Outcome.QUARANTINED ? "differs" : "ok";
                } else {
                    String reason = ((ParseOutcome.Quarantined) outcome).record().reason();
                    today = "Quarantined: " + reason;
                    verdict = e.expected() != Outcome.QUARANTINED ? "differs"
                            : e.reasonHint() != null && !reason.toLowerCase(Locale.ROOT).contains(e.reasonHint()) ? "reason differs" : "ok";
                }
            } catch (TimeoutException t) {
                today = "HUNG: no outcome after " + PARSE_DEADLINE_SECONDS + " s";
                verdict = "hung";
            } catch (Exception | Error t) {
                today = "THREW " + t;
                verdict = "threw";
            } finally {
                one.shutdownNow();
            }
            if (e.expected() == Outcome.DUPLICATE) verdict = "duplicate (not the parser's call)";
            tally.merge(verdict, 1, Integer::sum);
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.append(String.format(Locale.ROOT, "%-58s expected %-11s %-6s %6d ms  %s  [%s]%n", e.relativePath(),
                    e.expected(), e.reasonHint() == null ? "" : e.reasonHint(), ms, today, verdict));
        }
        out.append("tally: ").append(tally).append('\n');
        System.out.println(out);
        assertFalse(entries.isEmpty());
    }

    /** Words that must never be indexed, if today's parser let any through, and the embedded ones it should find. */
    private static String leaks(String text) {
        List<String> leaked = new ArrayList<>();
        for (String never : List.of(HostileCorpus.DEEP_MARKER, HostileCorpus.CUT_MARKER, HostileCorpus.SCRIPT_MARKER,
                HostileCorpus.EMBED_LIMIT_MARKER)) {
            if (text.contains(never)) leaked.add(never);
        }
        if (text.contains(HostileCorpus.ATTACHMENT_MARKER)) leaked.add("attachment marker (expected)");
        if (text.contains(HostileCorpus.TWIN_MARKER)) leaked.add("twin marker (expected)");
        return leaked.isEmpty() ? "" : ", contains " + leaked;
    }

    private static Path file(String relativePath) {
        return dir.resolve(relativePath);
    }

    private static String sha(Entry e) {
        try {
            return TikaDocumentParser.sha256(file(e.relativePath()));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int nameBytes(Entry e) {
        String p = e.relativePath();
        return p.substring(p.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) parts.put(e.getName(), in.readAllBytes());
        }
        return parts;
    }
}
