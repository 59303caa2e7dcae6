package dev.leverage.routes.bench;

import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.index.FileRecord;
import dev.leverage.index.LuceneDiscoveryIndex;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.Page;
import dev.leverage.ingest.ParseOutcome;
import dev.leverage.ingest.TikaDocumentParser;
import dev.leverage.routes.CaseStore;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where an ingest's processor time goes, stage by stage, on one thread: Tika's parse (OCR pages apart), the
 * extractors, and the Lucene index. The end-to-end benchmark ({@link IngestBenchmark}) says how fast the product is
 * against Tika alone; this one says which part to make faster. Every figure is the thread's CPU time, so it is the
 * cost of the work, whatever else the machine is doing; the extractors run {@code rounds} times and the median is kept.
 *
 * <pre>java -cp ... dev.leverage.routes.bench.StageBenchmark CORPUS DATA [rounds] [facts.jsonl]</pre>
 * With a fourth argument every document's facts are written there, one JSON line each, so that a change meant to
 * make the extractors faster can be shown to leave what they read unchanged ({@code cmp} the files).
 */
public final class StageBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private StageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out, Path.of(args[0]), Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3, args.length > 3 ? Path.of(args[3]) : null);
    }

    public static void run(PrintStream out, Path corpus, Path data, int rounds, Path factsOut) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);
        List<Document> docs = new ArrayList<>();
        long parseNs = 0, ocrNs = 0;
        int pages = 0, ocrPages = 0;
        long chars = 0;
        for (Path f : files) {
            long t = CPU.getCurrentThreadCpuTime();
            ParseOutcome o = parser.parse(f, corpus.relativize(f).toString(), null);
            long spent = CPU.getCurrentThreadCpuTime() - t;
            if (!(o instanceof ParseOutcome.Parsed p)) continue;
            boolean ocr = p.documents().stream().anyMatch(d -> d.pages().stream().anyMatch(Page::ocr));
            if (ocr) ocrNs += spent;
            else parseNs += spent;
            for (Document d : p.documents()) {
                docs.add(d);
                pages += d.pages().size();
                if (ocr) ocrPages += d.pages().size();
                for (Page pg : d.pages()) chars += pg.text().length();
            }
        }
        out.printf(Locale.ROOT, "Stages on one thread, CPU time: %,d files, %,d documents, %,d pages (%,d in files with OCR), %.1f MB of text%n",
                files.size(), docs.size(), pages, ocrPages, chars / 1e6);
        out.printf(Locale.ROOT, "  %-44s %10.1f s %9.2f ms/page%n", "Tika parse, files without OCR (in-process)", parseNs / 1e9, parseNs / 1e6 / Math.max(1, pages - ocrPages));
        out.printf(Locale.ROOT, "  %-44s %10.1f s %9.2f ms/page (Tesseract runs in its own process: not counted)%n", "Tika parse, files with OCR (in-process)", ocrNs / 1e9, ocrNs / 1e6 / Math.max(1, ocrPages));

        TrainedModels models = TrainedModels.load(new CaseStore(data).models());
        Thresholds thresholds = Thresholds.load(new CaseStore(data).thresholds());
        DocumentExtractor extractor = new DocumentExtractor(models, thresholds);
        for (int i = 0; i < Math.min(50, docs.size()); i++) extractor.extract(docs.get(i)); // warm the JIT
        long[] extractNs = new long[rounds];
        List<DocumentFacts> facts = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t = CPU.getCurrentThreadCpuTime();
            for (Document d : docs) {
                DocumentFacts f = extractor.extract(d);
                if (r == 0) facts.add(f);
            }
            extractNs[r] = CPU.getCurrentThreadCpuTime() - t;
        }
        long[] sorted = extractNs.clone();
        Arrays.sort(sorted);
        long median = sorted[rounds / 2];
        out.printf(Locale.ROOT, "  %-44s %10.1f s %9.2f ms/page (median of %d rounds: %s s)%n", "extractors (DocumentExtractor.extract)", median / 1e9, median / 1e6 / pages, rounds,
                Arrays.stream(extractNs).mapToObj(n -> String.format(Locale.ROOT, "%.1f", n / 1e9)).toList());

        if (factsOut != null) {
            try (var w = Files.newBufferedWriter(factsOut)) {
                for (DocumentFacts f : facts) w.write(dev.leverage.index.Json.MAPPER.writeValueAsString(f) + "\n");
            }
        }
        Path dir = Files.createTempDirectory("stage-index");
        long t = CPU.getCurrentThreadCpuTime();
        try (LuceneDiscoveryIndex index = new LuceneDiscoveryIndex(dir)) {
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i);
                index.add(d, facts.get(i), new FileRecord(d.path(), d.sha256(), FileRecord.INDEXED, null, d.id(), d.type(), d.pages().size(),
                        d.firstBates(), d.lastBates(), d.parentId() != null, 0, null, List.of()));
            }
            index.commit();
        }
        long indexNs = CPU.getCurrentThreadCpuTime() - t;
        out.printf(Locale.ROOT, "  %-44s %10.1f s %9.2f ms/page (this thread only; Lucene merges on its own threads)%n", "Lucene index (add, commit)", indexNs / 1e9, indexNs / 1e6 / pages);
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
