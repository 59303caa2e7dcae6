package dev.leverage.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.extract.Citation;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Mention;
import dev.leverage.extract.people.Person;
import dev.leverage.extract.people.PersonName;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.index.CaseCast;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.Json;
import dev.leverage.ingest.Page;
import dev.leverage.routes.report.ReportBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a case says about one person, for cross-examination: every mention by page with role and quote; the
 * statements attributed to them (their lines in a transcript, answers in an interview, their written statement,
 * and speech the reports put in their mouth); the timeline events they are the actor of; and the findings where
 * their own accounts contradict each other.
 */
public final class WitnessView {
    private static final Pattern SPEAKER_LINE = Pattern.compile("(?m)^[ \\t]*(?:\\[[\\d:.]+\\][ \\t]*)?([A-Z][A-Za-z.'’ -]{1,40}?)[ \\t]*:[ \\t]*(\\S.*)$");
    private static final Pattern SPEECH_VERB = Pattern.compile("^[\\s,]*(?:\\([^)]{0,20}\\)\\s*)?(?:then\\s+|later\\s+|also\\s+|again\\s+)?"
            + "(stated|said|told|advised|explained|admitted|denied|reported|claimed|indicated|replied|answered|responded|insisted|asked|added|volunteered|yelled|shouted|related)\\b");
    private static final Set<String> NOT_SPEAKERS = Set.of("date", "time", "case", "location", "narrative", "dispatch", "note", "notes", "subject",
            "re", "to", "from", "cc", "sent", "page", "item", "unit", "officer", "badge", "agency", "report", "q", "a", "unknown", "unk", "radio");

    private WitnessView() {
    }

    /** The view of one person of a case, as the JSON that `leverage witness --json` prints. */
    public static ObjectNode of(Person p, CaseCast cast, List<DocumentFacts> facts, DiscoveryIndex index) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("person", Json.MAPPER.valueToTree(p));
        ArrayNode mentions = node.putArray("mentions");
        Set<String> seen = new LinkedHashSet<>();
        Map<String, List<Mention>> byPage = new LinkedHashMap<>();
        for (Mention m : cast.mentions()) {
            if (!p.key().equals(cast.registry().keyOf(m))) continue;
            byPage.computeIfAbsent(CaseCast.pageKey(m.source().document(), m.source().page()), k -> new ArrayList<>()).add(m);
            if (!seen.add(m.source().document() + "|" + m.source().page() + "|" + m.source().quote())) continue;
            ObjectNode n = cite(mentions.addObject(), m.source());
            n.put("as_written", m.text().strip());
            n.put("role", m.role() == null ? (p.roles().isEmpty() ? null : p.roles().get(0)) : m.role().split(",")[0]);
        }
        node.set("statements", statements(p, byPage, facts, index));
        ArrayNode events = node.putArray("events");
        for (DocumentFacts f : facts) {
            for (TimedEvent e : f.events()) {
                if (e.actor() == null || !isActor(p, e, cast, byPage)) continue;
                ObjectNode n = cite(events.addObject(), e.citation());
                n.put("time", e.time().toString());
                n.put("event", e.event());
                n.put("approximate", e.approximate());
            }
        }
        ArrayNode inconsistencies = node.putArray("inconsistencies");
        Optional<String> analysis = index.analysis();
        if (analysis.isPresent()) {
            for (JsonNode f : Json.MAPPER.readTree(analysis.get()).path("findings")) {
                if ("witness_inconsistency".equals(f.path("type").asText()) && p.key().equals(f.path("facts").path("person_key").asText())) inconsistencies.add(f);
            }
        }
        return node;
    }

    /** An event's actor is this person when a mention of them on the event's page is the actor as written. */
    private static boolean isActor(Person p, TimedEvent e, CaseCast cast, Map<String, List<Mention>> byPage) {
        String actor = e.actor().strip();
        for (Mention m : byPage.getOrDefault(CaseCast.pageKey(e.citation().document(), e.citation().page()), List.of())) {
            String t = m.text().strip();
            if (t.equalsIgnoreCase(actor) || actor.contains(t) || t.contains(actor)) return true;
        }
        List<Person> named = cast.lookup(actor);
        return named.size() == 1 && named.get(0).key().equals(p.key());
    }

    private static ArrayNode statements(Person p, Map<String, List<Mention>> byPage, List<DocumentFacts> facts, DiscoveryIndex index) throws IOException {
        ArrayNode out = Json.MAPPER.createArrayNode();
        Map<String, String> types = new LinkedHashMap<>();
        for (DocumentFacts f : facts) types.put(f.path(), f.type());
        PersonName name = PersonName.parse(p.name());
        Set<String> seen = new LinkedHashSet<>();
        for (var e : byPage.entrySet()) {
            Mention any = e.getValue().get(0);
            Optional<Page> page = index.page(any.source().document(), any.source().page());
            if (page.isEmpty()) continue;
            String text = page.get().text();
            String type = types.getOrDefault(any.source().document(), "other");
            Citation at = any.source();
            // a speaker's own lines in a transcript or an interview
            Matcher sl = SPEAKER_LINE.matcher(text);
            while (sl.find()) {
                String label = sl.group(1).strip();
                if (NOT_SPEAKERS.contains(label.toLowerCase(Locale.ROOT))) continue;
                PersonName ln = PersonName.parse(label);
                if (ln.surname().isEmpty() || !ln.compatible(name) || !p.aliases().stream().anyMatch(a -> PersonName.parse(a).compatible(ln))) continue;
                add(out, seen, at, sl.group(2).strip(), "bodycam_transcript".equals(type) ? "transcript" : "interview");
            }
            // speech the report attributes to them: "Price stated he was coming from ..."
            for (Mention m : e.getValue()) {
                if (m.end() <= m.start() || m.end() > text.length()) continue;
                Matcher v = SPEECH_VERB.matcher(text.substring(m.end()));
                if (!v.find()) continue;
                add(out, seen, at, sentenceAround(text, m.start()), "reported_speech");
            }
            // a written statement is theirs when it opens with their name
            if ("witness_statement".equals(type) && any.source().page() == 1 && e.getValue().stream().anyMatch(m -> m.start() < 400)) {
                for (String para : text.split("\\n\\s*\\n|\\n(?=[A-Z])")) {
                    String s = para.strip().replaceAll("\\s+", " ");
                    if (s.length() > 60 && s.matches("(?s).*\\b(I|me|my)\\b.*")) add(out, seen, at, s, "written_statement");
                }
            }
        }
        return out;
    }

    private static void add(ArrayNode out, Set<String> seen, Citation at, String quote, String kind) {
        String q = quote.length() > 600 ? quote.substring(0, 600) + " …" : quote;
        if (!seen.add(at.document() + "|" + at.page() + "|" + q)) return;
        ObjectNode n = cite(out.addObject(), at);
        n.put("kind", kind);
        n.put("quote", q);
    }

    private static String sentenceAround(String text, int at) {
        int from = Math.max(text.lastIndexOf(". ", at) + 2, text.lastIndexOf('\n', at) + 1);
        if (from < 0 || from > at) from = Math.max(0, at - 200);
        int to = text.indexOf(". ", at);
        int nl = text.indexOf('\n', at);
        if (to < 0 || nl >= 0 && nl < to && text.substring(at, nl).length() > 60) to = nl < 0 ? text.length() : nl;
        else to = to + 1;
        return text.substring(from, Math.min(text.length(), Math.max(to, at))).strip().replaceAll("\\s+", " ");
    }

    private static ObjectNode cite(ObjectNode n, Citation c) {
        n.setAll(ReportBuilder.citation(c));
        return n;
    }
}
