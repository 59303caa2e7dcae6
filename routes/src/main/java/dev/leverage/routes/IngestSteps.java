package dev.leverage.routes;

import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.FileRecord;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.DocumentParser;
import dev.leverage.ingest.Page;
import dev.leverage.ingest.ParseOutcome;
import dev.leverage.ingest.TikaDocumentParser;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named steps of the ingest route, each a small method over the exchange: hash, parse, extract, index,
 * record duplicates and quarantine. Tika, OpenNLP and Lucene are called directly here.
 */
public final class IngestSteps {
    static final String SHA = "leverageSha256";
    static final String REL_PATH = "leverageRelativePath";
    static final String SIZE = "leverageSize";
    /** Characters of one document read by the extractors by default; the rest is indexed for search only. */
    public static final int DEFAULT_EXTRACT_CHARS = 2_000_000;

    private final DiscoveryIndex index;
    private final DocumentParser parser;
    private final TrainedModels models;
    private final Thresholds thresholds;
    private final Path quarantineDir;
    private final IngestRun run;
    private final ThreadLocal<DocumentExtractor> extractors;
    private final ConcurrentHashMap<String, String> seenThisRun = new ConcurrentHashMap<>();
    private final int extractChars;

    public IngestSteps(DiscoveryIndex index, DocumentParser parser, TrainedModels models, Thresholds thresholds,
                       Path quarantineDir, IngestRun run) {
        this(index, parser, models, thresholds, quarantineDir, run, DEFAULT_EXTRACT_CHARS);
    }

    public IngestSteps(DiscoveryIndex index, DocumentParser parser, TrainedModels models, Thresholds thresholds,
                       Path quarantineDir, IngestRun run, int extractChars) {
        this.extractChars = extractChars;
        this.index = index;
        this.parser = parser;
        this.models = models;
        this.thresholds = thresholds;
        this.quarantineDir = quarantineDir;
        this.run = run;
        this.extractors = ThreadLocal.withInitial(() -> new DocumentExtractor(this.models, this.thresholds));
    }

    /** Content hash and case-relative path of the file. */
    public void hash(Exchange ex) throws IOException {
        Path file = file(ex);
        ex.getIn().setHeader(SHA, TikaDocumentParser.sha256(file));
        long size = Files.size(file);
        ex.getIn().setHeader(SIZE, size);
        run.addBytes(size);
        String rel = ex.getIn().getHeader(Exchange.FILE_NAME, String.class);
        ex.getIn().setHeader(REL_PATH, rel.replace('\\', '/'));
    }

    /**
     * True when this very file (same path, same bytes) was ingested by an earlier run with this build of the
     * extractors. Facts read by another build are read again (the document's pages, facts and record are replaced
     * as one block), so an upgrade never leaves a case analysed with an older reader's facts.
     */
    public boolean alreadyIngested(Exchange ex) throws IOException {
        Optional<FileRecord> r = index.findByPath(ex.getIn().getHeader(REL_PATH, String.class));
        if (r.isEmpty() || !ex.getIn().getHeader(SHA, String.class).equals(r.get().sha256())) return false;
        if (!FileRecord.INDEXED.equals(r.get().status()) || r.get().documentId() == null) return true;
        return index.facts(r.get().documentId()).map(f -> DocumentExtractor.VERSION.equals(f.extractor())).orElse(false);
    }

    public void unchanged(Exchange ex) {
        run.unchanged();
    }

    public void recordDuplicate(Exchange ex) throws IOException {
        String sha = ex.getIn().getHeader(SHA, String.class);
        String path = ex.getIn().getHeader(REL_PATH, String.class);
        String original = seenThisRun.get(sha);
        if (original == null || original.equals(path)) original = index.findBySha(sha).map(FileRecord::path).orElse("another file");
        index.addRecord(new FileRecord(path, sha, FileRecord.DUPLICATE, "Same content as " + original + ".", null, null, 0, null, null, false));
        run.duplicate();
    }

    public void parse(Exchange ex) {
        String path = ex.getIn().getHeader(REL_PATH, String.class);
        ex.getIn().setBody(parser.parse(file(ex), path, ex.getIn().getHeader(SHA, String.class)));
    }

    /** Extracts facts from each document of a parsed file and writes them, with the file's record, to the index. */
    public void extractAndIndex(Exchange ex) throws IOException {
        ParseOutcome outcome = ex.getIn().getBody(ParseOutcome.class);
        if (outcome instanceof ParseOutcome.Quarantined q) {
            quarantine(file(ex), q.record().path(), q.record().sha256(), q.record().reason());
            return;
        }
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        DocumentExtractor extractor = extractors.get();
        boolean first = true;
        int pages = 0;
        for (Document d : parsed.documents()) {
            Document read = withinBudget(d);
            DocumentFacts facts = extractor.extract(read);
            List<String> notes = new ArrayList<>(first ? parsed.warnings() : List.of());
            if (read != d) {
                notes.add("Facts were read from the first " + read.pages().size() + " of " + d.pages().size() + " pages ("
                        + String.format(java.util.Locale.ROOT, "%,d", extractChars) + " characters, the extraction limit); every page is searchable.");
            }
            List<Integer> textless = textlessPages(d);
            if (!textless.isEmpty()) notes.add(textlessNote(textless, d.pages().size()));
            List<Page> ocred = d.pages().stream().filter(Page::ocr).toList();
            Double confidence = ocred.stream().filter(p -> p.ocrConfidence() != null).mapToDouble(Page::ocrConfidence).average().stream().boxed().findFirst().orElse(null);
            FileRecord record = new FileRecord(d.path(), d.sha256(), FileRecord.INDEXED, notes.isEmpty() ? null : String.join(" ", notes), d.id(), d.type(),
                    d.pages().size(), d.firstBates(), d.lastBates(), !first, ocred.size(), confidence, textless);
            index.add(d, facts, record);
            pages += d.pages().size();
            first = false;
        }
        run.indexed(parsed.documents().size() - 1, pages);
    }

