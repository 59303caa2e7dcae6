package dev.leverage.extract.timeline;

import dev.leverage.extract.Citation;
import dev.leverage.extract.Finding;
import dev.leverage.extract.Severity;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges every timed event of a case into one chronology and flags what it shows: one event written at
 * different times by different documents, and sequences the law forbids (a dog sniff after the stop's mission
 * was complete, Rodriguez v. United States, 575 U.S. 348 (2015); a statement before Miranda; a search before the
 * warrant; lab receipt before submission).
 */
public final class TimelineAnalyzer {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Events that happen once in a stop, so two different times for one of them is a conflict. */
    private static final Set<String> SINGULAR = Set.of("stop_initiated", "warning_issued", "citation_issued", "k9_requested",
            "k9_arrived", "k9_sniff", "k9_alert", "arrest", "miranda", "warrant_signed", "warrant_executed");
    private final Duration tolerance;
    /** How far apart two tellings of one event may be and still be the same event of the same stop. */
    private final Duration window = Duration.ofMinutes(60);
    /** How far back a sequence rule looks. */
    private final Duration ruleWindow = Duration.ofHours(72);

    public TimelineAnalyzer(Duration tolerance) {
        this.tolerance = tolerance;
    }

    public TimelineAnalyzer() {
        this(Duration.ofMinutes(2));
    }

    /** The chronology: every event in time order. */
    public List<TimedEvent> chronology(List<TimedEvent> events) {
        List<TimedEvent> out = new ArrayList<>(events);
        out.sort(Comparator.comparing(TimedEvent::time).thenComparing(TimedEvent::event));
        return out;
    }

    public List<Finding> analyze(List<TimedEvent> events) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<TimedEvent>> byEvent = new LinkedHashMap<>();
        for (TimedEvent e : chronology(events)) byEvent.computeIfAbsent(e.event(), k -> new ArrayList<>()).add(e);

        for (String ev : SINGULAR) {
            List<TimedEvent> list = byEvent.getOrDefault(ev, List.of());
            if (list.size() < 2) continue;
            // Within the window of the first telling, the earliest and latest of different documents.
            TimedEvent first = list.get(0);
            TimedEvent last = first;
            for (TimedEvent e : list) {
                if (Duration.between(first.time(), e.time()).compareTo(window) <= 0 && !e.citation().document().equals(first.citation().document())) last = e;
            }
            long seconds = Duration.between(first.time(), last.time()).getSeconds();
            if (last == first || seconds <= tolerance.getSeconds()) continue;
            double minutes = Math.round(seconds / 6.0) / 10.0;
            boolean approx = first.approximate() || last.approximate();
            List<Map<String, Object>> facts = new ArrayList<>();
            List<Citation> cites = new ArrayList<>();
            for (TimedEvent e : list) {
                if (Duration.between(first.time(), e.time()).compareTo(window) > 0) continue;
                facts.add(eventFact(e));
                if (cites.stream().noneMatch(c -> c.document().equals(e.citation().document()) && c.quote().equals(e.citation().quote()))) cites.add(e.citation());
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("kind", "conflicting_times");
            f.put("event", ev);
            f.put("events", facts);
            f.put("delta_minutes", minutes);
            f.put("tolerance_minutes", tolerance.toMinutes());
            out.add(new Finding("timeline-conflict-" + ev, "timeline_inconsistency", "conflicting_times",
                    SINGULAR_DURATION_MATTERS.contains(ev) ? Severity.HIGH : Severity.MEDIUM,
                    label(ev) + " is written " + minutes + " minutes apart in different documents",
                    first.citation().document() + " puts " + label(ev).toLowerCase() + " at " + HM.format(first.time()) + (first.approximate() ? " (\"approximately\")" : "")
                            + "; " + last.citation().document() + " puts it at " + HM.format(last.time()) + ". The documents disagree by "
                            + minutes + " minutes" + (approx ? ", beyond what \"approximately\" covers" : "")
                            + ". Where the legal test is a duration (how long the stop lasted, how long the dog took to arrive), the minutes decide it; the "
                            + "earlier time shortens the detention on paper.",
                    "Obtain the CAD audio and every video with its own clock; cross-examine the author of the earlier time on its source.",
                    f, cites));
        }

        // Rodriguez: a sniff after the mission of the stop (the warning or ticket) was complete.
        TimedEvent mission = earliest(byEvent, "warning_issued", "citation_issued");
        TimedEvent sniff = earliest(byEvent, "k9_sniff");
        if (mission != null && sniff != null && sniff.time().isAfter(mission.time())) {
            double minutes = Math.round(Duration.between(mission.time(), sniff.time()).getSeconds() / 6.0) / 10.0;
            out.add(sequence("k9-sniff-after-mission", Severity.HIGH,
                    "The dog sniff began " + minutes + " minutes after the " + label(mission.event()).toLowerCase() + " was issued",
                    "The stop's mission ended when the " + label(mission.event()).toLowerCase() + " was issued at " + HM.format(mission.time())
                            + " (" + mission.citation().document() + "). The sniff began at " + HM.format(sniff.time()) + " ("
                            + sniff.citation().document() + "), " + minutes + " minutes later. A stop may last no longer than its mission "
                            + "requires; a sniff after the mission is complete, without independent reasonable suspicion, prolongs the stop "
                            + "unlawfully (Rodriguez v. United States, 575 U.S. 348 (2015); United States v. Campbell (11th Cir. 2019)).",
                    "Move to suppress the fruits of the search as the product of an unlawfully prolonged stop; pin down through "
                            + "the CAD and video clocks what the officer did between the warning and the sniff.",
                    List.of(mission, sniff), minutes, "sniff_after_mission"));
        }
        rule(out, byEvent, "miranda", "statement", "statement-before-miranda",
                "A statement was taken before Miranda warnings", "Move to suppress the statement.");
        rule(out, byEvent, "warrant_signed", "search", "search-before-warrant",
                "The search began before the warrant was signed", "Move to suppress the fruits of the search.");
        rule(out, byEvent, "lab_submitted", "lab_received", "lab-received-before-submitted",
                "The lab received the evidence before it was submitted", "Demand the lab's intake records and the submission form.");
        rule(out, byEvent, "evidence_seized", "evidence_logged", "logged-before-seized",
                "Evidence was logged before its recorded seizure", "Demand the original property records.");
        return out;
    }

