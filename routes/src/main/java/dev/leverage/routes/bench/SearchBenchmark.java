package dev.leverage.routes.bench;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.people.Person;
import dev.leverage.index.CaseCast;
import dev.leverage.index.FileRecord;
import dev.leverage.index.InvalidQueryException;
import dev.leverage.index.LuceneDiscoveryIndex;
import dev.leverage.index.SearchResult;
import dev.leverage.index.search.PageAnalyzer;
import dev.leverage.index.search.QueryLanguage;
import dev.leverage.ingest.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Times search over a large case (issue 6): a synthetic production of {@code pages} discovery pages (police
 * narratives, CAD logs, lab reports, custody logs, transcripts, written warnings, K9 reports), generated from a fixed
 * seed, is indexed through the real {@link LuceneDiscoveryIndex}; then a fixed set of queries in Leverage's query
 * language runs through the product's search (parse, top 10, ten highlighted snippets, type/person/month facets over
 * every match) and, on the same index, through a bare Lucene {@link IndexSearcher} running the same Lucene query top
 * 10 with nothing else. It prints percentiles of per-execution latency for both and their ratio. Indexing is long
 * and runs once; the queries run {@code runs} times each after two warm-up executions.
 *
 * <p>Run it with {@code leverage bench search [--pages N] [--runs N]}, or this class's {@code main}. The index is built
 * under the work directory and deleted at the end unless the system property {@code leverage.bench.keep} is set.
 */
