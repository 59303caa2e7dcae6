package dev.leverage.extract.sampling;

import dev.leverage.extract.Citation;

import java.util.List;

/**
 * What a lab document says about a sampled seizure: units received and analysed, the individual and combined
 * weights of the analysed units, the total it reports and how, the substance and how units were chosen. Fields
 * the document does not state are null.
 */
public record SamplingClaim(String item, String substance, Integer unitsTotal, Integer unitsTested,
                            Integer negativesInSample, List<Double> unitWeightsG, Double testedWeightG,
                            Double reportedTotalG, boolean totalIsGross, boolean totalIsEstimated,
                            String selection, boolean fieldTestOnly, Double uncertaintyG, List<Citation> citations) {
    public SamplingClaim {
        unitWeightsG = unitWeightsG == null ? List.of() : List.copyOf(unitWeightsG);
        citations = List.copyOf(citations);
    }
}