    private static final Set<String> SINGULAR_DURATION_MATTERS = Set.of("k9_arrived", "k9_sniff", "warning_issued", "citation_issued", "stop_initiated");

    /** Flags an event "after" that happens before the first "before" it requires. */
    private void rule(List<Finding> out, Map<String, List<TimedEvent>> byEvent, String before, String after, String id,
                      String title, String action) {
        TimedEvent b = earliest(byEvent, before);
        TimedEvent a = earliest(byEvent, after);
        if (a == null || b == null || !a.time().isBefore(b.time())) return;
        if (Duration.between(a.time(), b.time()).compareTo(ruleWindow) > 0) return;
        double minutes = Math.round(Duration.between(a.time(), b.time()).getSeconds() / 6.0) / 10.0;
        out.add(sequence(id, Severity.HIGH, title, label(after) + " at " + HM.format(a.time()) + " (" + a.citation().document() + ") comes "
                + minutes + " minutes before " + label(before).toLowerCase() + " at " + HM.format(b.time()) + " (" + b.citation().document() + ").",
                action, List.of(b, a), minutes, id));
    }

    private static TimedEvent earliest(Map<String, List<TimedEvent>> byEvent, String... kinds) {
        TimedEvent best = null;
        for (String k : kinds) {
            for (TimedEvent e : byEvent.getOrDefault(k, List.of())) if (best == null || e.time().isBefore(best.time())) best = e;
        }
        return best;
    }

    private static Finding sequence(String id, Severity sev, String title, String explanation, String action, List<TimedEvent> evs,
                                    double minutes, String rule) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", "sequence_violation");
        f.put("rule", rule);
        f.put("events", evs.stream().map(TimelineAnalyzer::eventFact).toList());
        f.put("delta_minutes", minutes);
        return new Finding("timeline-" + id, "timeline_inconsistency", "sequence_violation", sev, title, explanation, action, f,
                evs.stream().map(TimedEvent::citation).distinct().toList());
    }

    private static Map<String, Object> eventFact(TimedEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.event());
        m.put("time", e.time().toString());
        m.put("document", e.citation().document());
        m.put("page", e.citation().page());
        m.put("approximate", e.approximate());
        return m;
    }

    private static final java.util.Map<String, String> NOUNS = java.util.Map.of("warning_issued", "Written warning",
            "citation_issued", "Citation", "k9_arrived", "K9 arrival", "k9_requested", "K9 request", "k9_sniff", "K9 sniff",
            "k9_alert", "K9 alert", "stop_initiated", "Start of the stop", "lab_received", "Lab receipt", "lab_submitted", "Lab submission");

    static String label(String event) {
        if (NOUNS.containsKey(event)) return NOUNS.get(event);
        String s = event.replace('_', ' ').replace("k9", "K9");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static LocalDateTime time(TimedEvent e) {
        return e.time();
    }
}
