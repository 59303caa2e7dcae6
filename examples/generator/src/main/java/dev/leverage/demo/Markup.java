package dev.leverage.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for the plain-text source markup described in examples/sources/25-003117/README.md.
 *
 * <p>A source file is a block of {@code @key: value} settings (the front matter, ended by the
 * first blank line) followed by the body. The body is a list of pages, each a list of blocks.
 */
public final class Markup {

    /** One source document: its settings and its pages of blocks (or its raw body). */
    public record Doc(Path source, Map<String, String> settings, List<List<Block>> pages, String rawBody) {

        public String get(String key) {
            return settings.get(key);
        }

        public String get(String key, String fallback) {
            return settings.getOrDefault(key, fallback);
        }

        /** Every value of a setting that may repeat (e.g. several @attach lines), in order. */
        public List<String> all(String key) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, String> e : settings.entrySet()) {
                if (e.getKey().equals(key) || e.getKey().startsWith(key + "#")) {
                    out.add(e.getValue());
                }
            }
            return out;
        }
    }

    /** A piece of the body. */
    public sealed interface Block permits Title, Heading, Label, Para, Literal, Rule, Table, Signature, Space, Aligned {
    }

    /** {@code # text}: centered bold title. */
    public record Title(String text) implements Block {
    }

    /** {@code ## text}: bold section heading with a rule under it. */
    public record Heading(String text) implements Block {
    }

    /** {@code ### text}: bold run-in label line. */
    public record Label(String text) implements Block {
    }

    /** Consecutive plain lines, joined and wrapped. */
    public record Para(String text) implements Block {
    }

    /** {@code > text}: one line kept exactly as written (spacing kept, never wrapped). */
    public record Literal(String text) implements Block {
    }

    /** {@code ---}: horizontal rule. */
    public record Rule() implements Block {
    }

    /** Consecutive {@code | a | b |} lines; a {@code |---|} line after the first row makes it a header. */
    public record Table(List<List<String>> rows, boolean header) implements Block {
    }

    /** {@code [sig] /s/ Name | line | line}: signature rule with the lines under it. */
    public record Signature(List<String> lines) implements Block {
    }

    /** {@code [space]}: one empty line of vertical space. */
    public record Space() implements Block {
    }

    /** {@code [center] text} or {@code [right] text}: one aligned line. */
    public record Aligned(String text, boolean center) implements Block {
    }

    public static final String PAGE_BREAK = "<<< PAGE >>>";

    private Markup() {
    }

    public static Doc read(Path source) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<String, String> settings = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("%%")) {
                continue;
            }
            if (line.isBlank()) {
                i++;
                break;
            }
            if (!line.startsWith("@") || !line.contains(":")) {
                throw new IllegalArgumentException(source + ": front matter line " + (i + 1) + " is not '@key: value': " + line);
            }
            String key = line.substring(1, line.indexOf(':')).trim();
            String value = line.substring(line.indexOf(':') + 1).trim();
            String unique = key;
            for (int n = 2; settings.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            settings.put(unique, value);
        }
        List<String> body = new ArrayList<>();
        for (; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("%%")) {
                body.add(lines.get(i));
            }
        }
        String rawBody = String.join("\n", body);
        return new Doc(source, settings, parsePages(body), rawBody);
    }

    private static List<List<Block>> parsePages(List<String> body) {
        List<List<Block>> pages = new ArrayList<>();
        List<Block> page = new ArrayList<>();
        StringBuilder para = null;
        Table table = null;
        for (String raw : body) {
            String line = stripRight(raw);
            boolean isTableLine = line.startsWith("|");
            if (!isTableLine) {
                table = null;
            }
            if (line.isEmpty() || !isPlain(line)) {
                if (para != null) {
                    page.add(new Para(para.toString()));
                    para = null;
                }
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals(PAGE_BREAK)) {
                pages.add(page);
                page = new ArrayList<>();
            } else if (line.startsWith("### ")) {
                page.add(new Label(line.substring(4).trim()));
            } else if (line.startsWith("## ")) {
                page.add(new Heading(line.substring(3).trim()));
            } else if (line.startsWith("# ")) {
                page.add(new Title(line.substring(2).trim()));
            } else if (line.equals(">") || line.startsWith("> ")) {
                page.add(new Literal(line.length() > 2 ? line.substring(2) : ""));
            } else if (line.equals("---")) {
                page.add(new Rule());
            } else if (line.equals("[space]")) {
                page.add(new Space());
            } else if (line.startsWith("[center] ")) {
                page.add(new Aligned(line.substring(9).trim(), true));
            } else if (line.startsWith("[right] ")) {
                page.add(new Aligned(line.substring(8).trim(), false));
            } else if (line.startsWith("[sig]")) {
                List<String> sig = new ArrayList<>();
                for (String part : line.substring(5).split("\\|")) {
                    sig.add(part.trim());
                }
                page.add(new Signature(sig));
            } else if (isTableLine) {
                List<String> cells = splitRow(line);
                if (cells.stream().allMatch(c -> c.matches("-{3,}"))) {
                    if (table == null || table.rows().size() != 1) {
                        throw new IllegalArgumentException("header separator must follow the first table row: " + line);
                    }
                    Table withHeader = new Table(table.rows(), true);
                    page.set(page.size() - 1, withHeader);
                    table = withHeader;
                } else if (table == null) {
                    table = new Table(new ArrayList<>(), false);
                    table.rows().add(cells);
                    page.add(table);
                } else {
                    table.rows().add(cells);
                }
            } else {
                para = para == null ? new StringBuilder(line.trim()) : para.append(' ').append(line.trim());
            }
        }
        if (para != null) {
            page.add(new Para(para.toString()));
        }
        pages.add(page);
        return pages;
    }

    /** A plain line continues a paragraph; any other line starts its own block. */
    private static boolean isPlain(String line) {
        return !(line.startsWith("#") || line.startsWith(">") || line.startsWith("|") || line.startsWith("[")
                || line.equals("---") || line.equals(PAGE_BREAK));
    }

    private static List<String> splitRow(String line) {
        String inner = line.trim();
        if (inner.startsWith("|")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.trim());
        }
        return cells;
    }

    private static String stripRight(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** A run of text in one weight: {@code **...**} in the source toggles bold. */
    public record Run(String text, boolean bold) {
    }

    public static List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        boolean bold = false;
        int start = 0;
        int at;
        while ((at = text.indexOf("**", start)) >= 0) {
            if (at > start) {
                out.add(new Run(text.substring(start, at), bold));
            }
            bold = !bold;
            start = at + 2;
        }
        if (start < text.length()) {
            out.add(new Run(text.substring(start), bold));
        }
        return out;
    }

    /** The whole text as a single bold run (table header cells, titles). */
    public static List<Run> runsAllBold(String text) {
        return List.of(new Run(plain(text), true));
    }

    /** The text with the bold markers removed. */
    public static String plain(String text) {
        return text.replace("**", "");
    }
}
