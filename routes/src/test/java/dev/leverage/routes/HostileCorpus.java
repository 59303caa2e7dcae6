package dev.leverage.routes;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A hostile discovery folder, written entirely in code: what a real production throws at the ingest when the
 * producing party is careless or worse. Truncated, corrupt and self-referencing PDFs, password-protected PDF, DOCX
 * and XLSX, a zip bomb, archives nested twelve deep, an e-mail inside a zip carrying a zip carrying a DOCX, a zip
 * with more entries than the embedded limit and one with the same file name in two folders, empty files, a file
 * over the size limit and one over the write limit, noise dressed as PDF and DOCX, broken and truncated
 * spreadsheets, ragged CSV, five text encodings, file names with accents, Cyrillic, Arabic, Hebrew, emoji and shell
 * characters and one of 250 bytes, an image with no text and two with text only OCR can read, HTML with script,
 * RTF, a DOCX named .pdf, a file six folders down, and byte-for-byte copies under other names.
 *
 * <p>Every file is deterministic (seeded randomness, fixed timestamps, fixed PDF IDs and encryption salts), so two
 * builds give the same bytes and the same SHA-256s. Each {@link Entry} says what a pipeline running with the limits
 * below should make of the file; each file meant to be indexed carries a word found nowhere else ({@code marker})
 * so a search proves it was. The limits the expectations assume: files over 8 MiB quarantined unread ("limit"),
 * 2,000,000 characters of text per document, 100 embedded documents per file, nesting depth 5, zip entries
 * compressed more than 100:1 quarantined ("compress"), 60 s per file, 512 MB per parser.
 */
public final class HostileCorpus {
    /** What the pipeline should do with a file. */
    public enum Outcome { INDEXED, DUPLICATE, QUARANTINED }

    /**
     * One file of the corpus.
     *
     * @param relativePath '/'-separated path under the corpus folder
     * @param expected     the outcome under the limits above
     * @param reasonHint   a lower-case word the quarantine reason must contain; null when not quarantined or when
     *                     any reason will do
     * @param what         what the file is and why it is expected to end that way
     * @param marker       a word that only this file contains and that a search finds once it is indexed; null
     *                     for files not meant to be indexed
     */
    public record Entry(String relativePath, Outcome expected, String reasonHint, String what, String marker) {
    }

    /** Limits the expectations assume (the test configures the pipeline with them). */
    public static final long MAX_FILE_BYTES = 8L << 20;
    public static final int WRITE_LIMIT = 2_000_000;
    public static final int MAX_DEPTH = 5;
    public static final int MAX_COMPRESSION_RATIO = 100;

    /** How many zips deep the nested archive goes (the outer file is level 1). */
    public static final int NESTING_LEVELS = 12;
    /** Uncompressed size of the zip bomb's only entry. */
    public static final long BOMB_BYTES = 200L << 20;
    public static final String PDF_PASSWORD = "Quarry-Road-2291";
    public static final String OFFICE_PASSWORD = "evidence-room-7";

    /** Only in the innermost text of the twelve-deep archive: beyond the depth limit, never to be found. */
    public static final String DEEP_MARKER = "zephyrquartzabyss";
    /** Only on the last line of the 3 MB dispatch log, past the write limit: never to be found. */
    public static final String CUT_MARKER = "zephyrquartztail";
    /** Only inside the HTML file's script element: scripts are not text, never to be found. */
    public static final String SCRIPT_MARKER = "zephyrquartzscript";
    /** Only in the DOCX attached (zipped) to the e-mail inside the mail archive: found as an embedded document. */
    public static final String ATTACHMENT_MARKER = "zephyrquartzattach";
    /** Only in the second of the two same-named notes in different folders of one zip: must be found too. */
    public static final String TWIN_MARKER = "zephyrquartztwin";

