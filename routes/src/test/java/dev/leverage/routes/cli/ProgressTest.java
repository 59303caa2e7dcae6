package dev.leverage.routes.cli;

import dev.leverage.routes.IngestRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest's progress line, and an ingest from the command line with and without --quiet. */
class ProgressTest {
    @TempDir
    Path tmp;

    @Test
    void theLineSaysFilesPagesRateAndTimeLeft() {
        IngestRun run = new IngestRun();
        assertEquals("Finding files ...", Progress.line(run, System.nanoTime()));
        assertEquals("42s", Progress.duration(42));
        assertEquals("3m12s", Progress.duration(192));
        assertEquals("2h05m", Progress.duration(2 * 3600 + 5 * 60));
    }

    @Test
    void anIngestShowsProgressOnStderrUnlessQuiet() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("discovery"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve("supplement_" + i + ".txt"), "Deputy Ramos logged item " + i + " at 14" + (10 + i) + " hours.", StandardCharsets.UTF_8);
        }
        String[] loud = run("ingest", folder.toString(), "--case", "p1", "--data", tmp.resolve("data").toString());
        assertTrue(loud[0].contains("3 files found: 3 indexed"), loud[0]);
        assertTrue(loud[1].matches("(?s).*\\[#{24}]  3/3 files  3 pages .*pages/s .*MB/s.*"), "the final progress line: " + loud[1]);
        String[] quiet = run("ingest", folder.toString(), "--case", "p2", "--data", tmp.resolve("data").toString(), "--quiet");
        assertEquals("", quiet[0] + quiet[1], "--quiet prints nothing when all goes well");
        String[] bad = run("ingest", folder.toString(), "--case", "p3", "--data", tmp.resolve("data").toString(), "--parser-memory-mb", "8");
        assertTrue(bad[1].startsWith("An ingest limit is out of range") && !bad[1].contains("Exception"), bad[1]);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        LeverageCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[]{out.toString(), err.toString()};
    }
}
