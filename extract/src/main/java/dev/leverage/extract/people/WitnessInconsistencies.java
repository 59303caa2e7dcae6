package dev.leverage.extract.people;

import dev.leverage.extract.Citation;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Finding;
import dev.leverage.extract.Mention;
import dev.leverage.extract.Severity;
import dev.leverage.extract.timeline.CaseEvent;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.timeline.TimelineAnalyzer;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One witness against himself: the same event told at different times by documents that are the same person's
 * account (his narrative, his K9 report, the CAD entries of his unit, the camera he wore). Each is a prior
 * inconsistent statement he can be cross-examined on (Fed. R. Evid. 613), apart from any conflict between
 * different witnesses, which the timeline already flags.
 */
public final class WitnessInconsistencies {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private final Duration tolerance;

    public WitnessInconsistencies(Duration tolerance) {
        this.tolerance = tolerance;
    }

    public WitnessInconsistencies() {
        this(Duration.ofMinutes(2));
    }

    /** A telling and whose account it is. */
    private record Told(TimedEvent telling, String why) {
    }

    public List<Finding> find(List<DocumentFacts> facts, List<CaseEvent> merged, PersonRegistry registry) {
        Map<String, DocumentFacts> byPath = new HashMap<>();
        for (DocumentFacts f : facts) byPath.put(f.path(), f);
        Map<String, List<Mention>> mentionsByDoc = new HashMap<>();
        for (DocumentFacts f : facts) for (Mention m : f.mentions()) if ("person".equals(m.type())) mentionsByDoc.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(m);
        List<Finding> out = new ArrayList<>();
        for (CaseEvent ce : merged) {
            if (!TimelineAnalyzer.SINGULAR.contains(ce.event())) continue;
            Map<String, List<Told>> byPerson = new LinkedHashMap<>();
            for (TimedEvent t : ce.tellings()) {
                if (t.dateOnly() || t.time() == null) continue;
                String doc = t.citation().document();
                DocumentFacts f = byPath.get(doc);
                Set<String> keys = new LinkedHashSet<>();
                if (f != null && f.author() != null) {
                    String k = resolve(registry, f.author(), mentionsByDoc.getOrDefault(doc, List.of()));
                    if (k != null && keys.add(k)) byPerson.computeIfAbsent(k, x -> new ArrayList<>()).add(new Told(t, "written by"));
                }
                if ("cad".equals(t.source())) {
                    // a CAD row is the radio traffic of the unit's officer named in it
                    for (Mention m : mentionsByDoc.getOrDefault(doc, List.of())) {
                        if (m.source().page() != t.citation().page() || !t.citation().quote().contains(m.text().strip())) continue;
                        String k = registry.keyOf(m);
                        if (k != null && keys.add(k)) byPerson.computeIfAbsent(k, x -> new ArrayList<>()).add(new Told(t, "CAD entry of the unit of"));
                    }
                }
            }
            for (var e : byPerson.entrySet()) {
                List<Told> told = e.getValue();
                Told first = null, last = null;
                for (Told a : told) {
                    for (Told b : told) {
                        if (a.telling.citation().document().equals(b.telling.citation().document())) continue;
                        long s = Duration.between(a.telling.time(), b.telling.time()).getSeconds();
                        if (s > tolerance.getSeconds() && (first == null || s > Duration.between(first.telling.time(), last.telling.time()).getSeconds())) {
                            first = a;
                            last = b;
                        }
                    }
                }
                if (first == null) continue;
                Person p = registry.people().stream().filter(x -> x.key().equals(e.getKey())).findFirst().orElse(null);
                if (p == null) continue;
                out.add(finding(p, ce.event(), first, last));
            }
        }
        return out;
    }

    /** The person a name written in a document is: the one of that name the document mentions, else the only one in the case. */
    static String resolve(PersonRegistry registry, String written, List<Mention> inDocument) {
        List<Person> candidates = registry.lookup(written.strip());
        if (candidates.isEmpty()) return null;
        if (candidates.size() == 1) return candidates.get(0).key();
        Set<String> here = new LinkedHashSet<>();
        for (Mention m : inDocument) if (registry.keyOf(m) != null) here.add(registry.keyOf(m));
        List<Person> local = candidates.stream().filter(c -> here.contains(c.key())).toList();
        return local.size() == 1 ? local.get(0).key() : null;
    }

    private static Finding finding(Person p, String event, Told first, Told last) {
        double minutes = Math.round(Duration.between(first.telling.time(), last.telling.time()).getSeconds() / 6.0) / 10.0;
        String who = (p.title().isEmpty() ? "" : p.title() + " ") + p.name();
        String what = TimelineAnalyzer.label(event).toLowerCase(Locale.ROOT);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", "conflicting_times");
        facts.put("person", p.name());
        facts.put("person_key", p.key());
        facts.put("event", event);
        facts.put("delta_minutes", minutes);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Told t : List.of(first, last)) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("event", event);
            ev.put("time", t.telling.time().toString());
            ev.put("document", t.telling.citation().document());
            ev.put("page", t.telling.citation().page());
            ev.put("attributed", t.why + " " + p.name());
            events.add(ev);
        }
        facts.put("events", events);
        List<Citation> cites = List.of(first.telling.citation(), last.telling.citation());
        return new Finding("witness-" + p.key() + "-" + event, "witness_inconsistency", "conflicting_times",
                minutes >= 5 ? Severity.MEDIUM : Severity.LOW,
                who + "'s own accounts put the " + what + " " + minutes + " minutes apart",
                first.telling.citation().document() + " (" + first.why + " " + p.name() + ") puts the " + what + " at "
                        + HM.format(first.telling.time()) + (first.telling.approximate() ? " (\"approximately\")" : "") + "; "
                        + last.telling.citation().document() + " (" + last.why + " " + p.name() + ") puts it at " + HM.format(last.telling.time())
                        + (last.telling.approximate() ? " (\"approximately\")" : "") + ". The same witness giving two times for one act is a prior "
                        + "inconsistent statement he can be asked to explain (Fed. R. Evid. 613); which account he made first, and from what "
                        + "source, goes to the weight of everything else he wrote.",
                "Cross-examine " + who + " with both documents side by side; obtain the CAD audio and the body-worn camera with its own clock for "
                        + "the " + what + ".",
                facts, cites);
    }
}