    /**
     * The document as the extractors read it: whole, or its first pages up to the extraction budget (an 8 MB log
     * would otherwise hold the ingest for minutes). Search indexes every page either way.
     */
    private Document withinBudget(Document d) {
        long chars = 0;
        int keep = 0;
        for (Page p : d.pages()) {
            if (chars + p.text().length() > extractChars && keep > 0) break;
            chars += p.text().length();
            keep++;
        }
        if (keep == d.pages().size() && chars <= extractChars) return d;
        List<Page> pages = new ArrayList<>(d.pages().subList(0, keep));
        Page last = pages.get(keep - 1);
        if (last.text().length() > extractChars) {
            pages.set(keep - 1, new Page(last.number(), last.text().substring(0, extractChars), last.bates(), last.ocr(), last.ocrConfidence(), last.tables()));
        }
        return new Document(d.id(), d.path(), d.sha256(), d.type(), d.mediaType(), d.metadata(), pages, d.parentId());
    }

    /**
     * Pages of a scan or an image that have no text: a scanned page OCR could not read (Tesseract missing, timed
     * out, or found no words). A born-digital format's empty page (a blank DOCX page) is not one.
     */
    static List<Integer> textlessPages(Document d) {
        if (!TikaDocumentParser.mayNeedOcr(d.mediaType())) return List.of();
        List<Integer> out = new ArrayList<>();
        for (Page p : d.pages()) if (p.text().isBlank()) out.add(p.number());
        return out;
    }

    private String textlessNote(List<Integer> pages, int of) {
        String which = pages.size() == of ? "No page of the file has text"
                : (pages.size() == 1 ? "Page " : "Pages ") + compact(pages) + (pages.size() == 1 ? " has" : " have") + " no text";
        return which + ": " + (parser.ocrAvailable() ? "OCR found no words there, so check the page in the original." : "OCR is not installed; install tesseract-ocr and ingest again.");
    }

    /** 1, 2, 3, 5 as "1-3, 5". */
    static String compact(List<Integer> pages) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            int start = pages.get(i), end = start;
            while (i + 1 < pages.size() && pages.get(i + 1) == end + 1) end = pages.get(++i);
            if (b.length() > 0) b.append(", ");
            b.append(start == end ? String.valueOf(start) : start + "-" + end);
        }
        return b.toString();
    }

    /** The dead-letter step: a file whose processing failed unexpectedly is quarantined with the reason. */
    public void failed(Exchange ex) {
        Throwable cause = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String path = ex.getIn().getHeader(REL_PATH, String.class);
        if (path == null) path = ex.getIn().getHeader(Exchange.FILE_NAME, String.class);
        String msg = cause == null ? "unknown error" : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        try {
            quarantine(file(ex), path, ex.getIn().getHeader(SHA, String.class),
                    "Leverage failed while processing the file (" + firstLine(msg) + "); report this with the file's hash, the rest of the batch was processed.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void quarantine(Path file, String path, String sha, String reason) throws IOException {
        index.addRecord(new FileRecord(path, sha, FileRecord.QUARANTINED, reason, null, null, 0, null, null, false));
        // A copy beside its reason, for the person who has to deal with it; the original is never moved.
        if (file != null && Files.isRegularFile(file)) {
            Files.createDirectories(quarantineDir);
            String name = (sha == null ? "unreadable" : sha.substring(0, 12)) + "-" + file.getFileName();
            try {
                Files.copy(file, quarantineDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the record in the index is what counts
            }
            Files.writeString(quarantineDir.resolve(name + ".reason.txt"), path + "\n" + reason + "\n", StandardCharsets.UTF_8);
        }
        run.quarantined();
    }

    private static String firstLine(String s) {
        String l = s.split("\n", 2)[0];
        return l.length() > 200 ? l.substring(0, 200) + "..." : l;
    }

    private static Path file(Exchange ex) {
        String abs = ex.getIn().getHeader(Exchange.FILE_PATH, String.class);
        return abs == null ? null : Path.of(abs);
    }

    /**
     * Camel's idempotent repository over content hashes: a hash is new when neither this run nor the case's
     * index has seen it, so the same bytes under two names are indexed once.
     */
    public IdempotentRepository shaRepository() {
        return new ShaRepository();
    }

    private final class ShaRepository extends ServiceSupport implements IdempotentRepository {
        @Override
        public boolean add(String sha) {
            return false;
        }

        @Override
        public boolean add(Exchange ex, String sha) {
            String path = ex.getIn().getHeader(REL_PATH, String.class);
            // Empty files all share one hash; each is quarantined as empty, none is a "copy" of another.
            if (Long.valueOf(0).equals(ex.getIn().getHeader(SIZE, Long.class))) return true;
            if (seenThisRun.putIfAbsent(sha, path) != null) return false;
            try {
                // The same file at the same path, read again by a newer build, is not a duplicate of itself.
                if (index.findByPath(path).map(r -> sha.equals(r.sha256()) && FileRecord.INDEXED.equals(r.status())).orElse(false)) return true;
                return index.findBySha(sha).isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean contains(String sha) {
            return seenThisRun.containsKey(sha);
        }

        @Override
        public boolean remove(String sha) {
            return seenThisRun.remove(sha) != null;
        }

        @Override
        public boolean confirm(String sha) {
            return true;
        }

        @Override
        public void clear() {
            seenThisRun.clear();
        }
    }
}
