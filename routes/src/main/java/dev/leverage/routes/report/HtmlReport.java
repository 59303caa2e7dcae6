package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report's JSON as one self-contained HTML page a lawyer can read and print: findings by severity with
 * explanation, suggested action and citations, the discovery requests by agency, then the custody chains, the
 * timeline, the cast and the documents. All document text
 * is escaped: discovery is untrusted input.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(JsonNode r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Leverage report: ").append(esc(r.path("case").asText()))
                .append("</title><style>body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
                        + "h1{font-size:1.6em}h2{border-bottom:1px solid #999;margin-top:2em}.f{border-left:5px solid #999;padding:.3em 1em;margin:1.2em 0}"
                        + ".high{border-color:#b00020}.medium{border-color:#e69500}.low{border-color:#4a7}.sev{font:bold .8em sans-serif;text-transform:uppercase}"
                        + "blockquote{margin:.3em 0 .3em 1em;color:#333;font-style:italic}.cite{font:.85em sans-serif;color:#555}"
                        + "table{border-collapse:collapse;font:.85em sans-serif;width:100%}td,th{border:1px solid #ccc;padding:.25em .4em;vertical-align:top;text-align:left}"
                        + ".action{font-weight:bold}tr.break td{background:#fde8ea}</style></head><body>");
        h.append("<h1>Leverage report: case ").append(esc(r.path("case").asText())).append("</h1><p class=\"cite\">Generated ")
                .append(esc(r.path("generated").asText())).append(" from ").append(r.path("documents").size()).append(" documents. Every finding cites the pages it rests on; check each quote against the source before relying on it.</p>");
        h.append("<h2>Findings</h2>");
        if (r.path("findings").isEmpty()) h.append("<p>No findings.</p>");
        for (JsonNode f : r.path("findings")) {
            String sev = f.path("severity").asText();
            h.append("<div class=\"f ").append(esc(sev)).append("\"><div class=\"sev\">").append(esc(sev)).append(" · ")
                    .append(esc(f.path("type").asText())).append(" / ").append(esc(f.path("kind").asText())).append("</div><h3>")
                    .append(esc(f.path("title").asText())).append("</h3><p>").append(esc(f.path("explanation").asText())).append("</p>");
            if (f.hasNonNull("suggested_action")) h.append("<p class=\"action\">Suggested action: ").append(esc(f.path("suggested_action").asText())).append("</p>");
            for (JsonNode c : f.path("citations")) {
                h.append("<div class=\"cite\">").append(esc(c.path("document").asText())).append(", page ").append(c.path("page").asInt());
                if (c.hasNonNull("bates")) h.append(", ").append(esc(c.path("bates").asText()));
                h.append("<blockquote>“").append(esc(c.path("quote").asText())).append("”</blockquote></div>");
            }
            h.append("</div>");
        }
        // What the production shows exists but does not contain, as the request letter will ask for it.
        h.append(DiscoveryRequest.of(r).html());
        if (!r.path("custody_chains").isEmpty()) {
            h.append("<h2>Chain of custody</h2>");
            for (JsonNode chain : r.path("custody_chains")) {
                h.append("<h3>").append(esc(chain.path("item").asText())).append("</h3><table><tr><th>When</th><th>Released by</th><th>Received by</th>"
                        + "<th>Purpose / place</th><th>Seal</th><th>Count / weight</th><th>Source</th></tr>");
                for (JsonNode l : chain.path("links")) {
                    boolean broken = !l.path("breaks").isEmpty();
                    h.append("<tr").append(broken ? " class=\"break\"" : "").append("><td>").append(esc(l.path("time").asText("no time").replace('T', ' ')))
                            .append("</td><td>").append(esc(l.path("released_by").asText(""))).append("</td><td>").append(esc(l.path("received_by").asText("")))
                            .append("</td><td>").append(esc(l.path("purpose").asText(""))).append(l.hasNonNull("location") ? " · " + esc(l.path("location").asText()) : "")
                            .append("</td><td>").append(esc(l.path("seal").asText(""))).append(l.hasNonNull("seal_status") ? " (" + esc(l.path("seal_status").asText()) + ")" : "")
                            .append("</td><td>").append(l.has("count") ? l.path("count").asInt() + " units " : "")
                            .append(l.has("weight_g") ? esc(String.format(java.util.Locale.ROOT, "%.2f g", l.path("weight_g").asDouble())) + " " + esc(l.path("weight_kind").asText("")) : "")
                            .append("</td><td>");
                    for (JsonNode c : l.path("citations")) {
                        h.append(esc(c.path("document").asText())).append(" p.").append(c.path("page").asInt())
                                .append(c.hasNonNull("bates") ? " " + esc(c.path("bates").asText()) : "").append("<br>");
                    }
                    if (broken) h.append("<strong>⚠ ").append(esc(join(l.path("breaks")))).append("</strong>");
                    h.append("</td></tr>");
                }
                h.append("</table>");
            }
        }
        h.append("<h2>Timeline</h2>");
        h.append(TimelineSvg.render(r.path("timeline")));
        h.append("<table><tr><th>Time</th><th>Event</th><th>Actor</th><th>As each document tells it</th></tr>");
        for (JsonNode t : r.path("timeline")) {
            boolean flagged = !t.path("findings").isEmpty();
            h.append("<tr").append(flagged ? " class=\"break\"" : "").append("><td>").append(esc(t.path("time").asText().replace('T', ' ')))
                    .append(t.path("approximate").asBoolean() ? " (approx.)" : "").append("</td><td>").append(esc(t.path("event").asText()))
                    .append(flagged ? "<br><strong>⚠ " + esc(join(t.path("findings"))) + "</strong>" : "")
                    .append("</td><td>").append(esc(t.path("actor").asText(""))).append("</td><td>");
            JsonNode sources = t.path("sources").isEmpty() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(t) : t.path("sources");
            for (JsonNode s : sources) {
                h.append("<div><b>").append(esc(s.path("time").asText().replace('T', ' '))).append(s.path("approximate").asBoolean() ? " (approx.)" : "")
                        .append("</b> ").append(esc(s.path("document").asText())).append(" p.").append(s.path("page").asInt())
                        .append(s.hasNonNull("bates") ? " " + esc(s.path("bates").asText()) : "").append("<blockquote>“").append(esc(s.path("quote").asText()))
                        .append("”</blockquote></div>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>People</h2><table><tr><th>Name</th><th>Roles</th><th>Badge</th><th>Also written</th><th>Mentions</th></tr>");
        for (JsonNode p : r.path("people")) {
            h.append("<tr><td>").append(esc(p.path("name").asText())).append("</td><td>").append(esc(join(p.path("roles"))))
                    .append("</td><td>").append(esc(p.path("badge").asText(""))).append("</td><td>").append(esc(join(p.path("aliases"))))
                    .append("</td><td>").append(p.path("mentions").asInt()).append("</td></tr>");
        }
        h.append("</table>");
        List<String> textless = new ArrayList<>();
        for (JsonNode d : r.path("documents")) {
            if (d.path("pages_without_text").size() > 0) {
                List<String> pages = new ArrayList<>();
                d.path("pages_without_text").forEach(n -> pages.add(n.asText()));
                textless.add(esc(d.path("path").asText()) + ": page" + (pages.size() == 1 ? " " : "s ") + String.join(", ", pages));
            }
        }
        if (!textless.isEmpty()) {
            // Listed, never silent: an empty page in the index may be a page nobody can search.
            h.append("<h2>Pages without text</h2><p>These scanned pages have no text in the index (OCR missing, failed or found nothing); read them in the original.</p><ul>");
            for (String t : textless) h.append("<li>").append(t).append("</li>");
            h.append("</ul>");
        }
        h.append("<h2>Documents</h2><table><tr><th>Path</th><th>Type</th><th>Pages</th><th>Bates</th><th>OCR</th><th>Status</th></tr>");
        for (JsonNode d : r.path("documents")) {
            h.append("<tr><td>").append(esc(d.path("path").asText())).append("</td><td>").append(esc(d.path("type").asText()))
                    .append("</td><td>").append(d.path("pages").asInt()).append("</td><td>");
            if (d.path("bates").isObject()) h.append(esc(d.path("bates").path("first").asText())).append(" – ").append(esc(d.path("bates").path("last").asText()));
            h.append("</td><td>");
            if (d.path("ocr").isObject()) {
                JsonNode o = d.path("ocr");
                h.append(o.path("pages").asInt()).append(" page").append(o.path("pages").asInt() == 1 ? "" : "s");
                if (o.hasNonNull("mean_confidence")) h.append(", ").append(Math.round(o.path("mean_confidence").asDouble() * 100)).append("% confidence");
            }
            h.append("</td><td>").append(esc(d.path("status").asText())).append(d.hasNonNull("reason") ? ": " + esc(d.path("reason").asText()) : "").append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        return h.toString();
    }

    private static String join(JsonNode arr) {
        StringBuilder b = new StringBuilder();
        for (JsonNode n : arr) b.append(b.length() > 0 ? ", " : "").append(n.asText());
        return b.toString();
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
