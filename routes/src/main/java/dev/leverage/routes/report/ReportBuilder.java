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
        // Each item's chain as a sequence, each link marked with the findings that start or end at it.
        ArrayNode chains = root.putArray("custody_chains");
        for (var entry : analysis.custodyChains().entrySet()) {
            ObjectNode chain = chains.addObject();
            chain.put("item", "Item " + entry.getKey());
            ArrayNode links = chain.putArray("links");
            for (dev.leverage.extract.custody.CustodyAnalyzer.Link link : entry.getValue()) {
                dev.leverage.extract.custody.CustodyEvent e = link.event();
                ObjectNode l = links.addObject();
                if (e.time() == null) l.putNull("time");
                else l.put("time", ISO_LOCAL.format(e.time()));
                putOrNull(l, "released_by", e.releasedBy());
                putOrNull(l, "received_by", e.receivedBy());
                putOrNull(l, "purpose", e.purpose());
                putOrNull(l, "location", e.location());
                putOrNull(l, "seal", e.seal());
                putOrNull(l, "seal_status", e.sealStatus());
                if (e.count() != null) l.put("count", e.count());
                if (e.weightGrams() != null) l.put("weight_g", e.weightGrams());
                putOrNull(l, "weight_kind", e.weightKind());
                putOrNull(l, "description", e.description());
                ArrayNode breaks = l.putArray("breaks");
                for (Finding f : analysis.findings()) {
                    if (!"custody_gap".equals(f.type()) || !("Item " + entry.getKey()).equals(f.facts().get("item"))) continue;
                    if (link.citations().stream().anyMatch(f.citations()::contains)) breaks.add(f.kind());
                }
                ArrayNode cites = l.putArray("citations");
                for (Citation c : link.citations()) cites.add(citation(c));
            }
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

    private static void putOrNull(ObjectNode n, String field, String value) {
        if (value == null) n.putNull(field);
        else n.put(field, value);
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
