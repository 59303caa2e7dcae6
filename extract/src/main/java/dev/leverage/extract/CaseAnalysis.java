package dev.leverage.extract;

import dev.leverage.extract.custody.CustodyAnalyzer;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.people.PersonRegistry;
import dev.leverage.extract.sampling.SamplingAnalyzer;
import dev.leverage.extract.sampling.SamplingClaim;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.timeline.TimelineAnalyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case analyzers run once a case's documents are in: custody, sampling and timeline, plus the cast of people.
 * Works on extracted facts alone, so it can rerun from the index.
 */
public final class CaseAnalysis {
    /** The analysis of one case. */
    public record Result(List<Finding> findings, List<TimedEvent> timeline, PersonRegistry people,
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
        findings.addAll(custody.analyze(ce));
        findings.addAll(sampling.analyze(sc));
        findings.addAll(timeline.analyze(te));
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::type).thenComparing(Finding::id));
        return new Result(findings, timeline.chronology(te), PersonRegistry.resolve(mentions), custody.chains(ce));
    }
}
