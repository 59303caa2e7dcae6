package dev.leverage.extract;

import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.discovery.RecordReference;
import dev.leverage.extract.sampling.SamplingClaim;
import dev.leverage.extract.timeline.TimedEvent;

import java.util.List;

/**
 * Everything extraction found in one document: mentions, timed events, custody records, sampling claims and what it
 * says about records the state holds (references, for the discovery-gap analyzer).
 * The case analyzers work on these alone, so a case can be re-analysed from the index without reparsing; the
 * extractor stamp says which build read them, so facts from another build are read again.
 */
public record DocumentFacts(String documentId, String path, String type, String author, List<Mention> mentions,
                            List<TimedEvent> events, List<CustodyEvent> custody, List<SamplingClaim> sampling,
                            List<RecordReference> references, String extractor) {
    public DocumentFacts {
        mentions = List.copyOf(mentions);
        events = List.copyOf(events);
        custody = List.copyOf(custody);
        sampling = List.copyOf(sampling);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Facts with no record references (documents read by something other than the extractor: tests, benchmarks). */
    public DocumentFacts(String documentId, String path, String type, String author, List<Mention> mentions,
                         List<TimedEvent> events, List<CustodyEvent> custody, List<SamplingClaim> sampling, String extractor) {
        this(documentId, path, type, author, mentions, events, custody, sampling, List.of(), extractor);
    }
}
