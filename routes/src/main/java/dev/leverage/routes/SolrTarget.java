package dev.leverage.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.Json;
import dev.leverage.index.SolrDiscoveryIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a case's index lives when it is on SolrCloud: the cluster (through ZooKeeper, or through the URLs of some of
 * its nodes) and the collection. Kept beside the case's other files ({@code solr.json} in the case folder) so that
 * later commands find the case without being told again.
 *
 * @param zkHost     ZooKeeper ensemble, e.g. {@code zk1:2181,zk2:2181/solr}, or null
 * @param solrUrls   base URLs of Solr nodes, e.g. {@code http://solr1:8983/solr}, when no ZooKeeper is given
 * @param collection the collection created with Leverage's configset
 */
public record SolrTarget(String zkHost, List<String> solrUrls, String collection) {
    public static final String FILE = "solr.json";
    public static final String DEFAULT_COLLECTION = "leverage";

    public SolrTarget {
        solrUrls = solrUrls == null ? List.of() : List.copyOf(solrUrls);
        if ((zkHost == null || zkHost.isBlank()) && solrUrls.isEmpty()) {
            throw new UserError("The Solr index needs a cluster; give --zk-host HOST:2181 or --solr-url http://HOST:8983/solr.");
        }
        if (collection == null || collection.isBlank()) collection = DEFAULT_COLLECTION;
    }

    /**
     * Opens a case of this cluster (the index owns its client); a cluster that cannot be reached, or has no such
     * collection, is a {@link UserError}.
     */
    public SolrDiscoveryIndex open(String caseId) {
        org.apache.solr.client.solrj.SolrClient client = SolrDiscoveryIndex.connect(zkHost, solrUrls);
        String problem = SolrDiscoveryIndex.problem(client, collection, where());
        if (problem != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // nothing was opened that matters
            }
            throw new UserError(problem);
        }
        return new SolrDiscoveryIndex(client, collection, caseId, true);
    }

    private String where() {
        return zkHost != null && !zkHost.isBlank() ? zkHost : String.join(", ", solrUrls);
    }

    public String describe() {
        return "SolrCloud collection " + collection + " at " + (zkHost != null && !zkHost.isBlank() ? "ZooKeeper " : "") + where();
    }

    void write(Path caseDir) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (zkHost != null) n.put("zk_host", zkHost);
        n.set("solr_urls", Json.MAPPER.valueToTree(solrUrls));
        n.put("collection", collection);
        Files.createDirectories(caseDir);
        Files.writeString(caseDir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n), StandardCharsets.UTF_8);
    }

    static SolrTarget read(Path caseDir) throws IOException {
        JsonNode n = Json.MAPPER.readTree(Files.readString(caseDir.resolve(FILE), StandardCharsets.UTF_8));
        List<String> urls = new ArrayList<>();
        n.path("solr_urls").forEach(u -> urls.add(u.asText()));
        return new SolrTarget(n.hasNonNull("zk_host") ? n.get("zk_host").asText() : null, urls, n.path("collection").asText(DEFAULT_COLLECTION));
    }
}
