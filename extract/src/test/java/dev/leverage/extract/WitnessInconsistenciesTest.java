package dev.leverage.extract;

import dev.leverage.extract.people.PersonRegistry;
import dev.leverage.extract.people.WitnessInconsistencies;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.timeline.TimelineAnalyzer;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An officer's narrative against the CAD entries of his own unit, and a different officer's account that is not his. */
class WitnessInconsistenciesTest {
    static Mention person(String text, String badge, String doc, String quote) {
        return new Mention("person", text, text, "officer", badge, new Citation(doc, 1, null, quote), 0, text.length(), "rule");
    }

    static TimedEvent told(String event, String time, String source, String doc, String quote, String actor) {
        return new TimedEvent(event, LocalDateTime.parse(time), false, actor, source, new Citation(doc, 1, null, quote));
    }

    static DocumentFacts doc(String path, String author, List<Mention> ms, List<TimedEvent> evs) {
        return new DocumentFacts(path, path, "police_report", author, ms, evs, List.of(), List.of(), "test");
    }

    List<dev.leverage.extract.Finding> run(List<DocumentFacts> facts) {
        List<Mention> ms = new ArrayList<>();
        List<TimedEvent> evs = new ArrayList<>();
        for (DocumentFacts f : facts) {
            ms.addAll(f.mentions());
            evs.addAll(f.events());
        }
        TimelineAnalyzer t = new TimelineAnalyzer();
        return new WitnessInconsistencies().find(facts, t.merge(evs), PersonRegistry.resolve(ms));
    }

    @Test
    void hisNarrativeAgainstHisUnitsCadEntry() {
        String cadRow = "03/15/2025 001433 K9-12 (KEEL) ON SCENE";
        List<DocumentFacts> facts = List.of(
                doc("narrative.pdf", "Deputy Morgan Keel #2217", List.of(person("Deputy Morgan Keel", "2217", "narrative.pdf", "Deputy Morgan Keel #2217")),
                        List.of(told("k9_arrived", "2025-03-15T00:06", "narrative", "narrative.pdf", "At approximately 0006 hrs I arrived on scene.", null))),
                doc("cad.csv", null, List.of(person("KEEL", null, "cad.csv", cadRow)),
                        List.of(told("k9_arrived", "2025-03-15T00:14:33", "cad", "cad.csv", cadRow, "KEEL"))));
        List<dev.leverage.extract.Finding> found = run(facts);
        assertEquals(1, found.size(), found.toString());
        var f = found.get(0);
        assertEquals("witness_inconsistency", f.type());
        assertEquals("Morgan Keel", f.facts().get("person"));
        assertEquals(8.6, (double) f.facts().get("delta_minutes"), 0.05);
        assertEquals(2, f.citations().size());
        assertTrue(f.explanation().contains("613"), f.explanation());
    }

    @Test
    void twoDifferentOfficersDisagreeingIsNotOneWitnessAgainstHimself() {
        List<DocumentFacts> facts = List.of(
                doc("narrative.pdf", "Deputy Luis Ortega #1184", List.of(person("Deputy Luis Ortega", "1184", "narrative.pdf", "Deputy Luis Ortega #1184")),
                        List.of(told("k9_arrived", "2025-03-15T00:06", "narrative", "narrative.pdf", "Deputy Keel arrived at approximately 0006 hrs.", "Deputy Keel"))),
                doc("k9.docx", "Deputy Morgan Keel #2217", List.of(person("Deputy Morgan Keel", "2217", "k9.docx", "Handler Deputy Morgan Keel #2217")),
                        List.of(told("k9_arrived", "2025-03-15T00:14", "narrative", "k9.docx", "On scene 0014 hrs.", null))));
        assertEquals(List.of(), run(facts));
    }
}
