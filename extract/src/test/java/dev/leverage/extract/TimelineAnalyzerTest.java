package dev.leverage.extract;

import dev.leverage.extract.timeline.CaseEvent;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.timeline.TimelineAnalyzer;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline rules on hand-built tellings: each rule fires where the law says and stays silent where it does not. */
class TimelineAnalyzerTest {
    private final TimelineAnalyzer analyzer = new TimelineAnalyzer();

    static TimedEvent at(String event, String time, String doc, String source, String actor) {
        return new TimedEvent(event, LocalDateTime.parse(time), false, actor, source, new Citation(doc, 1, null, event + " at " + time));
    }

    static TimedEvent at(String event, String time, String doc) {
        return at(event, time, doc, "narrative", null);
    }

    private List<String> kinds(List<TimedEvent> events) {
        List<String> out = new ArrayList<>();
        for (Finding f : analyzer.analyze(events)) out.add(f.kind() + ":" + (f.facts().get("rule") != null ? f.facts().get("rule") : f.facts().get("event")));
        return out;
    }

    @Test
    void oneEventToldByThreeDocumentsIsOneEventWithThreeTimes() {
        List<CaseEvent> merged = analyzer.merge(List.of(at("k9_arrived", "2025-03-15T00:14:33", "cad.csv", "cad", "Keel"),
                at("k9_arrived", "2025-03-15T00:14", "narrative.pdf"), at("k9_arrived", "2025-03-15T00:23", "k9.docx")));
        assertEquals(1, merged.size());
        assertEquals(3, merged.get(0).tellings().size());
        assertEquals("cad.csv", merged.get(0).primary().citation().document(), "the CAD's clock places the event");
        List<String> k = kinds(List.of(at("k9_arrived", "2025-03-15T00:14:33", "cad.csv", "cad", "Keel"),
                at("k9_arrived", "2025-03-15T00:14", "narrative.pdf"), at("k9_arrived", "2025-03-15T00:23", "k9.docx")));
        assertEquals(List.of("conflicting_times:k9_arrived"), k);
    }

    @Test
    void timesWithinTheToleranceAgree() {
        assertTrue(kinds(List.of(at("k9_alert", "2025-03-15T00:20:15", "cad.csv"), at("k9_alert", "2025-03-15T00:21", "k9.docx"))).isEmpty());
    }

    @Test
    void aSniffAfterTheWarningWithNoReasonProlongsTheStop() {
        List<TimedEvent> e = List.of(at("stop_initiated", "2025-03-14T23:47", "n"), at("warning_issued", "2025-03-15T00:11", "n"),
                at("k9_sniff", "2025-03-15T00:18", "n"));
        assertEquals(List.of("prolonged_detention:k9_sniff_after_mission"), kinds(e));
    }

    @Test
    void aSniffWhileTheCitationIsStillBeingWrittenIsLawful() {
        List<TimedEvent> e = List.of(at("stop_initiated", "2025-03-14T23:47", "n"), at("citation_started", "2025-03-14T23:55", "n"),
                at("k9_sniff", "2025-03-15T00:02", "n"), at("k9_alert", "2025-03-15T00:04", "n"), at("citation_issued", "2025-03-15T00:09", "c"));
        assertTrue(kinds(e).isEmpty(), kinds(e).toString());
    }

    @Test
    void consentOrANewReasonAfterTheWarningMakesTheSearchLawful() {
        assertTrue(kinds(List.of(at("warning_issued", "2025-03-15T00:11", "n"), at("consent", "2025-03-15T00:12", "n"),
                at("search", "2025-03-15T00:14", "n"))).isEmpty());
        assertTrue(kinds(List.of(at("warning_issued", "2025-03-15T00:11", "n"), at("suspicion", "2025-03-15T00:12", "n"),
                at("k9_sniff", "2025-03-15T00:20", "n"))).isEmpty());
    }

