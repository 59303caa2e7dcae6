package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.extract.Citation;
import dev.leverage.extract.Finding;
import dev.leverage.extract.CaseAnalysis;
import dev.leverage.extract.people.Person;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.index.FileRecord;
import dev.leverage.index.Json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Builds the report of one case in the JSON contract of report.schema.json: documents with their fate,
 * findings with citations, the timeline and the people. The HTML report is rendered from this JSON alone.
 */
public final class ReportBuilder {
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ReportBuilder() {
    }

    public static ObjectNode build(String caseId, List<FileRecord> records, CaseAnalysis.Result analysis) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("case", caseId);
        root.put("generated", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode docs = root.putArray("documents");
        for (FileRecord r : records) {
            ObjectNode d = docs.addObject();
            d.put("id", r.documentId() != null ? r.documentId() : r.sha256() != null ? r.sha256() : r.path());
            d.put("path", r.path());
            d.put("sha256", r.sha256() == null ? "" : r.sha256());
            d.put("type", r.type() == null ? "other" : r.type());
            d.put("pages", r.pages());
            if (r.batesFirst() != null) {
                ObjectNode b = d.putObject("bates");
                b.put("first", r.batesFirst());
                b.put("last", r.batesLast());
            } else {
                d.putNull("bates");
            }
            d.put("status", r.status());
            if (r.reason() != null) d.put("reason", r.reason());
            d.put("embedded", r.embedded());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : analysis.findings()) {
            ObjectNode n = findings.addObject();
            n.put("id", f.id());
            n.put("type", f.type());
            n.put("kind", f.kind());
            n.put("severity", f.severity().json());
            n.put("title", f.title());
            n.put("explanation", f.explanation());
            n.put("suggested_action", f.suggestedAction());
            n.set("facts", Json.MAPPER.valueToTree(new java.util.TreeMap<>(f.facts())));
            ArrayNode cites = n.putArray("citations");
            for (Citation c : f.citations()) cites.add(citation(c));
        }
        ArrayNode timeline = root.putArray("timeline");
        for (TimedEvent e : analysis.timeline()) {
            ObjectNode t = timeline.addObject();
            t.put("time", ISO_LOCAL.format(e.time()));
            t.put("approximate", e.approximate());
            t.put("event", e.event());
            if (e.actor() == null) t.putNull("actor");
            else t.put("actor", e.actor());
            t.put("document", e.citation().document());
            t.put("page", e.citation().page());
            if (e.citation().bates() != null) t.put("bates", e.citation().bates());
            t.put("quote", e.citation().quote());
            t.put("source", e.source());
        }
        ArrayNode people = root.putArray("people");
        for (Person p : analysis.people().people()) {
            ObjectNode n = people.addObject();
            n.put("name", p.name());
            n.put("key", p.key());
            ArrayNode roles = n.putArray("roles");
            p.roles().forEach(roles::add);
            ArrayNode aliases = n.putArray("aliases");
            p.aliases().forEach(aliases::add);
            if (p.badge() == null) n.putNull("badge");
            else n.put("badge", p.badge());
            n.put("mentions", p.mentions());
        }
        ObjectNode summary = root.putObject("summary");
        Map<String, Long> bySeverity = new java.util.TreeMap<>();
        analysis.findings().forEach(f -> bySeverity.merge(f.severity().json(), 1L, Long::sum));
        summary.set("findings_by_severity", Json.MAPPER.valueToTree(bySeverity));
        return root;
    }

    static ObjectNode citation(Citation c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("document", c.document());
        n.put("page", c.page());
        if (c.bates() == null) n.putNull("bates");
        else n.put("bates", c.bates());
        n.put("quote", c.quote());
        return n;
    }
}
