package dev.leverage.index;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real SolrCloud in the test JVM: two Solr nodes and an embedded ZooKeeper, Leverage's configset uploaded, and one
 * collection of two shards. Started once per test JVM, on first use, and shut down with the JVM.
 */
public final class SolrTestCluster {
    public static final String COLLECTION = "leverage";
    private static MiniSolrCloudCluster cluster;

    private SolrTestCluster() {
    }

    public static synchronized MiniSolrCloudCluster get() throws Exception {
        if (cluster != null) return cluster;
        Path base = Files.createTempDirectory("leverage-solrcloud");
        System.setProperty("solr.log.dir", base.resolve("logs").toString());
        MiniSolrCloudCluster c = new MiniSolrCloudCluster(2, base, JettyConfig.builder().build());
        c.uploadConfigSet(SolrDiscoveryIndex.writeConfigset(base.resolve("configset")), COLLECTION);
        CollectionAdminRequest.createCollection(COLLECTION, COLLECTION, 2, 1).process(c.getSolrClient());
        c.waitForActiveCollection(COLLECTION, 2, 2);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                c.shutdown();
            } catch (Exception ignored) {
                // the JVM is going anyway
            }
        }));
        cluster = c;
        return c;
    }

    /**
     * A new collection of two shards with Leverage's configset, for a test whose scores must be those of one case
     * alone (BM25 reads the statistics of the shard, which every case routed to it shares).
     */
    public static synchronized String newCollection(String name) throws Exception {
        MiniSolrCloudCluster c = get();
        CollectionAdminRequest.createCollection(name, COLLECTION, 2, 1).process(c.getSolrClient());
        c.waitForActiveCollection(name, 2, 2);
        return name;
    }

    /** The ZooKeeper address of the cluster. */
    public static String zkHost() throws Exception {
        return get().getZkServer().getZkAddress();
    }

    /** A client of the cluster that the caller may close. */
    public static SolrClient client() throws Exception {
        return SolrDiscoveryIndex.connect(get().getZkServer().getZkAddress(), null);
    }
}
