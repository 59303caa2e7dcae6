package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.extract.Citation;
import dev.leverage.extract.Finding;
import dev.leverage.extract.CaseAnalysis;
import dev.leverage.extract.people.Person;
import dev.leverage.extract.timeline.CaseEvent;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.timeline.TimelineAnalyzer;
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
            if (r.ocrPages() > 0) {
                ObjectNode o = d.putObject("ocr");
                o.put("pages", r.ocrPages());
                if (r.ocrConfidence() == null) o.putNull("mean_confidence");
                else o.put("mean_confidence", Math.round(r.ocrConfidence() * 1000) / 1000.0);
            }
            if (!r.textlessPages().isEmpty()) {
                ArrayNode t = d.putArray("pages_without_text");
                r.textlessPages().forEach(t::add);
            }
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
        // One entry per event of the case, placed by its most trusted telling, with every document's telling of it
        // and the findings it is part of.
        java.util.Map<String, java.util.List<String>> flagged = new java.util.HashMap<>();
        for (Finding f : analysis.findings()) {
            if (!f.type().equals("timeline_inconsistency") || !(f.facts().get("events") instanceof java.util.List<?> evs)) continue;
            for (Object o : evs) {
                if (o instanceof java.util.Map<?, ?> m) flagged.computeIfAbsent(m.get("event") + "|" + m.get("document") + "|" + m.get("time"), k -> new java.util.ArrayList<>()).add(f.id());
            }
        }
        ArrayNode timeline = root.putArray("timeline");
        java.util.Set<String> officers = TimelineAnalyzer.officers(analysis.events());
        for (CaseEvent ce : analysis.events()) {
            if (TimelineAnalyzer.isNote(ce.event())) continue;
            // What officers say on a recording is in the transcript; the chronology keeps what others said.
            if (ce.event().equals("statement") && TimelineAnalyzer.byOfficers(ce, officers)) continue;
            TimedEvent e = ce.primary();
            ObjectNode t = timeline.addObject();
            t.put("time", ce.dateOnly() ? ce.time().toLocalDate().toString() : ISO_LOCAL.format(e.time()));
            t.put("approximate", e.approximate());
            t.put("date_only", ce.dateOnly());
            t.put("event", e.event());
            String actor = ce.tellings().stream().map(TimedEvent::actor).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (actor == null) t.putNull("actor");
            else {
                // The actor as the case knows them: "K9-12 (KEEL)" and "Dep. M. Keel #2217" are Morgan Keel.
                java.util.List<dev.leverage.extract.people.Person> who = analysis.people().lookup(actor);
                t.put("actor", who.size() == 1 ? who.get(0).name() : actor);
                if (who.size() == 1) t.put("actor_as_written", actor);
            }
            t.put("document", e.citation().document());
            t.put("page", e.citation().page());
            if (e.citation().bates() != null) t.put("bates", e.citation().bates());
            t.put("quote", e.citation().quote());
            t.put("source", e.source());
            long spread = java.time.Duration.between(ce.earliest().time(), ce.latest().time()).getSeconds();
            t.put("spread_minutes", Math.round(spread / 6.0) / 10.0);
            java.util.Set<String> ids = new java.util.TreeSet<>();
            ArrayNode sources = t.putArray("sources");
            java.util.Set<String> told = new java.util.HashSet<>();
            for (TimedEvent te : ce.tellings()) {
                if (!told.add(te.time() + "|" + te.citation().document() + "|" + te.citation().quote())) continue;
                ObjectNode s = sources.addObject();
                s.put("time", te.dateOnly() ? te.time().toLocalDate().toString() : ISO_LOCAL.format(te.time()));
                s.put("approximate", te.approximate());
                s.put("document", te.citation().document());
                s.put("page", te.citation().page());
                if (te.citation().bates() != null) s.put("bates", te.citation().bates());
                s.put("quote", te.citation().quote());
                s.put("source", te.source());
                ids.addAll(flagged.getOrDefault(te.event() + "|" + te.citation().document() + "|" + (te.dateOnly() ? te.time().toLocalDate().toString() : te.time().toString()), java.util.List.of()));
            }
            ArrayNode fs = t.putArray("findings");
            ids.forEach(fs::add);
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

    /** A citation as the report and the witness view write it: document, page, Bates (or null), quote. */
    public static ObjectNode citation(Citation c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("document", c.document());
        n.put("page", c.page());
        if (c.bates() == null) n.putNull("bates");
        else n.put("bates", c.bates());
        n.put("quote", c.quote());
        return n;
    }
}
