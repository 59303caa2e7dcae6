package dev.leverage.routes;

import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.LuceneDiscoveryIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data folder: one directory per case holding its index, quarantine copies, trained-model cache and reports.
 * Case ids are checked before any path is built from them, so no id can reach outside the data folder.
 *
 * <p>A case's index is embedded (a Lucene index in the case folder, the default) or on SolrCloud (the case folder
 * then holds {@code solr.json}, naming the cluster and collection). A store made {@link #withSolr with a Solr target}
 * creates new cases there; an existing case is always opened where it lives.
 */
public final class CaseStore {
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path root;
    private final SolrTarget solr;

    public CaseStore(Path root) {
        this(root, null);
    }

    private CaseStore(Path root, SolrTarget solr) {
        this.root = root.toAbsolutePath().normalize();
        this.solr = solr;
    }

    /** This data folder, with new cases created on this SolrCloud collection (null: embedded). */
    public CaseStore withSolr(SolrTarget target) {
        return new CaseStore(root, target);
    }

    /** The Solr target new cases go to, or null for the embedded index. */
    public SolrTarget solr() {
        return solr;
    }

    /** --data, else $LEVERAGE_HOME, else ~/.leverage. */
    public static CaseStore locate(Path data) {
        if (data != null) return new CaseStore(data);
        String home = System.getenv("LEVERAGE_HOME");
        if (home != null && !home.isBlank()) return new CaseStore(Path.of(home));
        return new CaseStore(Path.of(System.getProperty("user.home"), ".leverage"));
    }

    public Path root() {
        return root;
    }

    public static void checkCaseId(String id) {
        if (id == null || !CASE_ID.matcher(id).matches() || id.contains("..")) {
            throw new UserError("The case id \"" + id + "\" is not valid; use letters, digits, '.', '_' or '-' (for example 25-003117).");
        }
    }

    public Path caseDir(String id) {
        checkCaseId(id);
        return root.resolve("cases").resolve(id);
    }

    public boolean exists(String id) {
        return Files.isDirectory(caseDir(id).resolve("index")) || onSolr(id);
    }

    /** True when the case's index is on SolrCloud. */
    public boolean onSolr(String id) {
        return Files.isRegularFile(caseDir(id).resolve(SolrTarget.FILE));
    }

    /** Where a case on SolrCloud lives, or empty for an embedded (or unknown) case. */
    public java.util.Optional<SolrTarget> solrTarget(String id) throws IOException {
        return onSolr(id) ? java.util.Optional.of(SolrTarget.read(caseDir(id))) : java.util.Optional.empty();
    }

    /** Opens an existing case's index, where it lives; a case that does not exist is a user error, not an empty index. */
    public DiscoveryIndex open(String id) throws IOException {
        if (!exists(id)) {
            throw new UserError("There is no case \"" + id + "\" in " + root + "; run `leverage analyze FOLDER --case " + id + "` first.");
        }
        if (onSolr(id)) return SolrTarget.read(caseDir(id)).open(id);
        return new LuceneDiscoveryIndex(caseDir(id).resolve("index"));
    }

    /** Opens a case's index, creating the case if new (on this store's Solr target if it has one, else embedded). */
    public DiscoveryIndex create(String id) throws IOException {
        Path dir = caseDir(id);
        if (exists(id)) {
            if (solr != null && !onSolr(id)) {
                throw new UserError("Case " + id + " is in the embedded index; move it first with `leverage migrate --case " + id + " --to solr`.");
            }
            return open(id);
        }
        if (solr != null) {
            solr.write(dir);
            return solr.open(id);
        }
        Files.createDirectories(dir.resolve("index"));
        return new LuceneDiscoveryIndex(dir.resolve("index"));
    }

    /**
     * Remembers every folder a case was ingested from (the command line's discovery folder, the server's upload
     * folder), so that an original file can be served by its record.
     */
    public synchronized void recordSource(String id, Path folder) throws IOException {
        Path dir = caseDir(id);
        Files.createDirectories(dir);
        String f = folder.toAbsolutePath().normalize().toString();
        List<String> known = sources(id);
        if (known.contains(f)) return;
        Files.writeString(dir.resolve("sources"), f + "\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private List<String> sources(String id) throws IOException {
        Path f = caseDir(id).resolve("sources");
        if (!Files.isRegularFile(f)) return List.of();
        return Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8).stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * The original file of a record, or empty when no source folder of the case holds it with the same content (the
     * record is a document inside a container, "!/"; or the file moved or changed since). The path comes from the
     * case's own index, and the result is checked to stay inside its source folder all the same.
     */
    public java.util.Optional<Path> originalFile(String id, dev.leverage.index.FileRecord record) throws IOException {
        if (record == null || record.path() == null || record.path().contains("!/")) return java.util.Optional.empty();
        for (String src : sources(id)) {
            Path root = Path.of(src);
            Path file = root.resolve(record.path()).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) continue;
            if (record.sha256() == null || record.sha256().equals(dev.leverage.ingest.TikaDocumentParser.sha256(file))) return java.util.Optional.of(file);
        }
        return java.util.Optional.empty();
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path thresholds() {
        return root.resolve("thresholds");
    }

    public List<String> cases() throws IOException {
        Path dir = root.resolve("cases");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p.resolve("index")) || Files.isRegularFile(p.resolve(SolrTarget.FILE))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
