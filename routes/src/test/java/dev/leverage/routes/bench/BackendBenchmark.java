package dev.leverage.routes.bench;

import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.InvalidQueryException;
import dev.leverage.index.LuceneDiscoveryIndex;
import dev.leverage.index.SearchResult;
import dev.leverage.index.SolrDiscoveryIndex;
import dev.leverage.index.SolrTestCluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 9's benchmark: the same generated case indexed and searched through the embedded index and through
 * SolrCloud (a two-node, two-shard cluster in this JVM, the test cluster), with the product's search (parse, top 10,
 * highlighted snippets, type/person/month facets over every match). Prints indexing throughput (pages/s, MB/s of text,
 * to a durable commit) and per-query latency (median and 99th percentile over every execution, each query run
 * {@code runs} times after two warm-ups), and the Solr/embedded ratios. It asserts nothing; it is not a test.
 *
 * <p>Run (BENCHMARKS.md has the figures):
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl routes org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.leverage.routes.bench.BackendBenchmark -Dexec.args="20000 5"
 * </pre>
 */
public final class BackendBenchmark {
    private BackendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PrintStream out = System.out;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "Backend benchmark (issue 9): %,d pages, %d runs per query after 2 warm-ups, %d indexing threads; JVM %s, %d cores, max heap %d MB%n",
                pages, runs, threads, System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        SearchBenchmark.Corpus corpus = new CorpusGenerator(SearchBenchmark.SEED).generate(pages);
        double textMb = corpus.chars / 1e6;
        List<String> queries = corpus.picks.queries();
        out.printf(Locale.ROOT, "Corpus: %,d documents, %,d pages, %.1f MB of page text; %d queries%n", corpus.docs.size(), corpus.pages, textMb, queries.size());

        Path work = Files.createTempDirectory("leverage-bench-backends-");
        Result embedded, solr;
        try (DiscoveryIndex index = new LuceneDiscoveryIndex(work.resolve("embedded"))) {
            embedded = measure("embedded Lucene", index, corpus, queries, threads, runs, out);
        }
        SolrTestCluster.newCollection("bench");
        try (DiscoveryIndex index = new SolrDiscoveryIndex(SolrTestCluster.client(), "bench", "bench-case", true)) {
            solr = measure("SolrCloud, 2 nodes, 2 shards (in this JVM)", index, corpus, queries, threads, runs, out);
        }
        for (String q : queries) {
            if (!java.util.Objects.equals(embedded.totals.get(q), solr.totals.get(q))) {
                out.printf(Locale.ROOT, "  different totals for %s: embedded %s, Solr %s%n", q, embedded.totals.get(q), solr.totals.get(q));
            }
        }
        out.printf(Locale.ROOT, "%nSUMMARY backends: %,d pages | indexing pages/s: embedded %,.0f, Solr %,.0f (Solr/embedded %.2f) | query median ms: embedded %.1f, Solr %.1f "
                        + "(x%.1f) | p99 ms: embedded %.1f, Solr %.1f (x%.1f)%n",
                corpus.pages, embedded.pagesPerSecond, solr.pagesPerSecond, solr.pagesPerSecond / embedded.pagesPerSecond,
                embedded.median, solr.median, solr.median / embedded.median, embedded.p99, solr.p99, solr.p99 / embedded.p99);
        System.exit(0); // the cluster's threads are not daemons
    }

    record Result(double pagesPerSecond, double median, double p99, java.util.Map<String, Long> totals) {
    }

    static Result measure(String name, DiscoveryIndex index, SearchBenchmark.Corpus corpus, List<String> queries, int threads, int runs,
                          PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        SearchBenchmark.indexAll(index, corpus, threads);
        index.commit();
        double s = (System.nanoTime() - t0) / 1e9;
        double pps = corpus.pages / s;
        out.printf(Locale.ROOT, "%s: indexed %,d pages in %.1f s to a durable commit = %,.0f pages/s, %.2f MB/s of text%n", name, corpus.pages, s, pps, corpus.chars / 1e6 / s);
        List<Double> all = new ArrayList<>();
        long hits = 0;
        java.util.Map<String, Long> totals = new java.util.LinkedHashMap<>();
        for (String q : queries) {
            try {
                for (int w = 0; w < 2; w++) index.search(q, 0, 10);
                for (int r = 0; r < runs; r++) {
                    long q0 = System.nanoTime();
                    SearchResult res = index.search(q, 0, 10);
                    all.add((System.nanoTime() - q0) / 1e6);
                    if (r == 0) {
                        hits += res.total();
                        totals.put(q, res.total());
                    }
                }
            } catch (InvalidQueryException e) {
                out.println("  query not answered: " + q + " (" + e.getMessage() + ")");
            }
        }
        double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
        double median = SearchBenchmark.pct(v, 0.5), p99 = SearchBenchmark.pct(v, 0.99);
        out.printf(Locale.ROOT, "%s: %d query executions, median %.1f ms, p99 %.1f ms, max %.1f ms (%,d matching pages over the queries)%n",
                name, v.length, median, p99, SearchBenchmark.pct(v, 1.0), hits);
        return new Result(pps, median, p99, totals);
    }
}
