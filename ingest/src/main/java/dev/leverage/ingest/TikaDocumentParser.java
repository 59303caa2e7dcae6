package dev.leverage.ingest;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one discovery file with Apache Tika into {@link Document}s with text per page, or a {@link Quarantine}
 * record saying why it could not be. Embedded files (email attachments, archive entries) become documents of
 * their own. Scanned pages are OCRed with Tesseract when it is installed. Thread-safe: one instance serves
 * parallel parses.
 */
public final class TikaDocumentParser implements DocumentParser {
    private static final List<String> KEPT_METADATA = List.of("dc:title", "dc:creator", "dcterms:created", "dcterms:modified",
            "Message-From", "Message-To", "Message-Cc", "dc:subject", "Message:Raw-Header:Subject", "xmpTPg:NPages");

    private static final WindowsLatinEncodingDetector ENCODINGS = new WindowsLatinEncodingDetector();
    private final LimitingParser parser;
    private final IngestLimits limits;
    private final boolean ocrAvailable;

    public TikaDocumentParser(IngestLimits limits) {
        this.limits = limits;
        this.parser = new LimitingParser(new AutoDetectParser(TikaConfig.getDefaultConfig()), limits);
        this.ocrAvailable = tesseractInstalled();
    }

    /** True when Tika finds a working Tesseract on this machine. */
    static boolean tesseractInstalled() {
        try {
            return new TesseractOCRParser().hasTesseract();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public boolean ocrAvailable() {
        return ocrAvailable;
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(String s) {
        return HexFormat.of().formatHex(newDigest().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /**
     * Parses a file. Never throws for a bad file: every failure is a quarantine record with its reason.
     *
     * @param file         the file on disk
     * @param relativePath its path relative to the case folder, '/' separated
     * @param sha256       its SHA-256 (computed if null)
     */
    @Override
    public ParseOutcome parse(Path file, String relativePath, String sha256) {
        try {
            if (sha256 == null) sha256 = sha256(file);
        } catch (IOException e) {
            return quarantine(relativePath, null, "The file could not be read from disk (" + e.getMessage() + "); check its permissions and ingest again.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return quarantine(relativePath, sha256, "The file could not be read from disk; check its permissions and ingest again.");
        }
        if (size == 0) {
            return quarantine(relativePath, sha256, "The file is empty (0 bytes); ask the producing party for a complete copy.");
        }
        if (size > limits.maxFileBytes()) {
            return quarantine(relativePath, sha256, String.format(java.util.Locale.ROOT, "The file is %,d bytes, over the %,d-byte limit (%,.1f MB); split it or raise the limit and ingest again.",
                    size, limits.maxFileBytes(), limits.maxFileBytes() / 1048576.0));
        }

        ParseContext context = context();
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.XML, limits.writeLimit(), false, context),
                limits.maxEmbedded());
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(parser);
        Exception failure = null;
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            wrapper.parse(in, handler, metadata, context);
        } catch (Exception | StackOverflowError e) {
            failure = e instanceof Exception ex ? ex : new IOException("parser stack overflow (deeply nested content)");
        }
        List<Metadata> results = handler.getMetadataList();
        if (failure != null || results.isEmpty()) {
            String detected = results.isEmpty() ? null : results.get(0).get(Metadata.CONTENT_TYPE);
            return quarantine(relativePath, sha256, reasonFor(failure, detected));
        }

        List<Document> documents = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Metadata top = results.get(0);
        String mediaType = baseType(top.get(Metadata.CONTENT_TYPE));
        String containerException = top.get(TikaCoreProperties.CONTAINER_EXCEPTION);
        Document main = toDocument(top, sha256, relativePath, sha256, null);
        // An archive's own text is only the names of its entries: it has content when an entry does.
        boolean mainHasText = !isArchive(mediaType) && main.pages().stream().anyMatch(p -> !p.text().isBlank());
        String limitBroken = null;
        int skippedDeep = 0;
        java.util.Set<String> usedPaths = new java.util.HashSet<>();
        for (int i = 1; i < results.size(); i++) {
            Metadata m = results.get(i);
            String embeddedPath = m.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            if (embeddedPath == null) embeddedPath = "/embedded-" + i;
            // Tika names an archive entry by its file name only: two notes.txt in two folders of one zip would
            // share a path and an id, and one would overwrite the other. The second keeps Tika's embedded id.
            if (!usedPaths.add(embeddedPath)) {
                embeddedPath = embeddedPath + " [" + (m.get(TikaCoreProperties.EMBEDDED_ID) == null ? i : m.get(TikaCoreProperties.EMBEDDED_ID)) + "]";
                usedPaths.add(embeddedPath);
            }
            String path = relativePath + "!" + embeddedPath;
            String id = sha256(sha256 + "!" + embeddedPath);
            if (m.get(LimitingParser.SKIPPED) != null) {
                skippedDeep++;
                continue;
            }
            String embeddedException = m.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            if (embeddedException != null) {
                String limit = limitMessage(embeddedException);
                if (limit != null && limitBroken == null) limitBroken = limit;
                warnings.add("The embedded file " + embeddedPath + " could not be read: " + (limit != null ? limit : firstLine(embeddedException)));
            }
            Document d = toDocument(m, id, path, id, sha256);
            if (d.pages().stream().allMatch(p -> p.text().isBlank())) continue; // images and blobs with no text
            documents.add(d);
        }
        if (handler.hasHitMaximumEmbeddedResources()) {
            warnings.add("Only the first " + limits.maxEmbedded() + " files inside the file were read (the embedded-file limit); raise the limit to read the rest.");
        }
        if (skippedDeep > 0) {
            warnings.add(skippedDeep + " embedded file" + (skippedDeep == 1 ? " was" : "s were") + " nested more than " + limits.maxDepth()
                    + " levels deep and not read; raise the nesting limit to read them.");
        }
        if (!mainHasText && documents.isEmpty()) {
            if (limitBroken != null) return quarantine(relativePath, sha256, limitBroken);
            if (containerException != null) {
                return quarantine(relativePath, sha256, reasonFor(new IOException(firstLine(containerException)), mediaType));
            }
            if (mayNeedOcr(mediaType) && !ocrAvailable) {
                return quarantine(relativePath, sha256, "The file has no text layer and OCR is not installed; install tesseract-ocr and ingest again.");
            }
            return quarantine(relativePath, sha256, "No text could be read from the file (detected as " + mediaType
                    + "); check what it is and, if it matters, ask for a text-searchable copy.");
        }
        if (containerException != null) {
            warnings.add("The file was only partly readable: " + firstLine(containerException));
        }
        if ("true".equals(top.get(TikaCoreProperties.WRITE_LIMIT_REACHED))) {
            warnings.add(String.format(java.util.Locale.ROOT, "The text was cut at %,d characters (the write limit); raise the limit to index the rest.", limits.writeLimit()));
        }
        documents.add(0, main);
        return new ParseOutcome.Parsed(documents, warnings);
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(true);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage("eng");
        ocr.setTimeoutSeconds(limits.ocrTimeoutSeconds());
        ocr.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR); // words with their confidence
        context.set(TesseractOCRConfig.class, ocr);
        context.set(org.apache.tika.detect.EncodingDetector.class, ENCODINGS);
        return context;
    }

    private Document toDocument(Metadata m, String id, String path, String sha, String parentId) {
        String xhtml = m.get(TikaCoreProperties.TIKA_CONTENT);
        List<PageSplitter.RawPage> raw = xhtml == null ? List.of() : PageSplitter.split(xhtml);
        List<Page> pages = new ArrayList<>();
        for (PageSplitter.RawPage r : raw) {
            pages.add(new Page(pages.size() + 1, r.text(), BatesStamp.find(r.text()), r.ocr(), r.ocr() ? r.ocrConfidence() : null, r.tables()));
        }
        if (pages.isEmpty()) pages.add(new Page(1, "", null, false, List.of()));
        String mediaType = baseType(m.get(Metadata.CONTENT_TYPE));
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : KEPT_METADATA) {
            String v = m.get(key);
            if (v != null) kept.put(key, v);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String type = DocumentClass.classify(name, mediaType, pages.get(0).text());
        return new Document(id, path, sha, type, mediaType, kept, pages, parentId);
    }

    private static boolean isArchive(String mediaType) {
        return List.of("application/zip", "application/x-tar", "application/gzip", "application/x-gzip", "application/x-7z-compressed",
                "application/x-rar-compressed", "application/vnd.rar", "application/x-bzip2", "application/x-xz", "application/java-archive").contains(mediaType);
    }

    /** True for the formats whose pages may be scans (PDF, images): a page of these with no text needed OCR. */
    public static boolean mayNeedOcr(String mediaType) {
        return mediaType != null && (mediaType.equals("application/pdf") || mediaType.startsWith("image/"));
    }

    private static String baseType(String contentType) {
        if (contentType == null) return "application/octet-stream";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    }

    private static String firstLine(String s) {
        String line = s.strip().split("\n", 2)[0];
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }

    /** The quarantine reason a {@link LimitExceededException} carries, from an embedded document's exception text. */
    private static String limitMessage(String exceptionText) {
        String marker = LimitExceededException.class.getName() + ": ";
        int at = exceptionText.indexOf(marker);
        return at < 0 ? null : firstLine(exceptionText.substring(at + marker.length()));
    }

    static String reasonFor(Throwable e, String detectedType) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceededException) return t.getMessage();
            if (t instanceof EncryptedDocumentException || String.valueOf(t.getMessage()).toLowerCase().contains("password")) {
                return "The file is password-protected; ask the producing party for the password or an unencrypted copy.";
            }
            if (t instanceof ZeroByteFileException) {
                return "The file is empty (0 bytes); ask the producing party for a complete copy.";
            }
        }
        String type = detectedType == null ? "its detected format" : detectedType;
        String cause = e == null ? "no content" : rootMessage(e);
        return "The file could not be parsed as " + type + " (" + cause + "); it may be truncated or corrupt: ask the producing party for a new copy.";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        if (msg == null || msg.isBlank()) msg = root.getClass().getSimpleName();
        return firstLine(msg);
    }

    private static ParseOutcome quarantine(String path, String sha, String reason) {
        return new ParseOutcome.Quarantined(new Quarantine(path, sha, reason));
    }
}
