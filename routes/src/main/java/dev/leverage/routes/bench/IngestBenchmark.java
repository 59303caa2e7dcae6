package dev.leverage.routes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.Json;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.ParseOutcome;
import dev.leverage.ingest.TikaDocumentParser;
import dev.leverage.routes.CaseService;
import dev.leverage.routes.CaseStore;
import dev.leverage.routes.IngestRun;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The ingest benchmark (issue 8): generated productions of real files (born-digital PDF, DOCX, XLSX, e-mail with
 * attachments and scanned image-only PDFs, by {@link BinaryCorpusWriter}) at 1,000, 10,000 and more documents,
 * each ingested end to end by the product (Camel route, parser processes, every extractor, the Lucene index) in a
 * fresh JVM, against the same files through Tika alone (the project's Tika parser in-process, as many threads as
 * the ingest uses, nothing else) in a fresh JVM of the same size. Prints pages/s and MB/s for both and their ratio,
 * the live heap after each collection at its peak (flat as the corpus grows, or not), and the time from the start
 * of the ingest to the first search result. Every figure comes from this run on this machine.
 */
public final class IngestBenchmark {
    static final long SEED = 0x1A6E57L;
    static final String HEAP = "-Xmx2g";
    static final String PROBE_QUERY = "officer OR deputy OR evidence";

    private IngestBenchmark() {
    }

    /** Child JVM entry: {@code tika DIR THREADS} or {@code ingest DIR DATA CASE}. Prints one JSON line. */
    public static void main(String[] args) throws Exception {
        HeapWatch heap = HeapWatch.start();
        ObjectNode out = switch (args[0]) {
            case "tika" -> tikaAlone(Path.of(args[1]), Integer.parseInt(args[2]));
            case "ingest" -> ingest(Path.of(args[1]), Path.of(args[2]), args[3], heap);
            default -> throw new IllegalArgumentException(args[0]);
        };
        out.put("live_heap_peak_mb", heap.livePeak() / 1048576.0);
        out.put("heap_used_peak_mb", heap.usedPeak() / 1048576.0);
        System.out.println("RESULT " + Json.MAPPER.writeValueAsString(out));
        System.exit(0);
    }

