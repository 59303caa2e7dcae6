package dev.leverage.routes.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.leverage.index.Json;
import dev.leverage.routes.UserError;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The formats a report can be written in, for the CLI ({@code leverage report --format}) and the REST server: the
 * JSON of report.schema.json, the HTML page, a printable PDF and Markdown for a motion draft. All four are rendered
 * from the report's JSON alone, so they carry the same findings, citations, timeline, custody chains and people.
 */
public final class ReportFormats {
    /** The format names, in the order they are offered. */
    public static final List<String> FORMATS = List.of("json", "html", "pdf", "md");

    private ReportFormats() {
    }

    /** The report in {@code format} (json, html, pdf or md; case-insensitive, "markdown" is md). */
    public static byte[] render(JsonNode report, String format) {
        return switch (normalise(format)) {
            case "json" -> {
                try {
                    yield Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "html" -> HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> PdfReport.render(report);
            case "md" -> MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException(format);
        };
    }

    /** The media type to serve the format with. */
    public static String contentType(String format) {
        return switch (normalise(format)) {
            case "json" -> "application/json";
            case "html" -> "text/html; charset=utf-8";
            case "pdf" -> "application/pdf";
            case "md" -> "text/markdown; charset=utf-8";
            default -> throw new IllegalStateException(format);
        };
    }

    /** The file extension for the format, without the dot (report.pdf, report.md). */
    public static String extension(String format) {
        return normalise(format);
    }

    private static String normalise(String format) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (f.equals("markdown")) f = "md";
        if (!FORMATS.contains(f)) {
            String shown = format == null || format.isBlank() ? "(none)" : "'" + clip(format.strip(), 40) + "'";
            throw new UserError("Unknown report format " + shown + ": use json, html, pdf or md.");
        }
        return f;
    }

    private static String clip(String s, int max) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(max).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.length() < s.length() ? b + "..." : b.toString();
    }

    // ---- shared by the PDF and Markdown renderers ----

    /** The severities in the order a report presents them; anything else comes after, as "other". */
    static final List<String> SEVERITIES = List.of("high", "medium", "low");

    /** Findings grouped by severity (high, medium, low, then any other value), each group in report order. */
    static Map<String, List<JsonNode>> findingsBySeverity(JsonNode report) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (String s : SEVERITIES) groups.put(s, new ArrayList<>());
        for (JsonNode f : report.path("findings")) {
            String sev = f.path("severity").asText("").toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(SEVERITIES.contains(sev) ? sev : "other", k -> new ArrayList<>()).add(f);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    /** Findings in presentation order (by severity), numbered from 1: the number the timeline and chains refer to. */
    static Map<String, Integer> findingNumbers(JsonNode report) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        int n = 0;
        for (List<JsonNode> group : findingsBySeverity(report).values()) {
            for (JsonNode f : group) {
                n++;
                numbers.putIfAbsent(f.path("id").asText(), n);
            }
        }
        return numbers;
    }

    /** "2025-03-15T00:14:33" as "2025-03-15 00:14:33"; a missing time as the given fallback. */
    static String time(JsonNode t, String missing) {
        return t == null || t.isNull() || t.isMissingNode() || t.asText().isEmpty() ? missing : t.asText().replace('T', ' ');
    }

    /** A text field, or "" when absent or null. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    /** The elements of an array as text, comma separated. */
    static String join(JsonNode arr) {
        StringBuilder b = new StringBuilder();
        for (JsonNode n : arr) if (!n.isNull()) b.append(b.length() > 0 ? ", " : "").append(n.asText());
        return b.toString();
    }

    /** The weight of a custody link, "30.00 g net", or "". */
    static String countAndWeight(JsonNode link) {
        StringBuilder b = new StringBuilder();
        if (link.hasNonNull("count")) b.append(link.path("count").asInt()).append(" units");
        if (link.hasNonNull("weight_g")) {
            if (b.length() > 0) b.append(", ");
            b.append(String.format(Locale.ROOT, "%.2f g", link.path("weight_g").asDouble()));
            if (link.hasNonNull("weight_kind")) b.append(' ').append(link.path("weight_kind").asText());
        }
        return b.toString();
    }

    /** Documents with a given status (indexed, duplicate, quarantined). */
    static List<JsonNode> documents(JsonNode report, String status) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : report.path("documents")) if (status.equals(d.path("status").asText())) out.add(d);
        return out;
    }

    /** A timeline entry's tellings: its sources, or the entry itself when it has none. */
    static List<JsonNode> tellings(JsonNode t) {
        List<JsonNode> out = new ArrayList<>();
        if (t.path("sources").isEmpty()) out.add(t);
        else t.path("sources").forEach(out::add);
        return out;
    }
}
