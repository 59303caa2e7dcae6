package dev.leverage.routes;

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
 */
public final class CaseStore {
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path root;

    public CaseStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
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
        return Files.isDirectory(caseDir(id).resolve("index"));
    }

    /** Opens an existing case's index; a case that does not exist is a user error, not an empty index. */
    public LuceneDiscoveryIndex open(String id) throws IOException {
        if (!exists(id)) {
            throw new UserError("There is no case \"" + id + "\" in " + root + "; run `leverage analyze FOLDER --case " + id + "` first.");
        }
        return new LuceneDiscoveryIndex(caseDir(id).resolve("index"));
    }

    /** Opens a case's index, creating the case if new. */
    public LuceneDiscoveryIndex create(String id) throws IOException {
        Path dir = caseDir(id);
        Files.createDirectories(dir.resolve("index"));
        return new LuceneDiscoveryIndex(dir.resolve("index"));
    }

    /** Remembers the folder a case was last ingested from, so that its original files can be served by path. */
    public void recordSource(String id, Path folder) throws IOException {
        Path dir = caseDir(id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("source"), folder.toAbsolutePath().normalize().toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The original file of a record path, or empty when the case's source folder is unknown, the path names a
     * document inside a container ("!/"), or the file is no longer there. The path comes from the case's own index,
     * and the result is checked to stay inside the source folder all the same.
     */
    public java.util.Optional<Path> originalFile(String id, String recordPath) throws IOException {
        Path src = caseDir(id).resolve("source");
        if (recordPath == null || recordPath.contains("!/") || !Files.isRegularFile(src)) return java.util.Optional.empty();
        Path root = Path.of(Files.readString(src, java.nio.charset.StandardCharsets.UTF_8).strip()).toAbsolutePath().normalize();
        Path file = root.resolve(recordPath).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) return java.util.Optional.empty();
        return java.util.Optional.of(file);
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
            return s.filter(p -> Files.isDirectory(p.resolve("index"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