    /** How many text files the many-entries zip holds, and the word only its last one carries. */
    public static final int MANY_ENTRIES = 150;
    public static final String EMBED_LIMIT_MARKER = "zephyrquartzoverflow";

    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2025, 3, 7, 9, 30);
    private static final String DATE = "2025-03-07T09:30:00-06:00";

    private HostileCorpus() {
    }

    /** Writes the corpus into {@code dir} (created if missing) and returns its entries in path order. */
    public static List<Entry> build(Path dir) throws IOException {
        Files.createDirectories(dir);
        Corpus c = new Corpus(dir);

        // ---- valid born-digital documents, and copies of two of them (written last, below)
        byte[] reportPdf = textPdf("Incident report 24-118820", List.of(
                List.of("WESTBROOK POLICE DEPARTMENT - INCIDENT REPORT 24-118820",
                        "Reporting officer: Sgt. Dana Okafor #2291. Incident type: attempted vehicle burglary.",
                        "On March 3 at approximately 2140 hours I responded to the Kessler Hardware lot on Quarry Road "
                                + "for a report of a man trying car door handles.",
                        "The caller, Ruth Albers, described a male in a gray hooded jacket carrying a canvas tool bag. "
                                + "Reference tag " + marker(1) + ".",
                        "I located a male matching the description behind the loading dock. He identified himself as "
                                + "Tobias Wren, date of birth 07/14/1991."),
                List.of("A pat-down for weapons revealed a flathead screwdriver and a spring-loaded window punch in the "
                                + "left jacket pocket.",
                        "Wren stated he was looking for his cousin's truck. He could not give the cousin's name or "
                                + "describe the truck.",
                        "Wren was transported to the Westbrook holding facility by Ofc. Lamar Petit without incident. "
                                + "My body-worn camera was active for the whole contact.")), false);
        c.add("01_incident_report.pdf", reportPdf, Outcome.INDEXED, null,
                "valid two-page born-digital PDF (PDFBox, Helvetica text layer)", marker(1));

        byte[] narrativeDocx = docx("Supplemental narrative",
                "SUPPLEMENTAL NARRATIVE - Det. Inez Marquardt #1408, case 24-118820",
                "I interviewed the complainant, Hollis Graber, at her residence on Alder Court on March 4 at 1015 hours.",
                "She stated the rear passenger window of her Corolla had been broken overnight and a laptop bag taken "
                        + "from the back seat.",
                "A neighbor's doorbell camera recorded a figure on a bicycle passing the driveway at 0312 hours. "
                        + "Reference tag " + marker(2) + ".",
                "I copied the footage to a thumb drive and logged it as item 2 in the property room.");
        c.add("02_supplemental_narrative.docx", narrativeDocx, Outcome.INDEXED, null,
                "valid DOCX written by POI XWPFDocument", marker(2));

        // ---- broken PDFs
        byte[] classic = longPdf(true, marker(3));
        c.add("03a_truncated_classic_xref.pdf", Arrays.copyOf(classic, classic.length * 6 / 10), Outcome.INDEXED, null,
                "eight-page text PDF (classic xref table, no object streams) cut to 60% of its bytes: no xref, no "
                        + "trailer, no %%EOF; PDFBox rebuilds the object list by scanning, finds all 8 page objects, "
                        + "reads pages 1-5 (their fonts are gone, so it falls back to a default font) and gives pages "
                        + "6-8 empty", marker(3));
        byte[] packed = longPdf(false, "zephyrquartzpacked");
        c.add("03b_truncated_object_streams.pdf", Arrays.copyOf(packed, packed.length * 6 / 10), Outcome.QUARANTINED,
                null, "the same eight pages saved the PDFBox 3 default way (page tree in a compressed object stream at "
                        + "the end, xref stream) and cut to 60%: the page tree is gone with the object stream, PDFBox "
                        + "gives up (\"Page tree root must be a dictionary\"); its pages carry zephyrquartzpacked", null);

        c.add("04_corrupt_body.pdf", corruptPdf(), Outcome.QUARANTINED, null,
                "valid %PDF-1.7 header followed by 16 KiB of seeded random bytes: no objects, no xref", null);

        c.add("05_page_tree_loop.pdf", pageTreeLoopPdf(), Outcome.INDEXED, null,
                "hand-written PDF whose root Pages node lists itself among its Kids (and a /Count of 2); one real "
                        + "page with text; must not hang or overflow the stack. Today PDFBox logs \"This page tree node "
                        + "has already been visited\" and gives the one page twice (2 pages, same text)", marker(5));

        c.add("06_outline_loop.pdf", outlineLoopPdf(), Outcome.INDEXED, null,
                "hand-written one-page PDF whose outline item's /Next and /First both point at itself; must not hang. "
                        + "Today the page is read and the outline title once, no hang",
                marker(6));

        // ---- password-protected files
        c.add("07_protected_statement.pdf", encryptedPdf(), Outcome.QUARANTINED, "password",
                "PDF encrypted with a user password (PDFBox StandardProtectionPolicy, AES-128); opening without the "
                        + "password throws InvalidPasswordException", null);
        c.add("08_protected_memo.docx", encryptOoxml(docx("Charging memo",
                        "CHARGING MEMO - privileged and confidential",
                        "The State should weigh the weak identification against the tool evidence before filing the "
                                + "burglary count.",
                        "Hidden tag zephyrquartzlocked8."), "docx"), Outcome.QUARANTINED, "password",
                "DOCX encrypted with POI agile encryption (EncryptionInfo(agile), Encryptor, into a POIFSFileSystem): "
                        + "an OLE2 file holding EncryptionInfo and EncryptedPackage", null);
        c.add("09_protected_ledger.xlsx", encryptOoxml(xlsx("Informant payments", List.of(
                        List.of("Date", "Informant", "Amount", "Approved by"),
                        List.of("2025-02-11", "CI-0417", "150.00", "Lt. Fairbanks"),
                        List.of("2025-02-25", "CI-0417", "200.00", "Lt. Fairbanks"),
                        List.of("Hidden tag", "zephyrquartzlocked9", "", ""))), "xlsx"), Outcome.QUARANTINED, "password",
                "XLSX encrypted the same way as the DOCX (agile, in an OLE2 container)", null);

        // ---- archives: a zip bomb, twelve-deep nesting, an e-mail inside a zip
        zipBomb(dir.resolve("10_zip_bomb.zip"));
        c.record("10_zip_bomb.zip", Outcome.QUARANTINED, "compress",
                "zip whose only entry, bodycam_export.txt, is " + (BOMB_BYTES >> 20) + " MiB of zeros deflated to a "
                        + "few hundred KiB (ratio near 1000:1, above the 100:1 limit)", null);

        c.add("11_nested_12_deep.zip", nestedZip(), Outcome.INDEXED, null,
                "zip in zip in zip ... " + NESTING_LEVELS + " levels (this file is level 1); level 1 also holds "
                        + "README_evidence_index.txt, readable at depth 1; the innermost statement (depth "
                        + NESTING_LEVELS + ", marker " + DEEP_MARKER + ") is beyond the depth limit and is skipped "
                        + "with a warning", marker(11));

        c.add("12_mail_archive.zip", mailArchive(), Outcome.INDEXED, null,
                "zip holding mailbox/2025-03-06_property_forms.eml (RFC 822, MIME multipart, plain-text body) whose "
                        + "attachment property_forms.zip holds property_form_P3.docx (marker " + ATTACHMENT_MARKER
                        + "): zip > eml > zip > docx, depth 3", marker(12));

        c.add("12b_many_entries.zip", manyEntries(), Outcome.INDEXED, null,
                "zip of " + MANY_ENTRIES + " small text files, more than the 100 embedded documents read per file: "
                        + "the first (marker) is read, the last (marker " + EMBED_LIMIT_MARKER + ") is past the limit and "
                        + "should be reported in a warning (today 100 are read and the other 50 dropped silently)",
                marker(43));

        c.add("12c_same_name_two_folders.zip", zip(twinNotes()), Outcome.INDEXED, null,
                "zip holding canvass/2025-03-03/notes.txt and canvass/2025-03-04/notes.txt, same name in two folders, "
                        + "different text: both must be indexed as two documents (the second carries " + TWIN_MARKER
                        + "). Today both get the embedded path 12c_same_name_two_folders.zip!/notes.txt and the same id, so the "
                        + "index keeps only one",
                marker(44));

        // ---- empty, huge and large files
        c.add("13_empty.pdf", new byte[0], Outcome.QUARANTINED, "empty", "0 bytes, named .pdf", null);
        c.add("14_empty.txt", new byte[0], Outcome.QUARANTINED, "empty",
                "0 bytes, named .txt: the same (empty) bytes as 13_empty.pdf, so a pipeline that checks duplicates "
                        + "before emptiness will call it a DUPLICATE instead", null);
        long hugeSize = writeLog(dir.resolve("15_huge_over_limit.txt"), MAX_FILE_BYTES + 4096, 15, null);
        c.record("15_huge_over_limit.txt", Outcome.QUARANTINED, "limit",
                "plain-text patrol log of " + hugeSize + " bytes, 4 KiB over the 8 MiB limit: quarantined unread", null);
        long largeSize = writeLog(dir.resolve("16_large_dispatch_log.txt"), 3_000_000, 16, CUT_MARKER);
        c.record("16_large_dispatch_log.txt", Outcome.INDEXED, null,
                "varied plain-text dispatch log of " + largeSize + " bytes (ASCII, so as many characters): indexed "
                        + "but cut at the 2,000,000-character write limit with a warning; the last line's marker "
                        + CUT_MARKER + " is past the cut", marker(16));

        // ---- noise in disguise
        c.add("17_random_noise.pdf", random(17, 64 << 10), Outcome.QUARANTINED, null,
                "64 KiB of seeded random bytes named .pdf (no %PDF header)", null);
        c.add("18_random_noise.docx", random(18, 48 << 10), Outcome.QUARANTINED, null,
                "48 KiB of seeded random bytes named .docx (not a zip)", null);

        // ---- spreadsheets and CSV
        c.add("19_malformed_sheet.xlsx", malformedXlsx(), Outcome.QUARANTINED, null,
                "XLSX with every part present but sheet1.xml cut mid-row and closed with </sheetData></worksheet>, "
                        + "so its XML is not well-formed; the shared strings are intact (with zephyrquartz19). Today "
                        + "the sheet's SAX parse fails (\"element type v must be terminated\") and Tika gives up on "
                        + "the whole file, nothing recovered", null);
        byte[] truncatedSource = xlsx("Patrol overtime", overtimeRows(marker(20)));
        c.add("20_truncated_workbook.xlsx", Arrays.copyOf(truncatedSource, truncatedSource.length * 6 / 10),
                Outcome.QUARANTINED, null,
                "valid 400-row XLSX cut to 60% of its bytes: the central directory and the end of the zip are gone "
                        + "(its first row carries zephyrquartz20). Today POI reads the surviving entries and fails in "
                        + "the cut one (\"XML document structures must start and end within the same entity\")",
                null);
        c.add("21_evidence_inventory.xlsx", xlsx("Evidence inventory", List.of(
                        List.of("Item", "Description", "Found at", "Logged by", "Bag"),
                        List.of("1", "Flathead screwdriver, yellow handle", "Left jacket pocket", "Sgt. Okafor", "P-3A"),
                        List.of("2", "Thumb drive with doorbell footage", "Alder Court", "Det. Marquardt", "P-3B"),
                        List.of("3", "Spring-loaded window punch", "Left jacket pocket", "Sgt. Okafor", "P-3C"),
                        List.of("4", "Canvas tool bag, torn strap", "Loading dock", "Ofc. Petit", "P-3D"),
                        List.of("Note", "Inventory checked " + marker(21), "", "", ""))),
                Outcome.INDEXED, null, "valid small XLSX (POI XSSFWorkbook), one sheet of evidence items", marker(21));
        c.add("22_malformed_roster.csv", ascii("""
                "Call ID","Time","Caller","Notes
                1001,21:40,"Ruth Albers,"man trying door handles, gray hoodie
                1002,21:52,Unit 7,"on scene,,,extra,fields,beyond,the,header
                1003
                "1004","22:31","Dispatcher "Kay" Moreno","roster check %s"
                1005,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
                "unterminated quote runs to the end of the file
                1006,23:02,Sgt. Moss,late entry
                """.formatted(marker(22))), Outcome.INDEXED, null,
                "CSV with an unbalanced quote in the header, ragged rows (1 to 70 fields), a doubled-quote error "
                        + "and a quote never closed; still text (today Tika reads it, like the valid CSV, as "
                        + "text/plain, every line kept)", marker(22));
        c.add("23_call_log.csv", ascii("""
                call_id,received,priority,location,disposition,notes
                25-0301-0044,2025-03-01 02:14,2,900 block Linden Ave,report taken,garage door forced
                25-0301-0051,2025-03-01 02:40,3,Pier 6,gone on arrival,loud group near the bait shop
                25-0302-0117,2025-03-02 21:05,1,Quarry Rd overpass,arrest,subject fled on foot then stopped
                25-0303-0093,2025-03-03 21:40,2,Kessler Hardware lot,arrest,door handles tried on four cars
                25-0304-0012,2025-03-04 03:12,3,Alder Ct,report taken,%s window broken laptop bag gone
                """.formatted(marker(23))), Outcome.INDEXED, null, "valid CSV, six columns, five calls", marker(23));

        // ---- text in other encodings
        c.add("24_statement_windows1252.txt", encode("""
                Witness statement of Renée Dubois, taken at the Eastside precinct on 5 March.
                “I saw him run past the café on Tenth Street,” she said. ‘He dropped something shiny by the bus shelter.’
                She described his coat as crème-colored – about knee length – and his shoes as white sneakers.
                Officer’s note: the shelter was checked at 0110 hours; a key ring was found and logged. Tag %s.
                """.formatted(marker(24)), Charset.forName("windows-1252")), Outcome.INDEXED, null,
                "Windows-1252 text: curly quotes, en dash, é and è as single bytes 0x93/0x94/0x91/0x92/0x96/0xE9. "
                        + "Today Tika labels it ISO-8859-1, so the quotes and dashes come out as U+FFFD, and the one "
                        + "opening a line is taken by PageSplitter for a form feed: two pages instead of one",
                marker(24));
        c.add("25_notes_iso8859-1.txt", encode("""
                Notes de l'agent Lefèvre, 6 mars : le témoin, M. Jürgen Müller, a vu un véhicule foncé près du garage.
                Señor Ibáñez confirmó la hora: 23h45. Größe des Verdächtigen etwa 1,80 m, Jacke dunkelgrün.
                Ça s'est passé très vite, d'après Mlle Noël. Référence %s.
                """.formatted(marker(25)), StandardCharsets.ISO_8859_1), Outcome.INDEXED, null,
                "ISO-8859-1 text in French, Spanish and German (è é ü ñ ß ç as single bytes)", marker(25));
        c.add("26_dispatch_utf16le_bom.txt", withBom(encode("""
                Dispatch notes, night shift. Unit 14 cleared the scene on Pier 6 at 0347.
                Caller Zoë Adeyemi asked for a callback about her stolen scooter; case number given as 25-0306-0021.
                No suspect description. Reference %s.
                """.formatted(marker(26)), StandardCharsets.UTF_16LE)), Outcome.INDEXED, null,
                "UTF-16LE text starting with the byte order mark FF FE", marker(26));
        c.add("27_report_shift_jis.txt", encode("""
                事件報告書　第二〇二五の〇三〇五号
                三月五日午後十時ごろ、駅前の駐輪場で自転車の盗難があった。
                目撃者の田中さんは、黒い帽子をかぶった男が鍵を切って自転車を持ち去るのを見たと話した。
                防犯カメラの映像は管理会社に保存を依頼した。参照番号 %s
                """.formatted(marker(27)), Charset.forName("Shift_JIS")), Outcome.INDEXED, null,
                "Japanese report in Shift_JIS with an ASCII marker", marker(27));
        c.add("28_report_gb18030.txt", encode("""
                报案记录：三月六日凌晨一点左右，仓库后门的锁被撬开。
                保安王先生称看到一辆白色面包车离开，车牌尾号为七三一。
                现场提取了两枚鞋印，已拍照并封存。参考编号 %s
                """.formatted(marker(28)), Charset.forName("GB18030")), Outcome.INDEXED, null,
                "Chinese report in GB18030 with an ASCII marker", marker(28));

        // ---- file names in other scripts, and a very long one
        c.add("statements/Déclaration_témoin_Ñúñez.txt", utf8(
                "Déclaration du témoin Ñúñez: he heard glass break at the Alder Court carport a little after three in the "
                        + "morning and saw a bicycle light moving east. Tag " + marker(29) + ".\n"),
                Outcome.INDEXED, null, "Latin name with accents and Ñ (NFC)", marker(29));
        c.add("statements/Показания_свидетеля_Петрова.txt", utf8(
                "Statement of witness Petrova, translated: she saw a man in a gray hood lean into a parked car near the "
                        + "hardware store at about twenty to ten. Tag " + marker(30) + ".\n"),
                Outcome.INDEXED, null, "Cyrillic file name", marker(30));
        c.add("statements/bodycam_notes_\uD83D\uDCF9_\uD83D\uDE94.txt", utf8(
                "Body camera notes: recording started on arrival at the loading dock and stopped at the sally port. "
                        + "Tag " + marker(31) + ".\n"),
                Outcome.INDEXED, null, "file name with two emoji (U+1F4F9, U+1F694: four UTF-8 bytes each)", marker(31));
        c.add("statements/إفادة_الشاهد_حسن.txt", utf8(
                "Statement of witness Hassan, translated from Arabic: the van was white and had a ladder rack; it left "
                        + "by the service road. Tag " + marker(32) + ".\n"),
                Outcome.INDEXED, null, "Arabic (right-to-left) file name", marker(32));
        c.add("statements/עדות_השוטר_כהן.txt", utf8(
                "Officer Cohen's account, translated from Hebrew: the rear gate of the storage yard was found open at "
                        + "the 0400 check. Tag " + marker(33) + ".\n"),
                Outcome.INDEXED, null, "Hebrew (right-to-left) file name", marker(33));
        String longName = longName();
        c.add("statements/" + longName, utf8(
                "Supplemental statement with a very long file name: the witness repeated that the cyclist wore a "
                        + "reflective vest. Tag " + marker(34) + ".\n"),
                Outcome.INDEXED, null, "file name of " + longName.getBytes(StandardCharsets.UTF_8).length
                        + " UTF-8 bytes (ext4 allows 255), accented Latin words", marker(34));
        c.add("statements/Exhibit !A #7 (final) [v2] & 100%; notes.txt", utf8(
                "Exhibit A notes: the screwdriver shaft shows fresh paint transfer consistent with a silver vehicle. "
                        + "Tag " + marker(35) + ".\n"),
                Outcome.INDEXED, null, "file name with ! # ( ) [ ] & % ; and spaces ('!' also separates embedded "
                        + "paths in Leverage)", marker(35));

        // ---- images
        c.add("36_gradient.png", png(gradient()), Outcome.QUARANTINED, null,
                "640x480 PNG of a smooth color gradient: no text for OCR to find", null);
        c.add("37_scanned_note.png", png(textImage(1800, 420, 64,
                        "Officer Reyes logged item 4 at 0215", "Evidence tag " + marker(37))), Outcome.INDEXED, null,
                "PNG of black text on white (64 px DejaVu Sans): readable only by OCR", marker(37));
        c.add("38_scanned_page.pdf", scannedPdf(), Outcome.INDEXED, null,
                "one-page image-only PDF (a 1275x1650 grayscale raster, no text layer) of a typed property note: "
                        + "readable only by OCR", marker(38));

        // ---- markup and misleading extensions
        c.add("39_tip_line.html", utf8("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Anonymous tip line export</title>
                <script>var tipToken = "%s"; document.write('<p>' + tipToken + '</p>');</script>
                <style>p { font-family: serif }</style></head>
                <body onload="alert(1)"><h1>Tip line export, 7 March</h1>
                <p>A caller who would not give a name said the blue sedan from the Linden Avenue break-in is kept in a
                garage on Foundry Lane, behind the tire shop. Reference %s.</p>
                <p onclick="alert(2)">A second caller said the same sedan was seen at the car wash on Route 12.</p>
                <iframe src="javascript:alert(3)"></iframe></body></html>
                """.formatted(SCRIPT_MARKER, marker(39))), Outcome.INDEXED, null,
                "HTML with a script (marker " + SCRIPT_MARKER + " only inside it), a style, event handlers and a "
                        + "javascript: iframe", marker(39));
        c.add("40_property_receipt.rtf", ascii("""
                {\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}
                {\\info{\\title Property receipt}{\\author Ofc. Lamar Petit}}
                \\f0\\fs24{\\b PROPERTY RECEIPT 24-118820-P3}\\par
                Received from the holding facility: one canvas tool bag with a torn strap, one pair of cloth gloves.\\par
                Released to Det. Marquardt for the Caf\\'e9 Rosa canvass. Receipt tag %s.\\par
                }
                """.formatted(marker(40))), Outcome.INDEXED, null, "RTF with a bold heading and an escaped \\'e9",
                marker(40));
        c.add("41_lab_request.pdf", docx("Lab request",
                        "REQUEST FOR LABORATORY EXAMINATION",
                        "Submit item 3, the spring-loaded window punch, for latent prints and DNA swabbing of the grip.",
                        "Compare against the standards taken from Tobias Wren at booking. Request tag " + marker(41) + "."),
                Outcome.INDEXED, null, "a DOCX named .pdf: Tika detects the type from the content", marker(41));

        // ---- deep folders, and copies (the copies sort after their originals)
        c.add("evidence/2025/03/unit-7/locker-12/bag-c/chain_of_custody_bag_c.txt", utf8("""
                CHAIN OF CUSTODY - bag C, locker 12
                03/03 2310 sealed by Sgt. D. Okafor, seal 55102
                03/04 0805 received by property clerk J. Halloran, seal intact
                03/06 1330 released to lab courier M. Ostrowski for item 3, tag %s
                """.formatted(marker(42))), Outcome.INDEXED, null, "plain text six folders down", marker(42));
        c.add("zz_copies/Copy of 01_incident_report.pdf", reportPdf, Outcome.DUPLICATE, null,
                "the same bytes as 01_incident_report.pdf, in a subfolder", null);
        c.add("zz_copies/resubmitted/2025-04-02/supplemental (2).docx", narrativeDocx, Outcome.DUPLICATE, null,
                "the same bytes as 02_supplemental_narrative.docx, three folders down", null);

        return c.entries();
    }

    /** The distinctive word of file {@code n}. */
    static String marker(int n) {
        return "zephyrquartz" + n;
    }

    /** Collects entries while writing their files. */
    private static final class Corpus {
        private final Path dir;
        private final List<Entry> entries = new ArrayList<>();

        Corpus(Path dir) {
            this.dir = dir;
        }

        void add(String path, byte[] bytes, Outcome expected, String hint, String what, String marker) throws IOException {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            record(path, expected, hint, what, marker);
        }

        /** Records a file already written (the big ones are streamed straight to disk). */
        void record(String path, Outcome expected, String hint, String what, String marker) {
            entries.add(new Entry(path, expected, hint, what, marker));
        }

        List<Entry> entries() {
            return entries.stream().sorted((a, b) -> a.relativePath().compareTo(b.relativePath())).toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ PDF

    /** A text PDF, one page per list of paragraphs, Helvetica 11 pt with word wrap. */
    private static byte[] textPdf(String title, List<List<String>> pages, boolean classicXref) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(FontName.HELVETICA);
            for (List<String> paragraphs : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(15);
                    cs.newLineAtOffset(72, 720);
                    for (String paragraph : paragraphs) {
                        for (String line : wrap(font, 11, paragraph, 468)) {
                            cs.showText(line);
                            cs.newLine();
                        }
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            return save(pdf, title, classicXref);
        }
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Saves with fixed metadata and a fixed trailer /ID so the bytes do not change between runs. */
    private static byte[] save(PDDocument pdf, String title, boolean classicXref) throws IOException {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Westbrook Police Department");
        info.setProducer("Apache PDFBox 3.0.5");
        Calendar created = calendar();
        info.setCreationDate(created);
        info.setModificationDate(created);
        byte[] id = md5(title);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out, classicXref ? CompressParameters.NO_COMPRESSION : CompressParameters.DEFAULT_COMPRESSION);
        return out.toByteArray();
    }

    /**
     * Eight pages of follow-up notes, the marker on every page; with a classic xref table (objects in the open, as
     * scanners and older writers save) or PDFBox 3's default (objects packed into compressed object streams).
     */
    private static byte[] longPdf(boolean classicXref, String tag) throws IOException {
        Random r = new Random(3);
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= 8; p++) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("CASE FILE 24-120417 - FOLLOW-UP INVESTIGATION - page " + p + " of 8 - tag " + tag);
            for (int i = 0; i < 9; i++) paragraphs.add(Log.sentence(r));
            pages.add(paragraphs);
        }
        return textPdf("Case file 24-120417", pages, classicXref);
    }

    /** A real header, then noise: nothing a PDF parser can hold on to. */
    private static byte[] corruptPdf() {
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] noise = random(4, 16 << 10);
        byte[] out = Arrays.copyOf(header, header.length + noise.length);
        System.arraycopy(noise, 0, out, header.length, noise.length);
        return out;
    }

    /** One page whose parent Pages node lists itself as a kid: a cycle in the page tree. */
    private static byte[] pageTreeLoopPdf() {
        String text = "BT /F1 12 Tf 72 720 Td (Booking log: property bag P-3 sealed at 2310, seal 55102. Tag "
                + marker(5) + ".) Tj ET";
        return rawPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(text),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    }

    /** One sound page, and an outline whose only item is its own next sibling and its own first child. */
    private static byte[] outlineLoopPdf() {
        String text = "BT /F1 12 Tf 72 720 Td (Radio log: unit 7 requested a tow for the silver hatchback at 0041. Tag "
                + marker(6) + ".) Tj ET";
        return rawPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R /PageMode /UseOutlines >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(text),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
                "<< /Title (Radio log) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R /First 7 0 R /Last 7 0 R /Count 1 "
                        + "/Dest [3 0 R /Fit] >>"));
    }

    private static String stream(String content) {
        return "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    /** A PDF written by hand: objects 1..n in order, a correct xref table and trailer. */
    private static byte[] rawPdf(List<String> objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PDF only the user password opens, with salts and keys from a seeded generator (so the bytes repeat). */
    private static byte[] encryptedPdf() throws IOException {
        byte[] plain = textPdf("Protected statement", List.of(List.of(
                "STATEMENT OF CONFIDENTIAL INFORMANT CI-0417",
                "The informant stated that the tools were bought for cash at a flea market on Route 12.",
                "Hidden tag zephyrquartzlocked7.")), false);
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(plain)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + PDF_PASSWORD, PDF_PASSWORD,
                    new AccessPermission());
            // AES-128 (revision 4): PDFBox 3.0.5 draws the AES-256 keys from its own SecureRandom, which would make
            // the bytes differ on every build; revision 4 takes its key from the password and the fixed /ID.
            policy.setEncryptionKeyLength(128);
            policy.setPreferAES(true);
            pdf.protect(policy);
            pdf.getEncryption().getSecurityHandler().setCustomSecureRandom(seededRandom("pdf"));
            return save(pdf, "Protected statement", false);
        }
    }

    /** The scanned page: typed text rendered to a raster, the only content of a page with no text layer. */
    private static byte[] scannedPdf() throws IOException {
        BufferedImage page = textImage(1275, 1650, 30,
                "WESTBROOK PD - PROPERTY ROOM NOTE",
                "",
                "Item 4, one black wallet, was logged",
                "by Officer Reyes at 0215 on March 4.",
                "The wallet held two bank cards in",
                "the name of Hollis Graber and no cash.",
                "",
                "Property tag " + marker(38));
        try (PDDocument pdf = new PDDocument()) {
            PDPage p = new PDPage(PDRectangle.LETTER);
            pdf.addPage(p);
            PDImageXObject image = LosslessFactory.createFromImage(pdf, page);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, p)) {
                cs.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
            }
            return save(pdf, "Scanned property note", false);
        }
    }

    // ------------------------------------------------------------------------------------------------ Office

    private static byte[] docx(String title, String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String p : paragraphs) doc.createParagraph().createRun().setText(p);
            coreProperties(doc, title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return normalizeZip(out.toByteArray());
        }
    }

    private static byte[] xlsx(String title, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(title);
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int col = 0; col < rows.get(r).size(); col++) row.createCell(col).setCellValue(rows.get(r).get(col));
            }
            coreProperties(wb, title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return normalizeZip(out.toByteArray());
        }
    }

    private static List<List<String>> overtimeRows(String marker) {
        Random r = new Random(20);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Date", "Officer", "Shift", "Hours", "Reason"));
        rows.add(List.of("2025-03-01", "Sgt. Harlan Moss", "night", "3.5", "overtime sheet " + marker));
        for (int i = 0; i < 400; i++) {
            rows.add(List.of("2025-03-" + String.format(Locale.ROOT, "%02d", 1 + i % 28), Log.pick(r, Log.OFFICERS),
                    i % 3 == 0 ? "night" : "day", String.valueOf(1 + r.nextInt(8)) + ".5", Log.sentence(r)));
        }
        return rows;
    }

    /** A workbook whose sheet XML is cut mid-row: every part is there, one of them is not XML. */
    private static byte[] malformedXlsx() throws IOException {
        Random r = new Random(19);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Badge", "Officer", "Assignment", "Note"));
        rows.add(List.of("2291", "Sgt. Dana Okafor", "Patrol B", "roster " + marker(19)));
        for (int i = 0; i < 40; i++) {
            rows.add(List.of(String.valueOf(3000 + i), Log.pick(r, Log.OFFICERS), "Patrol " + (char) ('A' + i % 4),
                    Log.pick(r, Log.RESULTS)));
        }
        byte[] good = xlsx("Roster", rows);
        Map<String, byte[]> parts = unzip(good);
        String sheet = new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        String broken = sheet.substring(0, sheet.indexOf("<row r=\"20\"")) + "<row r=\"20\"><c r=\"A20\" t=\"s\"><v>7"
                + "</sheetData></worksheet>";
        parts.put("xl/worksheets/sheet1.xml", broken.getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    private static void coreProperties(POIXMLDocument doc, String title) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        Date date = Date.from(OffsetDateTime.parse(DATE).toInstant());
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setTitle(title);
        core.setCreator("Westbrook Police Department");
    }

    /**
     * Encrypts an OOXML package the way Office does with a password (agile encryption in an OLE2 container). The
     * salts and the key come from a seeded generator instead of SecureRandom so the bytes repeat; fine for a fixture.
     */
    private static byte[] encryptOoxml(byte[] plain, String seed) throws IOException {
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        Random r = new Random(seed.hashCode());
        int block = info.getHeader().getBlockSize();
        int key = info.getHeader().getKeySize() / 8;
        int hash = info.getHeader().getHashAlgorithm().hashSize;
        encryptor.confirmPassword(OFFICE_PASSWORD, bytes(r, key), bytes(r, block), bytes(r, block), bytes(r, block),
                bytes(r, hash));
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("encryption failed", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ archives

    /** The bomb is streamed: 1 MiB of zeros at a time through the deflater, never 200 MiB in memory. */
    private static void zipBomb(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            ZipEntry entry = new ZipEntry("bodycam_export.txt");
            entry.setTimeLocal(ZIP_TIME);
            zip.putNextEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < BOMB_BYTES; written += zeros.length) zip.write(zeros);
            zip.closeEntry();
        }
    }

    /**
     * Level n holds level n+1 (the outer file is level 1); level {@value #NESTING_LEVELS} holds the statement, at
     * depth {@value #NESTING_LEVELS} counting the outer file's entries as depth 1. Level 1 also holds a readable index.
     */
    private static byte[] nestedZip() throws IOException {
        byte[] inner = zip(Map.of("innermost_statement.txt", utf8(
                "Innermost statement, twelve archives down: the buyer of the stolen laptop paid forty dollars at the "
                        + "Route 12 rest area. Tag " + DEEP_MARKER + ".\n")));
        for (int level = NESTING_LEVELS; level > 2; level--) {
            inner = zip(Map.of(String.format(Locale.ROOT, "level%02d.zip", level), inner));
        }
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("README_evidence_index.txt", utf8("Evidence index for production volume 3: the archive inside holds "
                + "the buyer's statement, several folders down. Index tag " + marker(11) + ".\n"));
        outer.put("level02.zip", inner);
        return zip(outer);
    }

    /** More entries than the embedded-document limit; only the first and the last carry markers. */
    private static byte[] manyEntries() throws IOException {
        Random r = new Random(43);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 1; i <= MANY_ENTRIES; i++) {
            String tag = i == 1 ? " Tag " + marker(43) + "." : i == MANY_ENTRIES ? " Tag " + EMBED_LIMIT_MARKER + "." : "";
            parts.put(String.format(Locale.ROOT, "field_notes/note_%03d.txt", i), utf8("Field note " + i + ": "
                    + Log.sentence(r) + tag + "\n"));
        }
        return zip(parts);
    }

    /** Two entries with the same file name in different folders: an embedded path must keep the folders. */
    private static Map<String, byte[]> twinNotes() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("canvass/2025-03-03/notes.txt", utf8("Canvass notes, March 3: no answer at 14 and 16 Alder Court; "
                + "a card was left at both doors. Tag " + marker(44) + ".\n"));
        parts.put("canvass/2025-03-04/notes.txt", utf8("Canvass notes, March 4: the resident of 16 Alder Court called "
                + "back and reported a bicycle light in the carport around three. Tag " + TWIN_MARKER + ".\n"));
        return parts;
    }

    /** zip > eml > zip > docx: an e-mail in a mailbox export whose attachment is a zipped property form. */
    private static byte[] mailArchive() throws IOException {
        byte[] form = docx("Property form P-3",
                "PROPERTY FORM P-3 (attachment)",
                "Items 1 and 3 were taken from the left jacket pocket of the arrestee; item 4 from the loading dock.",
                "Form tag " + ATTACHMENT_MARKER + ".");
        byte[] attachment = zip(Map.of("property_form_P3.docx", form));
        String b64 = Base64.getMimeEncoder().encodeToString(attachment);
        String boundary = "----=_Part_4471_2025030616";
        String eml = String.join("\r\n",
                "From: \"Det. Inez Marquardt\" <imarquardt@westbrook-pd.example>",
                "To: \"ADA Colin Brandt\" <cbrandt@da.example>",
                "Subject: Property form for 24-118820 (zipped)",
                "Date: Thu, 06 Mar 2025 16:22:05 -0600",
                "Message-ID: <24-118820.forms@westbrook-pd.example>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"",
                "",
                "This is a multi-part message in MIME format.",
                "--" + boundary,
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 7bit",
                "",
                "Colin,",
                "",
                "The property form for the Quarry Road arrest is attached as a zip because the mail server strips",
                "Word files. The window punch goes to the lab on Monday. Mail tag " + marker(12) + ".",
                "",
                "Inez",
                "--" + boundary,
                "Content-Type: application/zip; name=\"property_forms.zip\"",
                "Content-Disposition: attachment; filename=\"property_forms.zip\"",
                "Content-Transfer-Encoding: base64",
                "",
                b64,
                "--" + boundary + "--",
                "");
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("mailbox/2025-03-06_property_forms.eml", eml.getBytes(StandardCharsets.UTF_8));
        return zip(outer);
    }

    /** A zip with fixed entry times, entries in the map's order. */
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) parts.put(e.getName(), in.readAllBytes());
        }
        return parts;
    }

    /** POI stamps every zip entry with the current time; rewrite the package with a fixed one. */
    private static byte[] normalizeZip(byte[] zip) throws IOException {
        return zip(unzip(zip));
    }

    // ------------------------------------------------------------------------------------------------ text

    /**
     * Streams a patrol log of at least {@code minBytes} ASCII bytes to disk, the file's marker on the first line and,
     * if given, {@code lastLine} as the last. Returns the size written.
     */
    private static long writeLog(Path file, long minBytes, int seed, String lastLine) throws IOException {
        Random r = new Random(seed);
        long size = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            String first = "WESTBROOK PD PATROL AND DISPATCH LOG - export " + seed + " - log tag " + marker(seed) + "\n";
            w.write(first);
            size += first.length();
            int minute = 0;
            String tail = lastLine == null ? "" : "End of export, tag " + lastLine + "\n";
            while (size + tail.length() < minBytes) {
                String line = String.format(Locale.ROOT, "03/%02d %02d%02d %s%n", 1 + minute / 1440 % 28,
                        minute / 60 % 24, minute % 60, Log.sentence(r));
                w.write(line);
                size += line.length();
                minute += 1 + r.nextInt(4);
            }
            w.write(tail);
            size += tail.length();
        }
        return size;
    }

    /** Sentences for the long logs, from a seeded generator: varied enough that no two pages read alike. */
    private static final class Log {
        static final String[] OFFICERS = {"Ofc. Priya Venkataraman", "Sgt. Harlan Moss", "Cpl. Teodoro Salas",
                "Ofc. Bridget Nkemelu", "Det. Ansel Varga", "Ofc. Wen Zhao", "Sgt. Mireille Fontaine",
                "Ofc. Desmond Achebe", "Ofc. Kasia Wolny", "Cpl. Rafael Ibarra"};
        static final String[] ACTIONS = {"checked the doors of a parked delivery van",
                "spoke with a clerk who reported a shoplifter", "photographed tire impressions in the mud",
                "collected a discarded glove into a paper bag", "ran the plate of a silver hatchback",
                "noted a broken padlock on a storage unit", "canvassed three residences with no answer",
                "recovered a phone charger near the curb", "stood by while a tow truck removed a stalled sedan",
                "took a report of a missing bicycle", "found a side gate open and secured it",
                "interviewed a driver about a minor collision", "checked on a man sleeping in a bus shelter",
                "served a trespass warning to two teenagers", "logged a found wallet and returned it to the owner"};
        static final String[] PLACES = {"the 900 block of Linden Avenue", "the Quarry Road overpass",
                "the Halvorsen Marine parking lot", "Pier 6", "the laundromat on Tenth Street", "the Route 12 rest area",
                "the alley behind Castellano Bakery", "the Birchwood Apartments stairwell", "the Foundry Lane tire shop",
                "the east gate of Lindqvist Park", "the Kessler Hardware loading dock", "Alder Court"};
        static final String[] RESULTS = {"No further action was taken.", "The item was logged and sealed.",
                "Dispatch was advised and the call was cleared.", "A supervisor was notified by radio.",
                "The reporting party declined a written statement.", "A follow-up was scheduled with the day shift.",
                "Photographs were uploaded to the evidence server.", "The unit returned to patrol."};

        static String pick(Random r, String[] from) {
            return from[r.nextInt(from.length)];
        }

        static String sentence(Random r) {
            return pick(r, OFFICERS) + " " + pick(r, ACTIONS) + " at " + pick(r, PLACES) + ". " + pick(r, RESULTS);
        }
    }

    /** Accented words up to 246 bytes, then ".txt": 250 bytes at most, under ext4's 255 per name. */
    private static String longName() {
        String[] words = {"Déclaration", "complémentaire", "du", "témoin", "Åsa", "Lindqvist", "concernant", "le",
                "vélo", "réfléchissant", "vu", "près", "de", "l'entrepôt", "Zoë", "Ólafsdóttir", "et", "Émile",
                "Béranger"};
        StringBuilder name = new StringBuilder("Supplemental_statement");
        for (int i = 0; ; i++) {
            String next = name + "_" + words[i % words.length];
            if (next.getBytes(StandardCharsets.UTF_8).length > 246) break;
            name.setLength(0);
            name.append(next);
        }
        return name + ".txt";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return encode(s, StandardCharsets.US_ASCII);
    }

    /** Encodes strictly: a character the charset cannot hold is a bug in the fixture, not a '?'. */
    private static byte[] encode(String s, Charset charset) {
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
            return Arrays.copyOf(b.array(), b.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not encodable in " + charset + ": " + s, e);
        }
    }

    private static byte[] withBom(byte[] utf16le) {
        byte[] out = new byte[utf16le.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(utf16le, 0, out, 2, utf16le.length);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ images

    private static BufferedImage gradient() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int red = 40 + x * 180 / img.getWidth();
                int green = 90 + y * 120 / img.getHeight();
                int blue = 200 - (x + y) * 120 / (img.getWidth() + img.getHeight());
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return img;
    }

    /**
     * Black lines of text on white, as a scanner would deliver them (grayscale, anti-aliased). The pixels depend on
     * the font Java finds for SansSerif (DejaVu Sans here), so these bytes repeat on one machine, not across all.
     */
    private static BufferedImage textImage(int width, int height, int fontPx, String... lines) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPx));
            int y = fontPx * 2;
            for (String line : lines) {
                g.drawString(line, fontPx, y);
                y += fontPx * 3 / 2;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static byte[] random(int seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] bytes(Random r, int length) {
        byte[] b = new byte[length];
        r.nextBytes(b);
        return b;
    }

    /** SHA1PRNG seeded before first use gives the same stream every run. */
    private static SecureRandom seededRandom(String seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calendar calendar() {
        OffsetDateTime t = OffsetDateTime.parse(DATE);
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(t.getOffset()), Locale.ROOT);
        cal.clear();
        cal.setTimeInMillis(t.toInstant().toEpochMilli());
        return cal;
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
