package dev.leverage.routes.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search benchmark on a tiny generated case: every query of its set parses and answers through both the product
 * and the bare searcher, and the index is removed afterwards. No figure is asserted; figures are BENCHMARKS.md's.
 */
class SearchBenchmarkSmokeTest {
    @Test
    void everyBenchmarkQueryIsAnsweredOnASmallCorpus(@TempDir Path work) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SearchBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), work, 600, 1);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("55 of 55 queries answered"), out);
        assertFalse(out.contains("FAILED"), out);
        assertFalse(Files.exists(work.resolve(SearchBenchmark.INDEX_DIR)), "the benchmark index is deleted");
    }
}
