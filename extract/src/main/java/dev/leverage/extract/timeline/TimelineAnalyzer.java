package dev.leverage.extract.timeline;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.extract.Finding;
import dev.leverage.extract.Severity;
import dev.leverage.extract.custody.Handlers;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges every timed event of a case into one chronology (the same event told by several documents becomes one
 * event with several sourced times) and flags what it shows:
 * <ul>
 * <li>conflicting_times: one event written at times further apart than the tolerance;</li>
 * <li>prolonged_detention: a sniff or search after the stop's mission was complete with no intervening reason
 * (Rodriguez v. United States, 575 U.S. 348 (2015));</li>
 * <li>sequence_violation: a search before the warrant, a warrant executed or returned outside its window, a
 * custodial statement before Miranda, evidence logged before its seizure, lab receipt before submission, analysis
 * before receipt, a report dated before the events it narrates;</li>
 * <li>duration_implausible: one person in two places at once, or a trip faster than the distance allows.</li>
 * </ul>
 */
public final class TimelineAnalyzer {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Events that happen once in a stop, so two different times for one of them is a conflict. */
    public static final Set<String> SINGULAR = Set.of("stop_initiated", "warning_issued", "citation_issued", "k9_requested",
            "k9_arrived", "k9_sniff", "k9_alert", "arrest", "miranda", "warrant_signed", "warrant_executed", "warrant_returned");
    /** Where the legal test is a duration, the minutes decide it. */
    private static final Set<String> DURATION_MATTERS = Set.of("k9_arrived", "k9_sniff", "k9_alert", "warning_issued", "citation_issued",
            "stop_initiated", "miranda", "warrant_signed", "warrant_executed");
    /** Events that are not acts of the case's story but notes the rules read (a deadline, a distance). */
    private static final Set<String> NOTES = Set.of("warrant_deadline", "return_deadline", "distance", "question");

    private final Duration tolerance;
    /** How far apart two tellings of one singular event may be and still be the same event. */
    private final Duration singularWindow = Duration.ofMinutes(60);
    /** ... and of an event that can happen many times (a search, a statement). */
    private final Duration repeatWindow = Duration.ofMinutes(10);
    /** ... and of a laboratory's receipt, which a case's paperwork tells once per delivery. */
    private final Duration labReceiptWindow = Duration.ofHours(6);
    /** How far back a sequence rule looks. */
    private final Duration ruleWindow = Duration.ofHours(72);
    /** Two places closer in time than this for one person, with no distance written, are two places at once. */
    private final Duration coPresence = Duration.ofMinutes(5);
    /** The fastest a police vehicle is taken to travel, for a written distance. */
    private static final double MAX_MPH = 80;

    public TimelineAnalyzer(Duration tolerance) {
        this.tolerance = tolerance;
    }

    public TimelineAnalyzer() {
        this(Duration.ofMinutes(2));
    }

    /** A deadline or distance the rules read, not an act of the case. */
    public static boolean isNote(String event) {
        return NOTES.contains(event);
    }

    /** Every telling in time order (the report's flat chronology). */
    public List<TimedEvent> chronology(List<TimedEvent> events) {
        List<TimedEvent> out = new ArrayList<>(events.stream().filter(e -> !NOTES.contains(e.event())).toList());
        out.sort(Comparator.comparing(TimedEvent::time).thenComparing(TimedEvent::event));
        return out;
    }