    /**
     * @param sizes documents per production, ascending; each is ingested by Leverage and parsed by Tika alone
     */
    public static void run(PrintStream out, Path work, List<Integer> sizes, double scannedFraction, int threads) throws Exception {
        Files.createDirectories(work);
        out.println("Ingest benchmark (issue 8): productions of " + sizes + " documents, " + threads + " parser processes and route threads, child JVMs " + HEAP);
        out.println(String.format(Locale.ROOT, "  JVM %s %s, %d cores; Tesseract %s; corpus seed %d, scanned fraction %.3f",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
                new TikaDocumentParser(IngestLimits.DEFAULT).ocrAvailable() ? "installed" : "NOT installed (scans quarantined)", SEED, scannedFraction));
        Path data = work.resolve("data");
        // Model training happens once per machine (the models are cached in the data folder): pay it before measuring.
        Path warm = work.resolve("corpus-warmup");
        if (!Files.isDirectory(warm)) BinaryCorpusWriter.write(BinaryCorpusWriter.corpusOf(SEED + 1, 20), warm, SEED + 1, 0.0);
        JsonNode w = child(out, "ingest", warm.toString(), data.toString(), "warmup");
        out.println(String.format(Locale.ROOT, "  warm-up (trains or loads the OpenNLP models, 20 documents): %.1f s", w.get("ingest_s").asDouble()));

        out.println();
        out.println(String.format(Locale.ROOT, "%-8s %-12s %8s %8s %9s %10s %8s %8s %8s %11s %12s",
                "docs", "run", "files", "pages", "MB", "wall s", "pages/s", "MB/s", "vs Tika", "live heap", "1st result"));
        for (int size : sizes) {
            Path corpus = work.resolve("corpus-" + size);
            if (!Files.isDirectory(corpus)) {
                long t0 = System.nanoTime();
                BinaryCorpusWriter.Written written = BinaryCorpusWriter.write(BinaryCorpusWriter.corpusOf(SEED, size), corpus, SEED, scannedFraction);
                out.println(String.format(Locale.ROOT, "  (generated %,d documents, %,d pages (%d scanned), %.1f MB, %s in %.0f s)", written.documents(), written.pages(),
                        written.scannedPages(), written.bytes() / 1e6, written.perFormat(), (System.nanoTime() - t0) / 1e9));
            }
            else {
                List<Path> fs = files(corpus);
                long bytes = 0;
                for (Path f : fs) bytes += Files.size(f);
                out.println(String.format(Locale.ROOT, "  (production of %,d documents reused from %s: %,d files, %.1f MB; delete the folder to generate it again)",
                        size, corpus, fs.size(), bytes / 1e6));
            }
            JsonNode tika = child(out, "tika", corpus.toString(), Integer.toString(threads));
            JsonNode e2e = child(out, "ingest", corpus.toString(), data.toString(), "bench-" + size);
            double tikaRate = tika.get("pages").asDouble() / tika.get("wall_s").asDouble();
            row(out, size, "Tika alone", tika, tika.get("wall_s").asDouble(), Double.NaN, null);
            row(out, size, "Leverage", e2e, e2e.get("ingest_s").asDouble(), e2e.get("pages").asDouble() / e2e.get("ingest_s").asDouble() / tikaRate,
                    e2e.get("first_result_s"));
            out.println(String.format(Locale.ROOT, "%-8s %-12s %s; then the case analysis: %.1f s, live heap up to %.0f MB",
                    "", "", e2e.get("summary").asText(), e2e.get("analysis_s").asDouble(), e2e.get("live_heap_peak_mb").asDouble()));
        }
        out.println();
        out.println("wall s: from the start of the JVM's work to the last file indexed (Tika alone: parsed), cold JVM, models cached;"
                + " vs Tika: Leverage pages/s over Tika-alone pages/s on the same files; live heap: peak heap in use right after a"
                + " full garbage collection (the live set, sampled every 5 s), MB, of the ingest JVM until the last file is indexed (parser processes are capped separately at "
                + IngestLimits.DEFAULT.parserHeapMb() + " MB each); 1st result: seconds from the start of the ingest to the first"
                + " search hit for \"" + PROBE_QUERY + "\" polled every 100 ms.");
    }

