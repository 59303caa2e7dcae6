package dev.leverage.extract;

import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document extractor on small documents in other agencies' formats: narrative, CAD table, transcript. */
class TimelineExtractionTest {
    static final DocumentExtractor extractor = new DocumentExtractor(TrainedModels.load(null), Thresholds.load(null));

    static Document doc(String type, Page... pages) {
        return new Document("id-" + type, type + ".pdf", "sha", type, "application/pdf", Map.of(), List.of(pages), null);
    }

    static TimedEvent event(DocumentFacts f, String kind) {
        return f.events().stream().filter(e -> e.event().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + f.events()));
    }

    @Test
    void narrativeTimesGetTheirDateAndRollOverMidnight() {
        Page p1 = new Page(1, """
                LAKE COUNTY SHERIFF'S OFFICE - NARRATIVE
                Report Date: 09/30/2024
                On the night of 09/27/2024 and 09/28/2024 I was assigned to patrol District 4. At 2351 hrs I stopped a white Ford Escape on
                County Road 12 for an expired registration. At 2358 hrs I requested a K9 unit to respond.
                Printed 10/02/2024 08:44 by MTRAN
                """, null, false, List.of());
        Page p2 = new Page(2, """
                LAKE COUNTY SHERIFF'S OFFICE - NARRATIVE
                At approximately 0009 hrs Deputy Sam Arbogast arrived with K9 Rex. At 0013 hrs I issued the driver a written warning.
                Printed 10/02/2024 08:44 by MTRAN
                """, null, false, List.of());
        DocumentFacts f = extractor.extract(doc("police_report", p1, p2));
        assertEquals(LocalDateTime.of(2024, 9, 27, 23, 51), event(f, "stop_initiated").time());
        assertEquals(LocalDateTime.of(2024, 9, 27, 23, 58), event(f, "k9_requested").time());
        TimedEvent arrived = event(f, "k9_arrived");
        assertEquals(LocalDateTime.of(2024, 9, 28, 0, 9), arrived.time(), "the print stamp of 10/02 does not date the events");
        assertTrue(arrived.approximate());
        assertEquals(LocalDateTime.of(2024, 9, 28, 0, 13), event(f, "warning_issued").time());
        assertTrue(f.events().stream().noneMatch(e -> e.time().getMonthValue() == 10), f.events().toString());
    }

    @Test
    void cadTableWithSeparateDateAndHhmmssColumns() {
        Page.Table t = new Page.Table(List.of(
                List.of("Date", "Time", "Unit", "Status", "Comments"),
                List.of("07/04/2024", "231502", "3A12 (WEBER)", "TRAFFIC STOP", "BLK HONDA CIVIC"),
                List.of("07/04/2024", "233947", "K9-4 (DIAZ)", "ON SCENE", ""),
                List.of("07/05/2024", "000310", "3A12", "ARREST", "1 IN CUSTODY")));
        Page p = new Page(1, "CAD INCIDENT DETAIL", null, false, List.of(t));
        DocumentFacts f = extractor.extract(doc("cad_log", p));
        assertEquals(LocalDateTime.of(2024, 7, 4, 23, 15, 2), event(f, "stop_initiated").time());
        TimedEvent k9 = event(f, "k9_arrived");
        assertEquals(LocalDateTime.of(2024, 7, 4, 23, 39, 47), k9.time());
        assertEquals("Diaz", k9.actor().replaceAll(".* ", ""), "the unit's officer is the actor");
        assertEquals(LocalDateTime.of(2024, 7, 5, 0, 3, 10), event(f, "arrest").time());
    }

    @Test
    void transcriptOffsetsFromTheRecordingStart() {
        Page p = new Page(1, """
                AXON BODY 3 - TRANSCRIPT
                Recording start: 02/11/2024 21:40:05
                [00:00:03] TPR. HOLLIS: (radio) 6-Sam-4, traffic stop, I-90 westbound at 212.
                [00:12:40] TPR. HOLLIS: You have the right to remain silent. Anything you say can be used against you.
                """, null, false, List.of());
        DocumentFacts f = extractor.extract(doc("bodycam_transcript", p));
        assertEquals(LocalDateTime.of(2024, 2, 11, 21, 52, 45), event(f, "miranda").time());
        assertEquals("transcript", event(f, "miranda").source());
    }

    @Test
    void custodyFromATableWithAnyHeaderWording() {
        Page.Table t = new Page.Table(List.of(
                List.of("Item #", "Date/Time", "Released By", "Received By", "Reason"),
                List.of("3", "08/14/2024 0212", "Ofc. P. Nakamura #771", "Ofc. P. Nakamura #771", "Seized"),
                List.of("3", "08/15/2024 0930", "Ofc. D. Brennan #802", "ET K. Sato #1190", "Logged")));
        Page p = new Page(1, "PROPERTY RECEIPT", null, false, List.of(t));
        DocumentFacts f = extractor.extract(doc("custody_log", p));
        List<CustodyEvent> c = f.custody();
        assertEquals(2, c.size(), c.toString());
        assertEquals("3", c.get(0).item().replaceAll("\\D", ""));
        assertEquals(LocalDateTime.of(2024, 8, 15, 9, 30), c.get(1).time());
        assertTrue(c.get(1).releasedBy().contains("Brennan"));
        assertTrue(f.mentions().stream().anyMatch(m -> m.type().equals("person") && m.text().contains("Sato")));
    }

    @Test
    void noEventsFromChitChatOrDurations() {
        Page p = new Page(1, """
                Recording start: 02/11/2024 21:40:05
                [00:01:10] DRIVER: It's my cousin's car, I just borrowed it.
                [00:01:14] TPR. HOLLIS: Okay.
                Recording end: 02/11/2024 22:10:00 (duration 00:29:55)
                """, null, false, List.of());
        DocumentFacts f = extractor.extract(doc("bodycam_transcript", p));
        assertFalse(f.events().stream().anyMatch(e -> e.citation().quote().contains("duration")), f.events().toString());
        assertTrue(f.events().size() <= 1, "small talk is not a timeline: " + f.events());
    }

    @Test
    void aPlanIsNoEventAndADepartureSaysWhereTheWriterWas() {
        Page p = new Page(1, """
                INVESTIGATIVE REPORT
                Date of report: 07/24/2024
                At 9:52 a.m. I stopped a white cargo van because its doors were marked for tobacco products.
                At 10:09 a.m. I gave the driver the warning and told him he was free to go.
                I departed the Harlan Passport Agency at approximately 2:10 p.m. and drove to the airport, a distance of approximately 38 miles.
                Items 1 and 2 will be submitted to the Digital Forensics Unit for examination.
                """, null, false, List.of());
        DocumentFacts f = extractor.extract(doc("police_report", p));
        assertEquals(LocalDateTime.of(2024, 7, 24, 9, 52), event(f, "stop_initiated").time());
        assertEquals(LocalDateTime.of(2024, 7, 24, 10, 9), event(f, "free_to_go").time());
        assertEquals(LocalDateTime.of(2024, 7, 24, 14, 10), event(f, "departed").time());
        assertTrue(f.events().stream().anyMatch(e -> e.event().equals("distance")), f.events().toString());
        assertFalse(f.events().stream().anyMatch(e -> e.event().equals("lab_submitted")), "a plan is not a submission: " + f.events());
    }

    @Test
    void whatTheSeventhBlindTimelineSetTaught() {
        // a CAD row that tells an act beside a refusal; a unit's officer named in a remark; leaving the scene for HQ
        Page.Table cad = new Page.Table(List.of(
                List.of("Log Date", "Time", "Unit", "Activity", "Details"),
                List.of("06/11/2024", "2:39 PM", "MP14", "SR", "VEH INSPECTION - OPR DECLINED CONSENT"),
                List.of("06/11/2024", "2:40 PM", "PS-31", "ONSC", "PS-31 (Ardoin) on scene Bldg 4410"),
                List.of("06/11/2024", "2:52 PM", "PS-31", "ENRT", "PS-31 clear 4410 enrt HQ w/ evidence")));
        DocumentFacts f = extractor.extract(doc("cad_log", new Page(1, "DISPATCH LOG", null, false, List.of(cad))));
        assertEquals(LocalDateTime.of(2024, 6, 11, 14, 39), event(f, "search").time());
        assertEquals("Ardoin", event(f, "cleared").actor());
        // a clause that starts "On <date>, at <time> a.m.," and goes on past the comma is one sentence; a rights
        // form titled "Advice of Rights" dates the warnings; misspelt verbs; a ticket's bracketed date is no clock
        Page narrative = new Page(1, """
                REPORT OF INVESTIGATION
                Date of report: 05/21/2024
                On April 29, 2024, at approximately 9:30 a.m., U.S. Magistrate Judge Harriet T. Nakashima-Boyd signed
                a search warrant for the store.
                On Wednesday 11/06/2024 I went to the mill. Ticket 24-6617 (11/01/2024) shows a delivery of logs.
                At approximately 1030 hrs I siezed the 14 logs. Pre-array instructions read to witness at 1040 hrs.
                """, null, false, List.of());
        DocumentFacts n = extractor.extract(doc("police_report", narrative));
        assertEquals(LocalDateTime.of(2024, 4, 29, 9, 30), event(n, "warrant_signed").time());
        assertEquals(LocalDateTime.of(2024, 11, 6, 10, 30), event(n, "evidence_seized").time());
        assertTrue(n.events().stream().noneMatch(e -> e.event().equals("miranda")), "a photo array's instructions are no rights warning: " + n.events());
        Page seizure = new Page(1, """
                STATE DIVISION OF FORESTRY
                NOTICE OF SEIZURE AND HOLD -- FOREST PRODUCTS
                Incident No.: FR-24-0177                    Notice No.: SF-0177-H
                Date: 11/06/2024                            Time: 1:40 PM
                """, null, false, List.of());
        assertEquals(LocalDateTime.of(2024, 11, 6, 13, 40), event(extractor.extract(doc("other", seizure)), "evidence_seized").time());
    }
}