    /** The case's events, each with every telling of it, in time order. */
    public List<CaseEvent> merge(List<TimedEvent> events) {
        List<List<TimedEvent>> groups = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        // Per group, its first timed telling (or its first telling), kept as the group grows; per kind, its groups in
        // order: each event is compared with the groups of its own kind only, each in constant time.
        List<TimedEvent> firstTimedOf = new ArrayList<>();
        Map<String, List<Integer>> groupsOfKind = new HashMap<>();
        List<TimedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TimedEvent::time).thenComparing(TimedEvent::event));
        // A case whose paperwork holds one warrant (one document setting a warrant's window) has one signature: every
        // telling of it that day is the same signing, however far apart the times.
        boolean oneWarrant = events.stream().filter(e -> e.event().equals("warrant_deadline")).map(e -> e.citation().document()).distinct().count() == 1;
        for (TimedEvent e : sorted) {
            Duration window = SINGULAR.contains(e.event()) ? singularWindow : repeatWindow;
            if (oneWarrant && e.event().equals("warrant_signed")) window = Duration.ofHours(24);
            // A laboratory's receipt of a case's evidence told by its report and by a custody record on one day is one receipt.
            if (e.event().equals("lab_received")) window = labReceiptWindow;
            int join = -1;
            List<Integer> ofKind = groupsOfKind.getOrDefault(e.event(), List.of());
            for (int k = ofKind.size() - 1; k >= 0 && join < 0; k--) {
                int g = ofKind.get(k);
                // Groups were opened in time order, and a group's first timed telling is within a day of its first
                // telling: once a group opened more than a day and the window before this event, none before it fits.
                if (groups.get(g).get(0).time().isBefore(e.time().minus(window).minusDays(1))) break;
                // Statements are one per speaker: what the driver said and what the passenger said are two.
                if (e.event().equals("statement") && !java.util.Objects.equals(groups.get(g).get(0).actor(), e.actor())) continue;
                List<TimedEvent> group = groups.get(g);
                // A date written alone ("Date Analyzed: 03/20/2025") and a time on that date are one event.
                boolean sameDay = group.get(0).time().toLocalDate().equals(e.time().toLocalDate())
                        && (e.dateOnly() || firstTimedOf.get(g).dateOnly()); // its first timed telling is date-only when all are
                if (sameDay) {
                    join = g;
                    break;
                }
                // Measured from the group's first timed telling: a date written alone sits at the start of the day.
                TimedEvent firstTimed = firstTimedOf.get(g);
                if (Duration.between(firstTimed.time(), e.time()).abs().compareTo(window) > 0) continue;
                // A document that already tells this event at another time tells another event of its kind
                // (a second arrest), unless the two are within the tolerance.
                boolean sameDocumentElsewhere = !e.dateOnly() && group.stream().anyMatch(o -> !o.dateOnly() && o.citation().document().equals(e.citation().document())
                        && Duration.between(o.time(), e.time()).abs().compareTo(tolerance) > 0);
                if (!sameDocumentElsewhere) join = g;
            }
            if (join < 0) {
                groupsOfKind.computeIfAbsent(e.event(), x -> new ArrayList<>()).add(groups.size());
                groups.add(new ArrayList<>(List.of(e)));
                kinds.add(e.event());
                firstTimedOf.add(e);
            } else {
                List<TimedEvent> group = groups.get(join);
                group.add(e);
                if (firstTimedOf.get(join).dateOnly() && !e.dateOnly() && group.stream().filter(o -> !o.dateOnly()).count() == 1) firstTimedOf.set(join, e);
            }
        }
        List<CaseEvent> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) out.add(new CaseEvent(kinds.get(g), groups.get(g)));
        out.sort(Comparator.comparing(CaseEvent::time).thenComparing(CaseEvent::event));
        return out;
    }

    public List<Finding> analyze(List<TimedEvent> events) {
        // In a case with a warrant, the entry is its execution.
        boolean warrant = events.stream().anyMatch(e -> e.event().equals("warrant_signed") || e.event().equals("warrant_deadline"));
        if (warrant) events = events.stream().map(e -> e.event().equals("entry") ? e.as("warrant_executed") : e).toList();
        List<CaseEvent> merged = merge(events);
        List<Finding> out = new ArrayList<>();
        conflicts(merged, out);
        prolonged(merged, out);
        before(out, merged, "miranda", "statement", "statement_before_miranda", "A statement was taken in custody before Miranda warnings",
                "A statement taken in custody before the warnings is inadmissible in the prosecution's case in chief (Miranda v. "
                        + "Arizona, 384 U.S. 436 (1966)); warnings given midway through an interrogation do not cure it (Missouri v. Seibert, "
                        + "542 U.S. 600 (2004)).", "Move to suppress the statement and everything it led to; obtain the full recording.");
        searchBeforeWarrant(merged, out);
        deadlines(merged, out);
        before(out, merged, "evidence_seized", "evidence_logged", "logged_before_seized", "Evidence was logged before its recorded seizure",
                "A property record made before the seizure it records was not written when it says it was, or records another item.",
                "Demand the original property records with their audit trail.");
        before(out, merged, "lab_submitted", "lab_received", "lab_received_before_submitted", "The lab received the evidence before it was submitted",
                "A receipt before the submission means one of the two records is wrong about the time, or the item the lab received is not the one submitted.",
                "Demand the lab's intake records and the submission form with their time stamps.");
        before(out, merged, "lab_received", "lab_analyzed", "analyzed_before_received", "The analysis is dated before the lab received the evidence",
                "An analysis dated before receipt means the report's dates are wrong or another sample was analysed.",
                "Demand the bench notes, instrument run logs and the lab's internal chain of custody.");
        reportDates(merged, out);
        implausible(merged, events, out);
        return out;
    }

    // ---- conflicting times ----

    private void conflicts(List<CaseEvent> merged, List<Finding> out) {
        for (CaseEvent ce : merged) {
            if (!SINGULAR.contains(ce.event()) && !ce.event().equals("lab_received")) continue;
            TimedEvent[] pair = ce.widestDisagreement();
            if (pair == null) continue;
            long seconds = Duration.between(pair[0].time(), pair[1].time()).abs().getSeconds();
            if (seconds <= tolerance.getSeconds()) continue;
            TimedEvent first = pair[0].time().isAfter(pair[1].time()) ? pair[1] : pair[0];
            TimedEvent last = first == pair[0] ? pair[1] : pair[0];
            double minutes = minutes(seconds);
            boolean approx = first.approximate() || last.approximate();
            Map<String, Object> f = facts("conflicting_times", ce.tellings(), minutes);
            f.put("event", ce.event());
            f.put("tolerance_minutes", tolerance.toMinutes());
            String id = "timeline-conflict-" + ce.event() + "-" + ce.time().toLocalTime().toString().replace(":", "");
            out.add(new Finding(id, "timeline_inconsistency", "conflicting_times",
                    DURATION_MATTERS.contains(ce.event()) ? Severity.HIGH : Severity.MEDIUM,
                    label(ce.event()) + " is written " + minutes + " minutes apart in different documents",
                    first.citation().document() + " puts " + label(ce.event()).toLowerCase(Locale.ROOT) + " at " + HM.format(first.time())
                            + (first.approximate() ? " (\"approximately\")" : "") + "; " + last.citation().document() + " puts it at "
                            + HM.format(last.time()) + (last.approximate() ? " (\"approximately\")" : "") + ". The documents disagree by "
                            + minutes + " minutes" + (approx ? ", beyond what \"approximately\" covers" : "")
                            + ". Where the legal test is a duration (how long the stop lasted, how long the dog took to arrive), the minutes decide "
                            + "it, and the earlier time shortens the detention on paper (United States v. Campbell, 26 F.4th 860 (11th Cir. 2022) (en banc)).",
                    "Obtain the CAD audio and every video with its own clock; cross-examine the author of each time on its source.",
                    f, citations(ce.tellings())));
        }
    }

    // ---- Rodriguez ----

    private static final java.util.regex.Pattern CONSENTED = java.util.regex.Pattern.compile("(?i)\\b(with\\s+(his|her|their|the\\s+\\w+'s|written|verbal)\\s+consent|consented|consent\\s+to\\s+search|consent\\s+search)\\b");
    private static final java.util.regex.Pattern NO_CONSENT = java.util.regex.Pattern.compile("(?i)\\b(without|no|refused|declined|denied|withdrew|not\\s+give|revoked)\\b[^.]{0,30}\\bconsent|consent\\b[^.]{0,20}\\b(refused|declined|denied|withdrawn|revoked)");

    private void prolonged(List<CaseEvent> merged, List<Finding> out) {
        CaseEvent mission = first(merged, null, "warning_issued", "citation_issued", "free_to_go");
        if (mission == null) return;
        CaseEvent sniff = first(merged, mission.time(), "k9_sniff");
        CaseEvent search = null;
        if (sniff == null) {
            CaseEvent alert = first(merged, null, "k9_alert");
            CaseEvent s = first(merged, mission.time(), "search");
            if (s != null && (alert == null || alert.time().isAfter(s.time()))) search = s;
        }
        CaseEvent act = sniff != null ? sniff : search;
        if (act == null) return;
        long seconds = Duration.between(mission.time(), act.time()).getSeconds();
        boolean sameClock = mission.primary().citation().document().equals(act.primary().citation().document());
        if (seconds <= (sameClock ? 0 : tolerance.getSeconds())) return;
        if (Duration.ofSeconds(seconds).compareTo(Duration.ofHours(3)) > 0) return;
        // A reason of its own for the sniff or search: consent, a reason to suspect that arose during the stop, an
        // arrest, an alert, any of them before the act.
        CaseEvent stop = first(merged, null, "stop_initiated");
        LocalDateTime from = stop != null && stop.time().isBefore(mission.time()) ? stop.time() : mission.time().minusHours(1);
        for (CaseEvent e : merged) {
            if (e.time().isBefore(from.minus(tolerance)) || !e.time().isBefore(act.time().plusSeconds(1))) continue;
            if (Set.of("consent", "suspicion", "arrest").contains(e.event())) return;
            if (e.event().equals("k9_alert") && act == search) return;
        }
        // "I searched the cab with his consent": a search told as consented has its own reason.
        if (act == search && act.tellings().stream().anyMatch(t -> dev.leverage.extract.Prefilter.find(CONSENTED, t.citation().quote())
                && !dev.leverage.extract.Prefilter.find(NO_CONSENT, t.citation().quote()))) return;
        // The mission is the warning or citation being handed over: one still being written is not complete.
        CaseEvent writing = first(merged, mission.time(), "citation_started");
        if (writing != null && writing.time().isBefore(act.time()) && merged.stream().noneMatch(e -> e != mission
                && Set.of("warning_issued", "citation_issued").contains(e.event()) && e.time().isAfter(writing.time()) && e.time().isBefore(act.time()))) return;
        double minutes = minutes(seconds);
        String what = act == sniff ? "dog sniff" : "search";
        String key = act == sniff ? "k9_sniff" : "search";
        Map<String, Object> f = facts("prolonged_detention", List.of(mission.primary(), act.primary()), minutes);
        f.put("rule", key + "_after_mission");
        f.put("mission_completed", mission.time().toString());
        f.put("act", key);
        out.add(new Finding("timeline-prolonged-" + key, "timeline_inconsistency", "prolonged_detention", Severity.HIGH,
                "The " + what + " began " + minutes + " minutes after the " + label(mission.event()).toLowerCase(Locale.ROOT)
                        + (mission.event().equals("free_to_go") ? "" : " was issued"),
                "The stop's mission ended at " + HM.format(mission.time()) + " (" + label(mission.event()).toLowerCase(Locale.ROOT) + ", "
                        + mission.primary().citation().document() + "). The " + what + " began at " + HM.format(act.time()) + " ("
                        + act.primary().citation().document() + "), " + minutes + " minutes later, and no document records consent, an arrest "
                        + "or a new reason to suspect in between. A stop may last no longer than its mission requires; a " + what
                        + " after the mission is complete, without independent reasonable suspicion, prolongs the stop unlawfully "
                        + "(Rodriguez v. United States, 575 U.S. 348 (2015); United States v. Campbell, 26 F.4th 860 (11th Cir. 2022) (en banc)).",
                "Move to suppress the fruits of the " + what + " as the product of an unlawfully prolonged stop; pin down through the CAD "
                        + "and video clocks what the officer did between the " + label(mission.event()).toLowerCase(Locale.ROOT) + " and the " + what + ".",
                f, citations(List.of(mission.primary(), act.primary()))));
    }

    // ---- warrants ----

    private static final Pattern PREMISES = Pattern.compile("(?i)\\b(residence|house|home|apartment|apt\\.?|premises|dwelling|unit|room|garage|"
            + "building|warrant|trailer|storage|locker|phone|device|shed|barn|business|office|suite|bedroom|kitchen|closet|hallway|basement|attic|warehouse)\\b");

    private void searchBeforeWarrant(List<CaseEvent> merged, List<Finding> out) {
        CaseEvent signed = first(merged, null, "warrant_signed");
        if (signed == null) return;
        // Every telling counts: one document's entry at 0312 "to secure it while the warrant was being sought" is the
        // fact, whatever time another document gives the execution.
        for (CaseEvent e : merged) {
            boolean premisesEvent = e.event().equals("warrant_executed") || e.event().equals("entry") || e.event().equals("search");
            if (!premisesEvent) continue;
            for (TimedEvent t : e.tellings()) {
                boolean warrantSearch = !t.event().equals("search") || Prefilter.find(PREMISES, t.citation().quote());
                if (!warrantSearch || t.dateOnly() || !t.time().isBefore(signed.time().minus(tolerance))) continue;
                // A search of the car at the roadside, hours before a warrant for a house, is another search.
                if (Duration.between(t.time(), signed.time()).compareTo(Duration.ofHours(48)) > 0) continue;
                double minutes = minutes(Duration.between(t.time(), signed.time()).getSeconds());
                out.add(sequence("search_before_warrant", "The " + label(t.event()).toLowerCase(Locale.ROOT) + " came before the warrant was signed",
                        label(t.event()) + " at " + HM.format(t.time()) + " (" + t.citation().document() + ") comes " + minutes
                                + " minutes before the warrant was signed at " + HM.format(signed.time()) + " (" + signed.primary().citation().document()
                                + "). A search of a home without a warrant is presumptively unreasonable (Payton v. New York, 445 U.S. 573 (1980)); "
                                + "a warrant signed afterwards does not authorise what was done before it.",
                        "Move to suppress everything found and seen before the signature; subpoena the judge's signing record and the affiant's call log.",
                        List.of(t, signed.primary()), minutes));
                return;
            }
        }
    }

    private void deadlines(List<CaseEvent> merged, List<Finding> out) {
        for (String[] pair : new String[][]{{"warrant_deadline", "warrant_executed"}, {"return_deadline", "warrant_returned"}}) {
            CaseEvent deadline = first(merged, null, pair[0]);
            if (deadline == null) continue;
            // Any execution (or return) the records put after the deadline: an earlier, misread one does not hide it.
            CaseEvent act = first(merged, deadline.time().plusSeconds(1), pair[1]);
            if (act == null || Duration.between(deadline.time(), act.time()).compareTo(Duration.ofDays(120)) > 0) continue;
            double minutes = minutes(Duration.between(deadline.time(), act.time()).getSeconds());
            boolean execution = pair[1].equals("warrant_executed");
            out.add(sequence("warrant_executed_late", execution ? "The warrant was executed after its window closed" : "The warrant was returned after its deadline",
                    (execution ? "The warrant was executed " : "The warrant was returned ") + DAY.format(act.time()) + " " + HM.format(act.time()) + " ("
                            + act.primary().citation().document() + "), after the deadline the warrant itself sets, " + DAY.format(deadline.time())
                            + " " + HM.format(deadline.time()) + " (" + deadline.primary().citation().document() + "): " + Math.round(minutes / 60.0 * 10) / 10.0
                            + " hours late. A warrant executed after its statutory window is void, and a late return can defeat it where prejudice "
                            + "is shown (People v. Kirk, 99 Cal. App. 3d Supp. 1 (1979): returned 55 days after issuance against a 10-day rule).",
                    "Move to suppress; demand the return, the inventory and the clerk's filing stamp.",
                    List.of(deadline.primary(), act.primary()), minutes));
        }
    }

    // ---- generic order rules ----

    /** Flags the first "after" that comes before the first "before" it requires. */
    private void before(List<Finding> out, List<CaseEvent> merged, String before, String after, String rule, String title,
                        String law, String action) {
        CaseEvent b = first(merged, null, before);
        if (b == null) return;
        CaseEvent anchor = null;
        if (rule.equals("statement_before_miranda")) {
            // Only a statement in custody needs the warnings: one made after the arrest and before them.
            anchor = first(merged, null, "arrest");
            if (anchor == null || !anchor.time().isBefore(b.time())) return;
        }
        // One row of a table or one line of a log telling both acts is about one item: compare them there first,
        // whatever other items the case's earliest records are about.
        if (anchor == null) {
            for (CaseEvent ae : merged) {
                if (!ae.event().equals(after)) continue;
                for (TimedEvent a : ae.tellings()) {
                    for (CaseEvent be : merged) {
                        if (!be.event().equals(before)) continue;
                        for (TimedEvent bt : be.tellings()) {
                            if (!bt.citation().document().equals(a.citation().document()) || !bt.citation().quote().equals(a.citation().quote())) continue;
                            if (!earlier(a.time(), a.dateOnly(), bt.time(), bt.dateOnly())) continue;
                            double minutes = minutes(Duration.between(a.time(), bt.time()).getSeconds());
                            out.add(sequence(rule, title, label(after) + " " + when(a.time(), a.dateOnly())
                                    + " comes before " + label(before).toLowerCase(Locale.ROOT) + " " + when(bt.time(), bt.dateOnly())
                                    + " in the same entry of " + a.citation().document() + ". " + law, action, List.of(bt, a), minutes));
                            return;
                        }
                    }
                }
            }
        }
        Set<String> officers = rule.equals("statement_before_miranda") ? officers(merged) : Set.of();
        for (CaseEvent a : merged) {
            if (!a.event().equals(after)) continue;
            if (anchor != null && a.time().isBefore(anchor.time())) continue;
            if (!officers.isEmpty() && byOfficers(a, officers)) continue;
            // Miranda governs interrogation: a statement volunteered without a question is not its breach.
            if (rule.equals("statement_before_miranda") && a.tellings().stream().noneMatch(t -> interrogated(t, merged, officers))) continue;
            boolean dates = a.dateOnly() || b.dateOnly();
            if (!earlier(a.time(), a.dateOnly(), b.time(), b.dateOnly())) continue;
            // A stop's rules look back three days; evidence and lab records run for weeks.
            Duration look = rule.equals("statement_before_miranda") ? ruleWindow : Duration.ofDays(120);
            if (Duration.between(a.time(), b.time()).compareTo(look) > 0 && !dates) continue;
            double minutes = minutes(Duration.between(a.time(), b.time()).getSeconds());
            out.add(sequence(rule, title, label(after) + " at " + when(a) + " (" + a.primary().citation().document() + ") comes "
                    + (dates ? Duration.between(a.time().toLocalDate().atStartOfDay(), b.time().toLocalDate().atStartOfDay()).toDays() + " day(s)" : minutes + " minutes")
                    + " before " + label(before).toLowerCase(Locale.ROOT) + " at " + when(b) + " (" + b.primary().citation().document() + "). " + law,
                    action, List.of(b.primary(), a.primary()), minutes));
            return;
        }
    }

    private static final Pattern SPONTANEOUS = Pattern.compile("(?i)\\b(without\\s+(any\\s+)?(question|questioning|prompting)|spontaneous(ly)?|volunteered|unprompted|unsolicited|blurted|on\\s+(his|her|their)\\s+own|not\\s+in\\s+response\\s+to)\\b");

    /**
     * A statement made in answer to police questioning: on a recording, an officer's question shortly before it; in
     * a narrative, unless the writer says it was volunteered ("without any question from me", "spontaneously").
     */
    private static boolean interrogated(TimedEvent statement, List<CaseEvent> merged, Set<String> officers) {
        if (Prefilter.find(SPONTANEOUS, statement.citation().quote())) return false;
        if (!statement.source().equals("transcript")) return true;
        for (CaseEvent e : merged) {
            for (TimedEvent q : e.tellings()) {
                if (!q.citation().document().equals(statement.citation().document()) || !q.citation().quote().contains("?")) continue;
                boolean byOfficer = q.event().equals("question") || q.actor() != null && officers.stream().anyMatch(o -> samePerson(o, q.actor()));
                long s = Duration.between(q.time(), statement.time()).getSeconds();
                if (byOfficer && s >= 0 && s <= 120) return true;
            }
        }
        return false;
    }

    /** x is before y: by day when either gives only a day, else by more than the tolerance. */
    private boolean earlier(LocalDateTime x, boolean xDay, LocalDateTime y, boolean yDay) {
        return xDay || yDay ? x.toLocalDate().isBefore(y.toLocalDate()) : x.isBefore(y.minus(tolerance));
    }

    /** Every telling of the event is by one of the case's officers (an officer's words on a recording). */
    public static boolean byOfficers(CaseEvent e, Set<String> officers) {
        return e.tellings().stream().allMatch(t -> t.actor() != null && officers.stream().anyMatch(o -> samePerson(o, t.actor())));
    }

    /** Who acts as police in the case: the actors of its events other than statements (an officer's words on a recording are not a suspect's statement). */
    public static Set<String> officers(List<CaseEvent> merged) {
        Set<String> out = new java.util.TreeSet<>();
        for (CaseEvent e : merged) {
            if (Set.of("statement", "consent", "consent_refused", "report_written").contains(e.event()) || NOTES.contains(e.event())) continue;
            for (TimedEvent t : e.tellings()) {
                // "dispatch received a call from the supervisor reporting that contractor Harlan Stroud ...": a call
                // told in a narrative names its caller and its subject, not an officer
                if (e.event().equals("dispatch") && t.source().equals("narrative")) continue;
                if (t.actor() != null && !t.source().equals("custody")) out.add(t.actor());
            }
        }
        return out;
    }

    private void reportDates(List<CaseEvent> merged, List<Finding> out) {
        for (CaseEvent r : merged) {
            if (!r.event().equals("report_written")) continue;
            for (TimedEvent written : r.tellings()) {
                String doc = written.citation().document();
                TimedEvent latest = null;
                for (CaseEvent e : merged) {
                    if (NOTES.contains(e.event()) || e.event().equals("report_written")) continue;
                    for (TimedEvent t : e.tellings()) {
                        if (t.citation().document().equals(doc) && t.time().toLocalDate().isAfter(written.time().toLocalDate())
                                && (latest == null || t.time().isAfter(latest.time()))) latest = t;
                    }
                }
                if (latest == null) continue;
                long days = Duration.between(written.time().toLocalDate().atStartOfDay(), latest.time().toLocalDate().atStartOfDay()).toDays();
                out.add(sequence("report_dated_before_events", "A report is dated before the events it narrates",
                        doc + " is dated " + DAY.format(written.time()) + " but narrates " + label(latest.event()).toLowerCase(Locale.ROOT) + " on "
                                + DAY.format(latest.time()) + ", " + days + " day(s) later. Either the date is false or the report was rewritten "
                                + "after the fact; both go to the author's credibility and to whether earlier drafts exist.",
                        "Demand every draft and the records system's audit trail for the report (creation, edits, approval).",
                        List.of(written, latest), days * 24 * 60.0));
                return;
            }
        }
    }

    // ---- two places at once ----

    private static final Pattern FACILITY = Pattern.compile("(?i)\\b(station|headquarters|hq|property\\s+room|evidence\\s+room|property\\s+(?:and|&)\\s+evidence|"
            + "sally\\s*port|jail|booking|precinct|substation|detention|lab(?:oratory)?|evidence\\s+locker|temporary\\s+locker|vault|district\\s+office|barracks)\\b");
    /** "I was in the sally port at the Sheriff's Office": where the writer was. */
    private static final Pattern AT_A_FACILITY = Pattern.compile("(?i)\\b(I|he|she|we)\\s+(was|were)\\s+(still\\s+)?(in|at)\\s+the\\s+[^.;]{0,40}?\\b(station|headquarters|hq|property\\s+room|evidence\\s+room|sally\\s*port|jail|precinct|substation|detention|lab(?:oratory)?|barracks|office)\\b");
    private static final Pattern BOUND_FOR = Pattern.compile("(?i)\\b(clear\\w*|clr|left|departed)\\b[^.;]{0,40}\\b(enrt|en\\s?route|heading|bound|to)\\s+(the\\s+)?(station|headquarters|hq|jail|precinct|substation|lab(?:oratory)?|barracks|office)\\b");
    private static final Set<String> SCENE = Set.of("stop_initiated", "k9_arrived", "k9_sniff", "k9_alert", "arrest", "warning_issued",
            "citation_issued", "on_scene", "free_to_go", "entry", "warrant_executed", "consent", "suspicion", "cleared");
    private static final Set<String> AT_FACILITY = Set.of("evidence_logged", "lab_submitted", "lab_received", "lab_analyzed", "signed_in");
    private static final Pattern MILES = Pattern.compile("(?i)\\b(\\d{1,3}(?:\\.\\d)?)\\s*(?:-\\s*)?(?:miles?|mi\\.?)\\b");

    private void implausible(List<CaseEvent> merged, List<TimedEvent> all, List<Finding> out) {
        double miles = 0;
        TimedEvent distance = null;
        for (TimedEvent t : all) {
            if (!t.event().equals("distance")) continue;
            Matcher m = MILES.matcher(t.citation().quote());
            while (m.find()) {
                double v = Double.parseDouble(m.group(1));
                if (v > miles) {
                    miles = v;
                    distance = t;
                }
            }
        }
        Duration travel = miles > 0 ? Duration.ofSeconds(Math.round(miles / MAX_MPH * 3600)) : coPresence;
        List<TimedEvent> placed = new ArrayList<>();
        for (CaseEvent e : merged) {
            for (TimedEvent t : e.tellings()) if (t.actor() != null && !t.dateOnly() && place(t) != null) placed.add(t);
        }
        placed.sort(Comparator.comparing(TimedEvent::time));
        Set<String> flagged = new java.util.HashSet<>();
        for (int i = 0; i < placed.size(); i++) {
            TimedEvent a = placed.get(i);
            for (int j = i + 1; j < placed.size(); j++) {
                TimedEvent b = placed.get(j);
                Duration gap = Duration.between(a.time(), b.time());
                if (gap.compareTo(travel) >= 0) break;
                if (place(a).equals(place(b)) || !samePerson(a.actor(), b.actor())) continue;
                if (a.citation().document().equals(b.citation().document()) && gap.isZero()) continue;
                String who = surname(bare(a.actor()));
                String other = surname(bare(b.actor()));
                if (flagged.contains(who) || flagged.contains(other)) continue;
                flagged.add(who);
                flagged.add(other);
                double minutes = minutes(gap.getSeconds());
                Map<String, Object> f = facts("duration_implausible", List.of(a, b), minutes);
                f.put("person", bare(a.actor()).length() >= bare(b.actor()).length() ? bare(a.actor()) : bare(b.actor()));
                if (miles > 0) f.put("distance_miles", miles);
                List<TimedEvent> cited = new ArrayList<>(List.of(a, b));
                if (distance != null) cited.add(distance);
                out.add(new Finding("timeline-implausible-" + who, "timeline_inconsistency", "duration_implausible", Severity.HIGH,
                        a.actor() + " is placed " + (miles > 0 ? miles + " miles apart " : "in two places ") + minutes + " minutes apart",
                        a.citation().document() + " puts " + a.actor() + " at the " + place(a) + " at " + HM.format(a.time()) + " ("
                                + label(a.event()).toLowerCase(Locale.ROOT) + "); " + b.citation().document() + " puts " + b.actor() + " at the "
                                + place(b) + " at " + HM.format(b.time()) + " (" + label(b.event()).toLowerCase(Locale.ROOT) + "). "
                                + (miles > 0 ? "Covering " + miles + " miles takes at least " + Math.round(miles / MAX_MPH * 60) + " minutes at " + (int) MAX_MPH + " mph. " : "")
                                + "One of the two records is not what it says: the time, the person, or who really did the act.",
                        "Cross-examine " + a.actor() + " on both records; obtain the unit's AVL/GPS history and the building's door-access log.",
                        f, citations(cited)));
            }
        }
    }

    /** One person however a record writes them: a unit number or badge beside the name ("Haugen V-9") is not part of it. */
    static boolean samePerson(String a, String b) {
        String x = bare(a), y = bare(b);
        return !x.isEmpty() && !y.isEmpty() && Handlers.same(x, y);
    }

    private static String bare(String actor) {
        String b = Prefilter.replaceAll(Prefilter.replaceAll(Prefilter.replaceAll(Prefilter.replaceAll(actor, "\\(.*?\\)", " "), "#\\s*\\S+", " "), "\\b\\S*\\d\\S*", " "), "\\s+", " ").strip();
        // A log's "Brannigan C." is C. Brannigan.
        return Prefilter.matches(b, "\\p{Lu}[\\p{L}'-]+,?\\s+\\p{Lu}\\.?") ? Prefilter.replaceFirst(b, "^([\\p{L}'-]+),?\\s+(\\p{Lu})\\.?$", "$2. $1") : b;
    }

    /** Where a telling puts its actor: the scene or a facility; null when it says neither. */
    static String place(TimedEvent t) {
        if (AT_FACILITY.contains(t.event()) || t.event().equals("departed")) return "facility";
        // "PS-31 clear 4410 enrt HQ": clearing the scene for a station names the station it is bound for, not where it is
        if (t.event().equals("cleared") && Prefilter.find(BOUND_FOR, t.citation().quote())) return "scene";
        boolean facilityWords = Prefilter.find(FACILITY, t.citation().quote());
        if (Prefilter.find(AT_A_FACILITY, t.citation().quote())) return "facility";
        if (t.source().equals("custody")) return facilityWords ? "facility" : null;
        if (SCENE.contains(t.event()) && !facilityWords) return "scene";
        if (t.event().equals("search") && !facilityWords) return "scene";
        return null;
    }

    // ---- helpers ----

    private static CaseEvent first(List<CaseEvent> merged, LocalDateTime after, String... kinds) {
        Set<String> k = Set.of(kinds);
        for (CaseEvent e : merged) {
            if (!k.contains(e.event())) continue;
            if (after != null && e.time().isBefore(after)) continue;
            return e;
        }
        return null;
    }

    private static String when(CaseEvent e) {
        return when(e.time(), e.dateOnly());
    }

    private static String when(LocalDateTime t, boolean dayOnly) {
        return dayOnly ? DAY.format(t) : DAY.format(t) + " " + HM.format(t);
    }

    private static double minutes(long seconds) {
        return Math.round(Math.abs(seconds) / 6.0) / 10.0;
    }

    private static String surname(String actor) {
        String[] w = Prefilter.replaceAll(actor, "[^\\p{L} '-]", " ").strip().split("\\s+");
        return w[w.length - 1].toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> facts(String kind, List<TimedEvent> evs, double minutes) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", kind);
        f.put("events", evs.stream().map(TimelineAnalyzer::eventFact).toList());
        f.put("delta_minutes", minutes);
        return f;
    }

    private static List<Citation> citations(List<TimedEvent> evs) {
        List<Citation> out = new ArrayList<>();
        for (TimedEvent e : evs) {
            if (out.stream().noneMatch(c -> c.document().equals(e.citation().document()) && c.quote().equals(e.citation().quote()))) out.add(e.citation());
        }
        return out;
    }

    private static Finding sequence(String rule, String title, String explanation, String action, List<TimedEvent> evs, double minutes) {
        Map<String, Object> f = facts("sequence_violation", evs, minutes);
        f.put("rule", rule);
        return new Finding("timeline-" + rule.replace('_', '-'), "timeline_inconsistency", "sequence_violation", Severity.HIGH, title,
                explanation, action, f, citations(evs));
    }

    static Map<String, Object> eventFact(TimedEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.event());
        m.put("time", e.dateOnly() ? e.time().toLocalDate().toString() : e.time().toString());
        m.put("document", e.citation().document());
        m.put("page", e.citation().page());
        if (e.citation().bates() != null) m.put("bates", e.citation().bates());
        m.put("approximate", e.approximate());
        if (e.actor() != null) m.put("actor", e.actor());
        m.put("quote", e.citation().quote());
        return m;
    }

    private static final Map<String, String> NOUNS = Map.ofEntries(Map.entry("warning_issued", "Written warning"),
            Map.entry("citation_issued", "Citation"), Map.entry("k9_arrived", "K9 arrival"), Map.entry("k9_requested", "K9 request"),
            Map.entry("k9_sniff", "K9 sniff"), Map.entry("k9_alert", "K9 alert"), Map.entry("stop_initiated", "Start of the stop"),
            Map.entry("lab_received", "Lab receipt"), Map.entry("lab_submitted", "Lab submission"), Map.entry("lab_analyzed", "Lab analysis"),
            Map.entry("free_to_go", "Release of the driver"), Map.entry("miranda", "Miranda warning"), Map.entry("entry", "Entry"),
            Map.entry("warrant_signed", "Warrant signature"), Map.entry("warrant_executed", "Warrant execution"),
            Map.entry("warrant_returned", "Warrant return"), Map.entry("evidence_logged", "Evidence logging"),
            Map.entry("evidence_seized", "Seizure"), Map.entry("report_written", "Report"), Map.entry("signed_in", "Sign-in log entry"));

    public static String label(String event) {
        if (NOUNS.containsKey(event)) return NOUNS.get(event);
        String s = event.replace('_', ' ').replace("k9", "K9");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
