package dev.leverage.extract;

import dev.leverage.extract.custody.CustodyAnalyzer;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.discovery.DiscoveryGapAnalyzer;
import dev.leverage.extract.people.PersonRegistry;
import dev.leverage.extract.people.WitnessInconsistencies;
import dev.leverage.extract.sampling.SamplingAnalyzer;
import dev.leverage.extract.sampling.SamplingClaim;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.extract.timeline.CaseEvent;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.custody.Handlers;
import dev.leverage.extract.timeline.TimelineAnalyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case analyzers run once a case's documents are in: custody, sampling, timeline, witnesses and discovery gaps,
 * plus the cast of people.
 * Works on extracted facts alone, so it can rerun from the index.
 */
public final class CaseAnalysis {
    /** The analysis of one case. */
    public record Result(List<Finding> findings, List<TimedEvent> timeline, List<CaseEvent> events, PersonRegistry people,
                         java.util.Map<String, List<CustodyAnalyzer.Link>> custodyChains) {
    }

    private final CustodyAnalyzer custody;
    private final SamplingAnalyzer sampling;
    private final TimelineAnalyzer timeline;

    public CaseAnalysis(Thresholds thresholds) {
        this(new CustodyAnalyzer(), new SamplingAnalyzer(thresholds, 0.95), new TimelineAnalyzer());
    }

    public CaseAnalysis(CustodyAnalyzer custody, SamplingAnalyzer sampling, TimelineAnalyzer timeline) {
        this.custody = custody;
        this.sampling = sampling;
        this.timeline = timeline;
    }

    public Result analyze(List<DocumentFacts> facts) {
        return analyze(facts, facts.stream().map(DocumentFacts::path).toList());
    }

    /**
     * @param facts the facts of every indexed document
     * @param files every file of the production, indexed, duplicate or quarantined: a video with no text still counts as produced
     */
    public Result analyze(List<DocumentFacts> facts, List<String> files) {
        List<CustodyEvent> ce = new ArrayList<>();
        List<SamplingClaim> sc = new ArrayList<>();
        List<TimedEvent> te = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        for (DocumentFacts f : facts) {
            ce.addAll(f.custody());
            sc.addAll(f.sampling());
            te.addAll(f.events());
            mentions.addAll(f.mentions());
        }
        List<Finding> findings = new ArrayList<>();
        List<Finding> custodyFindings = custody.analyze(ce);
        findings.addAll(custodyFindings);
        findings.addAll(sampling.analyze(sc));
        te.addAll(custodyTellings(ce));
        findings.addAll(timeline.analyze(te));
        PersonRegistry people = PersonRegistry.resolve(mentions);
        findings.addAll(new WitnessInconsistencies().find(facts, timeline.merge(te), people));
        findings.addAll(new DiscoveryGapAnalyzer().analyze(facts, files, custodyFindings));
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::type).thenComparing(Finding::id));
        return new Result(findings, timeline.chronology(te), timeline.merge(te), people, custody.chains(ce));
    }

    /**
     * Custody records tell timeline events too: a seizure, a booking into the property room, a submission to the
     * lab, the lab's receipt and analysis. Each handler named is placed where the act happened, which is what "one
     * person in two places at once" is measured on.
     */
    public static List<TimedEvent> custodyTellings(List<CustodyEvent> events) {
        List<TimedEvent> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CustodyEvent e : events) {
            if (e.time() == null || e.action() == null) continue;
            String event = switch (e.action()) {
                case "seized" -> "evidence_seized";
                case "stored" -> "evidence_logged";
                case "submitted" -> "lab_submitted";
                case "lab_received" -> "lab_received";
                case "analyzed" -> "lab_analyzed";
                // a carrier's delivery to the lab is the lab's receipt: the submission was the shipping
                case "transfer" -> e.receivedBy() != null && Handlers.isLab(e.receivedBy())
                        ? (e.releasedBy() != null && Handlers.isCarrier(e.releasedBy()) ? "lab_received" : "lab_submitted")
                        : e.receivedBy() != null && Handlers.isSecureStorage(e.receivedBy()) ? "evidence_logged" : null;
                default -> null;
            };
            if (event == null) continue;
            // One row names several items: one telling per row and person.
            for (String who : event.equals("evidence_seized") ? new String[]{e.receivedBy()} : new String[]{e.releasedBy(), e.receivedBy()}) {
                String actor = who == null || Handlers.isBlank(who) || Handlers.isPlace(who) || Handlers.isLab(who) ? null : who;
                if (!seen.add(event + "|" + e.time() + "|" + actor + "|" + e.citation().quote())) continue;
                // A record that gives a day and no time ("Date(s) of analysis: 07/19/2024") is read at midnight.
                boolean dayOnly = e.time().toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
                out.add(new TimedEvent(event, e.time(), false, actor, "custody", e.citation(), dayOnly));
            }
        }
        return out;
    }
}