    private static void row(PrintStream out, int size, String what, JsonNode r, double wall, double ratio, JsonNode firstResult) {
        double pages = r.get("pages").asDouble(), mb = r.get("bytes").asDouble() / 1048576.0;
        double heapMb = r.has("ingest_live_heap_peak_mb") ? r.get("ingest_live_heap_peak_mb").asDouble() : r.get("live_heap_peak_mb").asDouble();
        out.println(String.format(Locale.ROOT, "%-8s %-12s %,8d %,8d %9.1f %10.1f %8.1f %8.2f %8s %11.0f %12s",
                String.format(Locale.ROOT, "%,d", size), what, r.get("files").asInt(), (long) pages, mb, wall, pages / wall, mb / wall,
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio), heapMb,
                firstResult == null ? "" : String.format(Locale.ROOT, "%.1f s", firstResult.asDouble())));
        out.flush();
    }

    /** Runs this class in a fresh JVM and returns its RESULT line. */
    private static JsonNode child(PrintStream out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), HEAP, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), IngestBenchmark.class.getName()));
        // LEVERAGE_BENCH_INGEST_OPTS adds JVM options to the product's ingest only, e.g. a flight recording to profile it
        String extra = System.getenv("LEVERAGE_BENCH_INGEST_OPTS");
        if (extra != null && !extra.isBlank() && args[0].equals("ingest") && !"warmup".equals(args[3])) {
            cmd.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // Tika alone OCRs as the product's parser processes do: one Tesseract thread per page (see ForkedDocumentParser)
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        String result = null;
        List<String> tail = new ArrayList<>();
        try (var r = p.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) result = line.substring(7);
                else {
                    tail.add(line);
                    if (tail.size() > 20) tail.remove(0);
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("benchmark child " + String.join(" ", args) + " failed:\n" + String.join("\n", tail));
        }
        return Json.MAPPER.readTree(result);
    }

    // ---- child JVM work ----

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
    }

    /** Every file through the project's Tika parser, in-process, {@code threads} at a time. */
    static ObjectNode tikaAlone(Path dir, int threads) throws Exception {
        long t0 = System.nanoTime();
        TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);
        List<Path> files = files(dir);
        AtomicLong pages = new AtomicLong(), bytes = new AtomicLong(), failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (Path f : files) {
            done.add(pool.submit(() -> {
                try {
                    bytes.addAndGet(Files.size(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ParseOutcome o = parser.parse(f, dir.relativize(f).toString(), null);
                if (o instanceof ParseOutcome.Parsed p) p.documents().forEach(d -> pages.addAndGet(d.pages().size()));
                else failed.incrementAndGet();
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("files", files.size());
        n.put("pages", pages.get());
        n.put("bytes", bytes.get());
        n.put("failed", failed.get());
        n.put("wall_s", (System.nanoTime() - t0) / 1e9);
        return n;
    }

    /** The product's ingest of the folder into a new case, searching it every 100 ms until the first hit. */
    static ObjectNode ingest(Path dir, Path data, String caseId, HeapWatch heap) throws Exception {
        long t0 = System.nanoTime();
        CaseStore store = new CaseStore(data);
        if (store.exists(caseId)) {
            try (Stream<Path> s = Files.walk(store.caseDir(caseId))) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        IngestRun run = new IngestRun();
        double[] first = {Double.NaN};
        double[] ingested = {Double.NaN};
        long[] ingestHeap = {-1};
        try (DiscoveryIndex index = store.create(caseId)) {
            Thread probe = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted() && (Double.isNaN(first[0]) || Double.isNaN(ingested[0]))) {
                    if (Double.isNaN(first[0])) {
                        try {
                            if (index.search(PROBE_QUERY, 0, 1).total() > 0) first[0] = (System.nanoTime() - t0) / 1e9;
                        } catch (Exception ignored) {
                            // the index is still opening
                        }
                    }
                    if (Double.isNaN(ingested[0]) && run.isComplete()) {
                        ingested[0] = (System.nanoTime() - t0) / 1e9;
                        ingestHeap[0] = heap.livePeak();
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "first-result-probe");
            probe.setDaemon(true);
            probe.start();
            new CaseService(store).ingest(dir, caseId, true, index, run);
            probe.interrupt();
        }
        double total = (System.nanoTime() - t0) / 1e9;
        if (Double.isNaN(ingested[0])) ingested[0] = total;
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("files", run.found());
        n.put("pages", run.pages());
        n.put("bytes", run.bytes());
        n.put("quarantined", run.quarantinedCount());
        n.put("summary", run.summary());
        n.put("ingest_s", ingested[0]);
        n.put("analysis_s", total - ingested[0]);
        n.put("ingest_live_heap_peak_mb", (ingestHeap[0] < 0 ? heap.livePeak() : ingestHeap[0]) / 1048576.0);
        if (Double.isNaN(first[0])) n.putNull("first_result_s");
        else n.put("first_result_s", first[0]);
        return n;
    }

    /**
     * The heap's working set: the most in use right after a full collection, and the most in use at all. A young
     * collection leaves the old generation's garbage in place, so every 5 seconds a full collection is asked for and
     * what survives it is the live set (this costs the measured run a few per cent, the same for both runs).
     */
    static final class HeapWatch {
        private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(java.lang.management.MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());
        private final AtomicLong live = new AtomicLong();

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(gc instanceof NotificationEmitter e)) continue;
                e.addNotificationListener((n, h) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    if (!info.getGcAction().contains("major")) return; // a young collection's "after" still holds old garbage
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream().filter(x -> HEAP_POOLS.contains(x.getKey()))
                            .mapToLong(x -> x.getValue().getUsed()).sum();
                    w.live.accumulateAndGet(used, Math::max);
                }, null, null);
            }
            Thread sampler = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.gc();
                    long used = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> HEAP_POOLS.contains(p.getName()))
                            .mapToLong(p -> p.getUsage().getUsed()).sum();
                    w.live.accumulateAndGet(used, Math::max);
                }
            }, "live-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            return w;
        }

        long livePeak() {
            return live.get();
        }

        long usedPeak() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }
}
