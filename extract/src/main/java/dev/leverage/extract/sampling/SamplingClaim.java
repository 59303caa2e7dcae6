package dev.leverage.extract.sampling;

import dev.leverage.extract.Citation;

import java.util.List;

/**
 * What a document says about one sampled item: units received and analysed, the individual and combined weights
 * of the analysed units, the total it reports and how (net or gross; measured, estimated, extrapolated or
 * approximate), the stated uncertainty and its confidence, the substance, how units were chosen and whether they
 * were combined before testing, and whether identity rests on a field test alone. Fields the document does not
 * state are null.
 *
 * @param reportedKind  "net" or "gross" as the report writes the total, or null
 * @param reportedBasis "measured", "estimated", "extrapolated", "approximate" or "calculated", or null
 * @param selection     "random", "hypergeometric", "representative" or "selected", or null when not stated
 * @param weighedWithPackaging the report says the units were weighed in their packaging (a "net" figure that is gross)
 * @param conclusionLimited    the report confines its conclusion to the units analysed and states no total
 */
public record SamplingClaim(String item, String substance, Integer unitsTotal, Integer unitsTested,
                            Integer negativesInSample, List<Double> unitWeightsG, Double testedWeightG,
                            Double reportedTotalG, String reportedKind, String reportedBasis, String selection,
                            boolean fieldTestOnly, boolean commingled, Double uncertaintyG, Double confidence,
                            boolean weighedWithPackaging, boolean conclusionLimited, List<Citation> citations) {
    public SamplingClaim {
        unitWeightsG = unitWeightsG == null ? List.of() : List.copyOf(unitWeightsG);
        citations = List.copyOf(citations);
    }

    public boolean totalIsGross() {
        return "gross".equals(reportedKind);
    }

    public boolean totalIsEstimated() {
        return reportedBasis != null && !reportedBasis.equals("measured");
    }

    /** Fewer units analysed than received. */
    public boolean sampled() {
        return unitsTotal != null && unitsTested != null && unitsTested < unitsTotal;
    }
}
