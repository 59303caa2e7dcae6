package dev.leverage.routes.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The append-only record of who read what: one JSON line per request that touched a case (or tried to), written and
 * forced to disk before the answer leaves. Each line carries the SHA-256 of the line before it, so that an edited,
 * removed or reordered line breaks the chain and {@link #verify()} says where.
 */
public final class AuditLog {
    /** One request. {@code status} is the HTTP status answered. */
    public record Entry(String user, String caseId, String method, String endpoint, String query, String document, int status, String remote) {
    }

    private final Path file;
    private String last;
    private long seq;

    public AuditLog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        String prev = "";
        long n = 0;
        if (Files.isRegularFile(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank()) continue;
                    prev = line;
                    n++;
                }
            }
        }
        this.last = prev;
        this.seq = n;
    }

    public synchronized void append(Entry e) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("seq", seq + 1);
        n.put("time", Instant.now().toString());
        n.put("user", e.user());
        n.put("case", e.caseId());
        n.put("method", e.method());
        n.put("endpoint", e.endpoint());
        if (e.query() != null) n.put("query", e.query());
        if (e.document() != null) n.put("document", e.document());
        n.put("status", e.status());
        if (e.remote() != null) n.put("remote", e.remote());
        n.put("prev", Access.hash(last));
        String line = Json.MAPPER.writeValueAsString(n);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        last = line;
        seq++;
    }

    /** Entries in order, those the filter admits. */
    public static List<JsonNode> read(Path file, Predicate<JsonNode> filter) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(line);
                if (filter.test(n)) out.add(n);
            }
        }
        return out;
    }

    /** Null when every line chains to the one before it; otherwise a sentence naming the first line that does not. */
    public static String verify(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        String prev = "";
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    return "Line " + lineNo + " of " + file + " is not a JSON entry; the audit log was edited.";
                }
                if (!Access.hash(prev).equals(n.path("prev").asText())) {
                    return "Line " + lineNo + " of " + file + " does not follow the line before it; the audit log was edited, truncated or reordered there.";
                }
                prev = line;
            }
        }
        return null;
    }
}
