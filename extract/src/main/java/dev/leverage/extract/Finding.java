package dev.leverage.extract;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One weak point in the state's evidence, pinned to the pages it rests on.
 *
 * @param id              stable id within the case (type, kind and subject), so reruns give the same ids
 * @param type            custody_gap | sampling_extrapolation | timeline_inconsistency | ...
 * @param kind            the sub-kind (unaccounted_interval, sequence_violation, ...)
 * @param severity        how much it is likely to matter
 * @param title           one line
 * @param explanation     plain-language reasoning a lawyer can read
 * @param suggestedAction what to do about it
 * @param facts           type-specific structured facts (see report.schema.json)
 * @param citations       at least one page the finding rests on
 */
public record Finding(String id, String type, String kind, Severity severity, String title, String explanation,
                      String suggestedAction, Map<String, Object> facts, List<Citation> citations) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        facts = Map.copyOf(facts.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        citations = List.copyOf(citations);
        if (citations.isEmpty()) throw new IllegalArgumentException("a finding cites at least one page");
    }
}
