package dev.leverage.routes.server;

import dev.leverage.index.SolrTestCluster;
import dev.leverage.routes.CaseStore;
import dev.leverage.routes.SolrTarget;

import java.nio.file.Path;

/**
 * Every REST API test, with the cases on SolrCloud (a two-node, two-shard cluster in the test JVM, both cases in
 * one collection): per-case grants hold through every endpoint, and a case's searches, pages, people, witness,
 * timeline and reports answer from its own documents only.
 */
class SolrRestApiTest extends RestApiTest {
    @org.junit.jupiter.api.Test
    void theCasesLiveOnSolr() {
        for (String c : java.util.List.of("alpha", "bravo")) {
            org.junit.jupiter.api.Assertions.assertTrue(store.onSolr(c) && !java.nio.file.Files.exists(store.caseDir(c).resolve("index")), c);
        }
    }

    @Override
    CaseStore newStore(Path data) throws Exception {
        return new CaseStore(data).withSolr(new SolrTarget(SolrTestCluster.zkHost(), null, SolrTestCluster.newCollection("rest-api")));
    }
}
