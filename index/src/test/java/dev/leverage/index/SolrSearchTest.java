package dev.leverage.index;

import java.nio.file.Path;

/**
 * The shared behaviour on SolrCloud: a two-node cluster with two shards in the test JVM, Leverage's configset, every
 * case in one collection.
 */
class SolrSearchTest extends SearchBehaviour {
    @Override
    DiscoveryIndex open(Path dir, String caseId) throws Exception {
        SolrTestCluster.get();
        SolrDiscoveryIndex index = new SolrDiscoveryIndex(SolrTestCluster.client(), SolrTestCluster.COLLECTION, "solr-" + caseId, true);
        index.deleteCase(); // a case id is used once per JVM, but be certain
        return index;
    }
}
