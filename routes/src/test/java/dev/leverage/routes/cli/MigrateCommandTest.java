package dev.leverage.routes.cli;

import dev.leverage.index.SolrTestCluster;
import dev.leverage.routes.CaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.leverage.routes.cli.ServerCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SolrCloud options and {@code leverage migrate} as a team runs them, against the test cluster. */
class MigrateCommandTest {
    @Test
    void aCaseMovesToSolrAndLaterCommandsFindItThere(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("discovery");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("narrative.txt"), """
                HARBOR POLICE - NARRATIVE
                On 02/11/2025 at 0140 hrs Officer Wren Castillo #4410 stopped a blue van. The dog sniff began at 0152 hrs.
                """, StandardCharsets.UTF_8);
        String d = tmp.resolve("data").toString(), zk = SolrTestCluster.zkHost(), coll = SolrTestCluster.newCollection("cli-migrate");

        ServerCommandsTest.Run ingest = run("ingest", folder.toString(), "--case", "hp-1", "--data", d, "--quiet");
        assertEquals(0, ingest.code(), ingest.err());
        ServerCommandsTest.Run move = run("migrate", "--case", "hp-1", "--to", "solr", "--zk-host", zk, "--collection", coll, "--data", d);
        assertEquals(0, move.code(), move.err());
        assertTrue(move.out().startsWith("Case hp-1 moved from the embedded index to SolrCloud collection cli-migrate"), move.out());
        assertTrue(new CaseStore(Path.of(d)).onSolr("hp-1"));

        // no cluster options: the case folder says where the case lives
        ServerCommandsTest.Run search = run("search", "sniff", "--case", "hp-1", "--data", d, "--json");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains("narrative.txt") && search.out().contains("«sniff»"), search.out());

        ServerCommandsTest.Run again = run("migrate", "--case", "hp-1", "--to", "solr", "--zk-host", zk, "--collection", coll, "--data", d);
        assertEquals(2, again.code());
        assertTrue(again.err().startsWith("Case hp-1 is already on SolrCloud"), again.err());

        // a new case goes to Solr when asked; an embedded case is not quietly duplicated there
        ServerCommandsTest.Run fresh = run("ingest", folder.toString(), "--case", "hp-2", "--data", d, "--quiet", "--index", "solr", "--zk-host", zk, "--collection", coll);
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(new CaseStore(Path.of(d)).onSolr("hp-2"));
        run("ingest", folder.toString(), "--case", "hp-3", "--data", d, "--quiet");
        ServerCommandsTest.Run mixed = run("ingest", folder.toString(), "--case", "hp-3", "--data", d, "--quiet", "--zk-host", zk, "--collection", coll);
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("leverage migrate --case hp-3 --to solr"), mixed.err());

        ServerCommandsTest.Run back = run("migrate", "--case", "hp-1", "--to", "embedded", "--data", d);
        assertEquals(0, back.code(), back.err());
        assertTrue(!new CaseStore(Path.of(d)).onSolr("hp-1"));
        assertTrue(run("search", "sniff", "--case", "hp-1", "--data", d).out().contains("narrative.txt"));
    }

    static String zkHost() throws Exception {
        return SolrTestCluster.zkHost();
    }

    /**
     * The command line with the product's own run-time classpath (what {@code lib/} ships, written by the build to
     * target/runtime-classpath.txt), not the tests': SolrJ's HTTP/2 client once went missing from it while every
     * in-process test passed.
     */
    @Test
    void theCommandLineAsItShipsReachesSolr(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("discovery");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("k9.txt"), "K9 REPORT\nHandler Cpl. Rosa Imfeld #771 began the sniff at 0210 hrs.\n", StandardCharsets.UTF_8);
        String d = tmp.resolve("data").toString();
        ServerCommandsTest.Run ingest = run("ingest", folder.toString(), "--case", "rt-1", "--data", d, "--quiet", "--zk-host", SolrTestCluster.zkHost(),
                "--collection", SolrTestCluster.newCollection("cli-runtime"));
        assertEquals(0, ingest.code(), ingest.err());
        String runtime = Files.readString(Path.of("target/runtime-classpath.txt"), StandardCharsets.UTF_8).strip();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator + runtime,
                LeverageCli.class.getName(), "search", "sniff", "--case", "rt-1", "--data", d).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("k9.txt"), out);
    }

    @Test
    void mistakesAreOneSentence(@TempDir Path tmp) throws Exception {
        String d = tmp.toString();
        ServerCommandsTest.Run noCluster = run("migrate", "--case", "x1", "--to", "solr", "--index", "solr", "--data", d);
        assertEquals(2, noCluster.code());
        assertEquals("The Solr index needs a cluster; give --zk-host HOST:2181 or --solr-url http://HOST:8983/solr.", noCluster.err().strip());
        ServerCommandsTest.Run badIndex = run("search", "dog", "--case", "x1", "--index", "elastic", "--data", d);
        assertEquals(2, badIndex.code());
        assertEquals("--index elastic is not known; use --index embedded or --index solr.", badIndex.err().strip());
        ServerCommandsTest.Run noCollection = run("ingest", tmp.toString(), "--case", "x2", "--data", d, "--quiet", "--zk-host", zkHost(), "--collection", "nosuch");
        assertEquals(2, noCollection.code());
        assertEquals("The SolrCloud cluster at " + zkHost() + " has no collection \"nosuch\"; create it with Leverage's configset (DEPLOY.md) or name another with --collection.",
                noCollection.err().strip());
        ServerCommandsTest.Run unreachable = run("ingest", tmp.toString(), "--case", "x3", "--data", d, "--quiet", "--solr-url", "http://127.0.0.1:9/solr");
        assertEquals(2, unreachable.code());
        assertEquals("The SolrCloud cluster at http://127.0.0.1:9/solr cannot be reached; check --zk-host or --solr-url and that the cluster is running.",
                unreachable.err().strip());
        ServerCommandsTest.Run noCase = run("migrate", "--case", "x1", "--to", "embedded", "--data", d);
        assertEquals(2, noCase.code());
        assertTrue(noCase.err().startsWith("There is no case \"x1\""), noCase.err());
    }
}
