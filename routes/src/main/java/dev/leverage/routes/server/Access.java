package dev.leverage.routes.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.Json;
import dev.leverage.routes.CaseStore;
import dev.leverage.routes.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Users, their API tokens and their grants to cases, kept in {@code access.json} in the data folder (owner-only
 * permissions). A token is 256 random bits shown once when the user is added; only its SHA-256 is stored, so the file
 * alone lets nobody in (a salted slow hash buys nothing for a random 256-bit secret). The server re-reads the file
 * when it changes, so {@code leverage user add} and {@code leverage case grant} take effect without a restart.
 */
public final class Access {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String PREFIX = "lev_";

    /** One user: name, whether they may create cases, when added. */
    public record User(String name, boolean admin, String created) {
    }

    private final Path file;
    private final Map<String, User> users = new TreeMap<>();
    private final Map<String, String> userByTokenHash = new LinkedHashMap<>();
    private final Map<String, String> tokenHashByUser = new LinkedHashMap<>();
    private final Map<String, Set<String>> grants = new TreeMap<>();
    private FileTime loaded;

    private Access(Path file) {
        this.file = file;
    }

    public static Access open(CaseStore store) throws IOException {
        Access a = new Access(store.root().resolve("access.json"));
        a.reload();
        return a;
    }

    private synchronized void reload() throws IOException {
        users.clear();
        userByTokenHash.clear();
        tokenHashByUser.clear();
        grants.clear();
        if (!Files.isRegularFile(file)) {
            loaded = null;
            return;
        }
        loaded = Files.getLastModifiedTime(file);
        JsonNode root = Json.MAPPER.readTree(file.toFile());
        for (JsonNode u : root.path("users")) {
            String name = u.path("name").asText();
            users.put(name, new User(name, u.path("admin").asBoolean(false), u.path("created").asText(null)));
            String hash = u.path("tokenSha256").asText();
            userByTokenHash.put(hash, name);
            tokenHashByUser.put(name, hash);
        }
        root.path("grants").fields().forEachRemaining(e -> {
            Set<String> s = new TreeSet<>();
            e.getValue().forEach(n -> s.add(n.asText()));
            grants.put(e.getKey(), s);
        });
    }

    /** Picks up changes another process (the CLI) made to the file. */
    private synchronized void refresh() {
        try {
            FileTime now = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
            if (now == null ? loaded != null : !now.equals(loaded)) reload();
        } catch (IOException e) {
            // keep the last good state; the next request tries again
        }
    }

    /** Adds a user and returns their new token, which is not stored and cannot be shown again. */
    public synchronized String addUser(String name, boolean admin) throws IOException {
        refresh();
        checkUserName(name);
        if (users.containsKey(name)) throw new UserError("There is already a user \"" + name + "\"; choose another name or use `leverage user token " + name + "` to issue a new token.");
        users.put(name, new User(name, admin, Instant.now().toString()));
        String token = newToken();
        tokenHashByUser.put(name, hash(token));
        save();
        return token;
    }

    /** Replaces a user's token (the old one stops working) and returns the new one. */
    public synchronized String newTokenFor(String name) throws IOException {
        refresh();
        if (!users.containsKey(name)) throw new UserError("There is no user \"" + name + "\"; add them with `leverage user add " + name + "`.");
        String token = newToken();
        tokenHashByUser.put(name, hash(token));
        save();
        return token;
    }

    public synchronized void grant(String caseId, String user) throws IOException {
        refresh();
        CaseStore.checkCaseId(caseId);
        if (!users.containsKey(user)) throw new UserError("There is no user \"" + user + "\"; add them with `leverage user add " + user + "` first.");
        grants.computeIfAbsent(caseId, k -> new TreeSet<>()).add(user);
        save();
    }

    public synchronized void revoke(String caseId, String user) throws IOException {
        refresh();
        Set<String> s = grants.get(caseId);
        if (s == null || !s.remove(user)) throw new UserError("User \"" + user + "\" has no grant to case " + caseId + "; nothing was changed.");
        save();
    }

    /** The user a bearer token belongs to; compares hashes in constant time. */
    public synchronized Optional<User> authenticate(String token) {
        refresh();
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) return Optional.empty();
        byte[] h = hash(token).getBytes(StandardCharsets.US_ASCII);
        for (Map.Entry<String, String> e : tokenHashByUser.entrySet()) {
            if (MessageDigest.isEqual(h, e.getValue().getBytes(StandardCharsets.US_ASCII))) return Optional.ofNullable(users.get(e.getKey()));
        }
        return Optional.empty();
    }

    public synchronized boolean granted(String user, String caseId) {
        refresh();
        Set<String> s = grants.get(caseId);
        return s != null && s.contains(user);
    }

    public synchronized List<String> casesOf(String user) {
        refresh();
        List<String> out = new ArrayList<>();
        grants.forEach((c, us) -> {
            if (us.contains(user)) out.add(c);
        });
        return out;
    }

    public synchronized List<User> users() {
        refresh();
        return List.copyOf(users.values());
    }

    public synchronized Map<String, Set<String>> grants() {
        refresh();
        Map<String, Set<String>> copy = new TreeMap<>();
        grants.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    private void save() throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode us = root.putArray("users");
        for (User u : users.values()) {
            ObjectNode n = us.addObject();
            n.put("name", u.name());
            n.put("admin", u.admin());
            n.put("created", u.created());
            n.put("tokenSha256", tokenHashByUser.get(u.name()));
        }
        ObjectNode g = root.putObject("grants");
        grants.forEach((c, s) -> {
            ArrayNode a = g.putArray(c);
            s.forEach(a::add);
        });
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("access.json.tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        reload();
    }

    static void checkUserName(String name) {
        if (name == null || !USER.matcher(name).matches()) {
            throw new UserError("The user name \"" + name + "\" is not valid; use letters, digits, '.', '_', '@' or '-'.");
        }
    }

    private static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