public final class SearchBenchmark {
    static final long SEED = 0x5EA4C4L;
    static final String INDEX_DIR = "search-bench-index";

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("leverage-bench-search-");
        run(System.out, work, pages, runs);
        if (System.getProperty("leverage.bench.keep") == null) Files.deleteIfExists(work);
    }

    public static void run(PrintStream out, Path work, int pages, int runs) {
        if (pages < 1) throw new IllegalArgumentException("pages < 1");
        if (runs < 1) throw new IllegalArgumentException("runs < 1");
        try {
            Files.createDirectories(work);
            Path dir = work.resolve(INDEX_DIR);
            deleteTree(dir);
            try {
                bench(out, dir, pages, runs);
            } finally {
                if (System.getProperty("leverage.bench.keep") == null) deleteTree(dir);
                else out.println("Index kept at " + dir.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bench(PrintStream out, Path dir, int pages, int runs) throws IOException {
        long started = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        int cores = rt.availableProcessors();
        out.println("Search benchmark (issue 6): " + pages + " pages, " + runs + " runs per query after 2 warm-up runs");
        out.println(String.format(Locale.ROOT, "  JVM %s %s (%s), %d cores, max heap %d MB, Lucene %s",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
                cores, rt.maxMemory() / (1 << 20), org.apache.lucene.util.Version.LATEST));
        out.println("  JVM arguments: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));

        // ---- corpus ----
        long t0 = System.nanoTime();
        Corpus corpus = new CorpusGenerator(SEED).generate(pages);
        double genS = (System.nanoTime() - t0) / 1e9;
        double textMb = corpus.chars / 1e6; // page text is ASCII: one byte a character
        out.println(String.format(Locale.ROOT, "Corpus: %,d documents, %,d pages, %.1f MB of page text (%,.0f characters a page), %,d OCR pages, %,d person mentions; generated in %.1f s (seed %d)",
                corpus.docs.size(), corpus.pages, textMb, (double) corpus.chars / corpus.pages, corpus.ocrPages, corpus.mentions, genS, SEED));

        // ---- indexing, once ----
        int threads = Math.max(1, cores);
        long ti = System.nanoTime();
        double commitS;
        try (LuceneDiscoveryIndex index = new LuceneDiscoveryIndex(dir)) {
            indexAll(index, corpus, threads);
            index.commit();
            commitS = (System.nanoTime() - ti) / 1e9;
        }
        double closedS = (System.nanoTime() - ti) / 1e9;
        long bytes = size(dir);
        out.println(String.format(Locale.ROOT, "Indexing (%d threads, as the ingest route; once): %,d pages in %.1f s to commit = %,.0f pages/s, %.2f MB/s of text;"
                        + " %.1f s with close (waits for merges) = %,.0f pages/s, %.2f MB/s",
                threads, corpus.pages, commitS, corpus.pages / commitS, textMb / commitS, closedS, corpus.pages / closedS, textMb / closedS));
        out.println(String.format(Locale.ROOT, "Index size on disk: %.1f MB (%.2f x the page text)", bytes / 1e6, bytes / (double) corpus.chars));

        List<String> queries = corpus.picks.queries();
        List<DocumentFacts> facts = corpus.facts;
        corpus.docs.clear(); // the page texts are in the index now

        // ---- time to first result and product latency ----
        // A query the product cannot answer (an error, not a result) is reported and left out of both latency sets.
        int nq = queries.size();
        String[] failed = new String[nq];
        long[] totals = new long[nq];
        double[][] product = new double[nq][runs];
        long to = System.nanoTime();
        double ttfr;
        out.println("Opening the index for search ...");
        out.flush();
        try (LuceneDiscoveryIndex index = new LuceneDiscoveryIndex(dir)) {
            SearchResult first;
            try {
                first = search(index, queries.get(0));
            } catch (InvalidQueryException e) {
                throw new IllegalStateException("benchmark query " + queries.get(0) + ": " + e.getMessage(), e);
            }
            ttfr = (System.nanoTime() - to) / 1e6;
            out.println(String.format(Locale.ROOT, "Time to first result: %.0f ms from opening the index to the first search answered (\"%s\", %,d hits; includes reading the case's people from the index)",
                    ttfr, queries.get(0), first.total()));
            out.flush();
            for (int w = 0; w < 2; w++) {
                for (int i = 0; i < nq; i++) {
                    if (failed[i] != null) continue;
                    try {
                        search(index, queries.get(i));
                    } catch (RuntimeException | InvalidQueryException e) {
                        failed[i] = "product: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                }
            }
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < nq; i++) {
                    if (failed[i] != null) continue;
                    long s = System.nanoTime();
                    try {
                        SearchResult res = search(index, queries.get(i));
                        product[i][r] = (System.nanoTime() - s) / 1e6;
                        totals[i] = res.total();
                    } catch (RuntimeException | InvalidQueryException e) {
                        failed[i] = "product: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                }
            }
        }

        // ---- baseline: the same Lucene queries, bare IndexSearcher, top 10 ----
        CaseCast cast = CaseCast.of(facts);
        QueryLanguage language = new QueryLanguage(new PageAnalyzer(false), new PageAnalyzer(true), name -> personPages(cast, name));
        double[][] bare = new double[nq][runs];
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query[] built = new Query[nq];
            for (int i = 0; i < nq; i++) {
                try {
                    built[i] = new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("kind", "page")), BooleanClause.Occur.FILTER)
                            .add(language.parse(queries.get(i)).query(), BooleanClause.Occur.MUST).build();
                } catch (InvalidQueryException | RuntimeException e) {
                    if (failed[i] == null) failed[i] = "bare: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            for (int w = 0; w < 2; w++) {
                for (int i = 0; i < nq; i++) {
                    if (built[i] == null) continue;
                    try {
                        searcher.search(built[i], 10);
                    } catch (RuntimeException e) {
                        if (failed[i] == null) failed[i] = "bare: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                        built[i] = null;
                    }
                }
            }
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < nq; i++) {
                    if (built[i] == null) continue;
                    long s = System.nanoTime();
                    searcher.search(built[i], 10);
                    bare[i][r] = (System.nanoTime() - s) / 1e6;
                }
            }
        }

        // ---- report ----
        out.println();
        out.println("Per query (median ms of " + runs + " runs; hits as the product counts them, relaxed matches included):");
        out.println(String.format(Locale.ROOT, "  %-46s %9s %10s %10s %7s", "query", "hits", "product", "bare", "ratio"));
        List<double[]> ps = new ArrayList<>(), bs = new ArrayList<>();
        for (int i = 0; i < nq; i++) {
            if (failed[i] != null) {
                out.println(String.format(Locale.ROOT, "  %-46s FAILED %s", clip(queries.get(i), 46), clip(failed[i], 140)));
                continue;
            }
            ps.add(product[i]);
            bs.add(bare[i]);
            double p = pct(product[i], 0.5), b = pct(bare[i], 0.5);
            out.println(String.format(Locale.ROOT, "  %-46s %,9d %10.2f %10.2f %7.1f", clip(queries.get(i), 46), totals[i], p, b, p / b));
        }
        double[] all = flat(ps), base = flat(bs);
        int answered = ps.size();
        out.println();
        out.println(String.format(Locale.ROOT, "Latency over the %d of %d queries answered x %d runs = %d executions each (ms):", answered, nq, runs, all.length));
        if (answered < nq) out.println(String.format(Locale.ROOT, "  %d queries failed (listed above) and are left out of both columns", nq - answered));
        if (answered == 0) {
            out.println("No query was answered.");
            return;
        }
        out.println(String.format(Locale.ROOT, "  %-58s %8s %8s %8s %8s", "", "p50", "p90", "p99", "max"));
        out.println(String.format(Locale.ROOT, "  %-58s %8.2f %8.2f %8.2f %8.2f", "product (parse, top 10, 10 snippets, facets over all hits)",
                pct(all, 0.5), pct(all, 0.9), pct(all, 0.99), pct(all, 1.0)));
        out.println(String.format(Locale.ROOT, "  %-58s %8.2f %8.2f %8.2f %8.2f", "bare IndexSearcher (same Lucene query, top 10)",
                pct(base, 0.5), pct(base, 0.9), pct(base, 0.99), pct(base, 1.0)));
        out.println(String.format(Locale.ROOT, "  ratio product / bare: p50 %.1f x, p99 %.1f x", pct(all, 0.5) / pct(base, 0.5), pct(all, 0.99) / pct(base, 0.99)));
        out.println(String.format(Locale.ROOT, "Summary: %,d pages; indexing %,.0f pages/s, %.2f MB/s; index %.0f MB; product p50 %.2f ms, p99 %.2f ms; bare p50 %.2f ms, p99 %.2f ms;"
                        + " ratio p50 %.1f x, p99 %.1f x; first result %.0f ms; %d of %d queries answered",
                corpus.pages, corpus.pages / commitS, textMb / commitS, bytes / 1e6, pct(all, 0.5), pct(all, 0.99), pct(base, 0.5), pct(base, 0.99),
                pct(all, 0.5) / pct(base, 0.5), pct(all, 0.99) / pct(base, 0.99), ttfr, answered, nq));
        out.println(String.format(Locale.ROOT, "Benchmark wall time: %.0f s", (System.nanoTime() - started) / 1e9));
        out.flush();
    }

    private static SearchResult search(LuceneDiscoveryIndex index, String q) throws IOException, InvalidQueryException {
        return index.search(q, 0, 10);
    }

    /** As the product reads person:, from the same facts: the pages that mention the people a name names. */
    private static Query personPages(CaseCast cast, String name) {
        List<BytesRef> keys = new ArrayList<>();
        for (Person p : cast.lookup(name)) for (String k : cast.pagesOf(p.key())) keys.add(new BytesRef(k));
        return keys.isEmpty() ? new MatchNoDocsQuery("nobody called " + name) : new TermInSetQuery("page_key", keys);
    }

    /** Adds every document of the corpus from {@code threads} threads, as the ingest route's workers do. */
    static void indexAll(dev.leverage.index.DiscoveryIndex index, Corpus corpus, int threads) throws IOException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < corpus.docs.size(); ) {
                        index.add(corpus.docs.get(i), corpus.facts.get(i), corpus.records.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Nearest-rank percentile of the values (1.0 is the maximum). */
    static double pct(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p * s.length);
        return s[Math.min(s.length, Math.max(1, rank)) - 1];
    }

    private static double[] flat(List<double[]> m) {
        return m.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The generated production, in ingest order (docs, facts and records share an index). */
    static final class Corpus {
        final List<Document> docs = new ArrayList<>();
        final List<DocumentFacts> facts = new ArrayList<>();
        final List<FileRecord> records = new ArrayList<>();
        long pages, chars, ocrPages, mentions;
        CorpusGenerator.Picks picks;
    }
}