    @Test
    void aCustodialStatementBeforeMirandaButNotOneBeforeTheArrest() {
        TimedEvent question = new TimedEvent("question", LocalDateTime.parse("2025-03-15T00:32:30"), false, null, "transcript",
                new Citation("t", 1, null, "[00:20:30] OFC ORTEGA: Whose bag is this?"));
        List<TimedEvent> e = List.of(at("statement", "2025-03-15T00:20", "t", "transcript", "Price"), at("arrest", "2025-03-15T00:31", "n"),
                question, at("statement", "2025-03-15T00:33", "t", "transcript", "Price"), at("miranda", "2025-03-15T00:40", "n"));
        assertEquals(List.of("sequence_violation:statement_before_miranda"), kinds(e));
        // Volunteered with no question before it: Miranda governs interrogation, not every word in custody.
        assertTrue(kinds(List.of(at("arrest", "2025-03-15T00:31", "n"), at("statement", "2025-03-15T00:33", "t", "transcript", "Price"),
                at("miranda", "2025-03-15T00:40", "n"))).isEmpty());
        assertTrue(kinds(List.of(at("statement", "2025-03-15T00:20", "t"), at("arrest", "2025-03-15T00:31", "n"),
                at("miranda", "2025-03-15T00:32", "n"), at("statement", "2025-03-15T00:35", "t"))).isEmpty());
    }

    @Test
    void entryBeforeTheSignatureAndExecutionAfterTheWindow() {
        assertEquals(List.of("sequence_violation:search_before_warrant"), kinds(List.of(at("entry", "2025-04-02T13:40", "n"),
                at("warrant_signed", "2025-04-02T14:12", "w"))));
        assertEquals(List.of("sequence_violation:warrant_executed_late"), kinds(List.of(at("warrant_signed", "2025-04-02T14:12", "w"),
                at("warrant_deadline", "2025-04-12T23:59:59", "w"), at("warrant_executed", "2025-04-14T06:00", "n"))));
    }

    @Test
    void labDatesComparedByDayWhenOnlyTheDayIsWritten() {
        TimedEvent received = new TimedEvent("lab_received", LocalDateTime.parse("2025-03-21T00:00"), false, null, "form",
                new Citation("lab.pdf", 1, null, "Date Received: 03/21/2025"), true);
        TimedEvent analyzed = new TimedEvent("lab_analyzed", LocalDateTime.parse("2025-03-20T00:00"), false, null, "form",
                new Citation("lab.pdf", 1, null, "Date Analyzed: 03/20/2025"), true);
        assertEquals(List.of("sequence_violation:analyzed_before_received"), kinds(List.of(received, analyzed)));
        TimedEvent sameDay = new TimedEvent("lab_analyzed", LocalDateTime.parse("2025-03-21T00:00"), false, null, "form",
                new Citation("lab.pdf", 1, null, "Date Analyzed: 03/21/2025"), true);
        assertTrue(kinds(List.of(received, sameDay, at("lab_received", "2025-03-21T10:12", "log.csv"))).isEmpty());
    }

    @Test
    void onePersonInTwoPlacesAtOnce() {
        List<TimedEvent> e = List.of(at("k9_sniff", "2025-03-15T00:18", "cad.csv", "cad", "Dep. M. Keel"),
                at("evidence_logged", "2025-03-15T00:20", "property.xlsx", "custody", "Morgan Keel #2217"));
        List<Finding> f = analyzer.analyze(e);
        assertEquals(1, f.size());
        assertEquals("duration_implausible", f.get(0).kind());
        // Another officer at the station is no conflict; Keel at the station an hour later is none either.
        assertTrue(analyzer.analyze(List.of(e.get(0), at("evidence_logged", "2025-03-15T00:20", "p", "custody", "T. Brandt"))).isEmpty());
        assertTrue(analyzer.analyze(List.of(e.get(0), at("evidence_logged", "2025-03-15T01:20", "p", "custody", "Morgan Keel"))).isEmpty());
    }
}
