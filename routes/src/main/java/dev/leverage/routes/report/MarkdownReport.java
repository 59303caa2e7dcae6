package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a report's JSON as Markdown a lawyer can paste into a motion draft: the case summary, the findings by
 * severity with explanation, suggested action and every citation as a block quote ({@code > Doc, p. N, Bates X:
 * "quote"}), each item's chain of custody with the breaks marked, the timeline, the people, the documents and the
 * quarantine. The same content as {@link HtmlReport}.
 *
 * <p>Discovery text is untrusted: Markdown and HTML syntax in it is backslash-escaped so it shows as written and
 * never becomes a link, an image, raw HTML or a table cell boundary; line breaks become spaces; control
 * characters and bidi overrides are dropped. Text is otherwise kept as written (accents, curly quotes, any script).
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(JsonNode r) {
        String caseId = ReportFormats.text(r, "case");
        Map<String, List<JsonNode>> groups = ReportFormats.findingsBySeverity(r);
        Map<String, Integer> numbers = ReportFormats.findingNumbers(r);
        StringBuilder m = new StringBuilder(64 * 1024);
        m.append("# Leverage report: case ").append(inline(caseId)).append("\n\n");
        m.append("**CONFIDENTIAL - subject to protective order.** Attorney work product.\n\n");

        // Summary
        m.append("## Summary\n\n");
        List<JsonNode> quarantined = ReportFormats.documents(r, "quarantined");
        int pages = 0;
        for (JsonNode d : ReportFormats.documents(r, "indexed")) pages += d.path("pages").asInt();
        m.append("- Case: ").append(inline(caseId)).append('\n');
        m.append("- Generated: ").append(inline(ReportFormats.text(r, "generated"))).append('\n');
        m.append("- Documents: ").append(r.path("documents").size()).append(" (").append(ReportFormats.documents(r, "indexed").size()).append(" indexed, ")
                .append(pages).append(" pages; ").append(ReportFormats.documents(r, "duplicate").size()).append(" duplicate; ")
                .append(quarantined.size()).append(" quarantined)\n");
        StringBuilder sev = new StringBuilder();
        for (var e : groups.entrySet()) sev.append(sev.length() > 0 ? ", " : "").append(e.getValue().size()).append(' ').append(e.getKey());
        m.append("- Findings: ").append(r.path("findings").size()).append(sev.length() > 0 ? " (" + sev + ")" : "").append('\n');
        m.append("- Timeline: ").append(r.path("timeline").size()).append(" events\n");
        m.append("- Chains of custody: ").append(r.path("custody_chains").size()).append(r.path("custody_chains").size() == 1 ? " item\n" : " items\n");
        m.append("- People: ").append(r.path("people").size()).append("\n\n");
        m.append("Every finding cites the pages it rests on; check each quote against the source before relying on it.\n\n");
        if (!r.path("findings").isEmpty()) {
            m.append("| # | Severity | Finding |\n|---|---|---|\n");
            int n = 0;
            for (var e : groups.entrySet()) {
                for (JsonNode f : e.getValue()) {
                    n++;
                    row(m, String.valueOf(n), upper(ReportFormats.text(f, "severity")), ReportFormats.text(f, "title"));
                }
            }
            m.append('\n');
        }

        // Findings
        m.append("## Findings\n\n");
        if (r.path("findings").isEmpty()) m.append("No findings.\n\n");
        int n = 0;
        for (var e : groups.entrySet()) {
            m.append("### ").append(inline(upper(e.getKey()))).append(" severity (").append(e.getValue().size()).append(")\n\n");
            for (JsonNode f : e.getValue()) {
                n++;
                m.append("#### ").append(n).append(". ").append(heading(ReportFormats.text(f, "title"))).append("\n\n");
                m.append("*Finding ").append(n).append(" - ").append(inline(upper(ReportFormats.text(f, "severity")))).append(" - ")
                        .append(inline(ReportFormats.text(f, "type"))).append(" / ").append(inline(ReportFormats.text(f, "kind"))).append(" - id ")
                        .append(inline(ReportFormats.text(f, "id"))).append("*\n\n");
                m.append(block(ReportFormats.text(f, "explanation"))).append("\n\n");
                if (f.hasNonNull("suggested_action")) m.append("**Suggested action:** ").append(inline(ReportFormats.text(f, "suggested_action"))).append("\n\n");
                m.append("Citations:\n\n");
                for (JsonNode c : f.path("citations")) {
                    m.append("> ").append(block(cite(c))).append(": \"").append(inline(ReportFormats.text(c, "quote"))).append("\"\n\n");
                }
            }
        }

        // Chains of custody
        if (!r.path("custody_chains").isEmpty()) {
            m.append("## Chain of custody\n\nEach item's transfers in order; **BREAK** marks a link where a break starts or ends.\n\n");
            for (JsonNode chain : r.path("custody_chains")) {
                m.append("### ").append(heading(ReportFormats.text(chain, "item"))).append("\n\n");
                m.append("| When | Released by | Received by | Purpose / place | Seal | Count / weight | Source | Break |\n|---|---|---|---|---|---|---|---|\n");
                for (JsonNode l : chain.path("links")) {
                    String place = ReportFormats.text(l, "purpose") + (l.hasNonNull("location") ? " - " + ReportFormats.text(l, "location") : "");
                    String seal = ReportFormats.text(l, "seal") + (l.hasNonNull("seal_status") ? " (" + ReportFormats.text(l, "seal_status") + ")" : "");
                    StringBuilder src = new StringBuilder();
                    for (JsonNode c : l.path("citations")) src.append(src.length() > 0 ? "; " : "").append(cite(c));
                    String breaks = l.path("breaks").isEmpty() ? "" : "BREAK: " + ReportFormats.join(l.path("breaks"));
                    m.append("| ").append(cell(ReportFormats.time(l.path("time"), "no time"))).append(" | ").append(cell(ReportFormats.text(l, "released_by")))
                            .append(" | ").append(cell(ReportFormats.text(l, "received_by"))).append(" | ").append(cell(place)).append(" | ").append(cell(seal))
                            .append(" | ").append(cell(ReportFormats.countAndWeight(l))).append(" | ").append(cell(src.toString())).append(" | ")
                            .append(breaks.isEmpty() ? "" : "**" + cell(breaks) + "**").append(" |\n");
                }
                m.append('\n');
                boolean described = false;
                for (JsonNode l : chain.path("links")) {
                    if (!l.hasNonNull("description")) continue;
                    if (!described) m.append("Descriptions as logged:\n\n");
                    described = true;
                    m.append("- ").append(block(ReportFormats.time(l.path("time"), "no time"))).append(": ").append(inline(ReportFormats.text(l, "description"))).append('\n');
                }
                if (described) m.append('\n');
            }
        }

        // Timeline
        m.append("## Timeline\n\n");
        if (r.path("timeline").isEmpty()) m.append("No timed events.\n\n");
        else {
            m.append("One event per group of rows, placed by its most trusted telling, with every document's time for it; **CONFLICT** marks an event a finding rests on.\n\n");
            m.append("| Time | Event | Actor | Told as | Source | Quote |\n|---|---|---|---|---|---|\n");
            for (JsonNode ev : r.path("timeline")) {
                StringBuilder event = new StringBuilder(cell(ReportFormats.text(ev, "event")));
                if (!ev.path("findings").isEmpty()) {
                    event.append(" **CONFLICT: ");
                    boolean first = true;
                    for (JsonNode id : ev.path("findings")) {
                        Integer num = numbers.get(id.asText());
                        event.append(first ? "" : ", ").append(num != null ? "finding " + num : cell(id.asText()));
                        first = false;
                    }
                    event.append("**");
                }
                boolean first = true;
                for (JsonNode s : ReportFormats.tellings(ev)) {
                    String when = ReportFormats.time(ev.path("time"), "") + (ev.path("approximate").asBoolean() ? " (approx.)" : "");
                    String told = ReportFormats.time(s.path("time"), "") + (s.path("approximate").asBoolean() ? " (approx.)" : "");
                    m.append("| ").append(first ? cell(when) : "").append(" | ").append(first ? event : "").append(" | ")
                            .append(first ? cell(ReportFormats.text(ev, "actor")) : "").append(" | ").append(cell(told)).append(" | ").append(cell(cite(s)))
                            .append(" | ").append(cell("\"" + ReportFormats.text(s, "quote") + "\"")).append(" |\n");
                    first = false;
                }
            }
            m.append('\n');
        }

        // People
        m.append("## People\n\n");
        if (r.path("people").isEmpty()) m.append("No people found.\n\n");
        else {
            m.append("| Name | Roles | Badge | Also written | Mentions |\n|---|---|---|---|---|\n");
            for (JsonNode p : r.path("people")) {
                StringBuilder aliases = new StringBuilder();
                for (JsonNode a : p.path("aliases")) if (!a.isNull()) aliases.append(aliases.length() > 0 ? "; " : "").append(a.asText());
                row(m, ReportFormats.text(p, "name"), ReportFormats.join(p.path("roles")), ReportFormats.text(p, "badge"), aliases.toString(),
                        String.valueOf(p.path("mentions").asInt()));
            }
            m.append('\n');
        }

        // Documents and the quarantine
        m.append("## Documents\n\n| Path | Type | Pages | Bates | Status |\n|---|---|---|---|---|\n");
        for (JsonNode d : r.path("documents")) {
            String bates = d.path("bates").isObject() ? ReportFormats.text(d.path("bates"), "first") + " - " + ReportFormats.text(d.path("bates"), "last") : "";
            String status = ReportFormats.text(d, "status") + (d.hasNonNull("reason") ? ": " + ReportFormats.text(d, "reason") : "");
            row(m, ReportFormats.text(d, "path"), ReportFormats.text(d, "type"), String.valueOf(d.path("pages").asInt()), bates, status);
        }
        m.append("\n### Quarantine\n\n");
        if (quarantined.isEmpty()) m.append("No file was quarantined.\n");
        else {
            m.append("Files that could not be read; nothing in them is in the findings. Ask the producing party for new copies.\n\n");
            for (JsonNode d : quarantined) {
                m.append("- **").append(inline(ReportFormats.text(d, "path")).strip()).append("**: ")
                        .append(inline(d.hasNonNull("reason") ? ReportFormats.text(d, "reason") : "no reason recorded")).append('\n');
            }
        }
        return m.toString();
    }

    /** "Doc, p. N, Bates X" (without Bates when the page has none). */
    static String cite(JsonNode c) {
        StringBuilder b = new StringBuilder(ReportFormats.text(c, "document")).append(", p. ").append(c.path("page").asInt());
        if (c.hasNonNull("bates") && !c.path("bates").asText().isEmpty()) b.append(", Bates ").append(c.path("bates").asText());
        return b.toString();
    }

    private static void row(StringBuilder m, String... cells) {
        m.append('|');
        for (String c : cells) m.append(' ').append(cell(c)).append(" |");
        m.append('\n');
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Text in a table cell: inline-escaped, so a '|' is "\|" and never ends the cell. */
    static String cell(String s) {
        return inline(s);
    }

    /** Text in a heading: inline-escaped, with a trailing run of '#' escaped so it is not read as a closing sequence. */
    static String heading(String s) {
        String e = inline(s);
        return e.endsWith("#") ? e.substring(0, e.length() - 1) + "\\#" : e;
    }

    /** Text that starts a paragraph: inline-escaped, and what would start a heading, list or quote escaped. */
    static String block(String s) {
        String e = inline(s).stripLeading();
        if (e.isEmpty()) return e;
        char c = e.charAt(0);
        if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>') return "\\" + e;
        int digits = 0;
        while (digits < e.length() && digits < 9 && Character.isDigit(e.charAt(digits))) digits++;
        if (digits > 0 && digits < e.length() && (e.charAt(digits) == '.' || e.charAt(digits) == ')')) {
            return e.substring(0, digits) + "\\" + e.substring(digits);
        }
        return e;
    }

    /**
     * Untrusted text inside a line: the characters that make Markdown or HTML syntax (emphasis, code, links, images,
     * raw HTML, entities, table cells) backslash-escaped; line breaks and tabs as spaces; control characters, bidi
     * overrides and unpaired surrogates dropped.
     */
    static String inline(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            i++;
            if (Character.isSurrogate(ch)) continue;
            switch (ch) {
                case '\\', '`', '*', '[', ']', '<', '>', '|', '~' -> b.append('\\').append(ch);
                // '_' between letters or digits never starts emphasis: 05_Custody_Log.xlsx stays as written.
                case '_' -> b.append(i >= 2 && i < s.length() && Character.isLetterOrDigit(s.charAt(i - 2)) && Character.isLetterOrDigit(s.charAt(i)) ? "_" : "\\_");
                // '&' only makes an entity before a name or '#': "Smith & Wesson" stays as written.
                case '&' -> b.append(i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '#') ? "\\&" : "&");
                case '\t', '\n', '\r', '\u0085', '\u2028', '\u2029' -> b.append(' ');
                default -> {
                    if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0)) continue;
                    // Bidi embeddings, overrides and isolates could make a quote read differently from what it says.
                    if ((ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069)) continue;
                    b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
