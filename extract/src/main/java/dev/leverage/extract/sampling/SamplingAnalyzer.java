package dev.leverage.extract.sampling;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Finding;
import dev.leverage.extract.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a lab's sampling claim into what the sample actually proves: the fewest positive units (hypergeometric,
 * with the Bayesian figure beside it), the interval for the total weight, and whether the supported lower bound
 * still crosses the quantity bracket the reported figure crosses.
 */
public final class SamplingAnalyzer {
    private final Thresholds thresholds;
    private final double confidence;

    public SamplingAnalyzer(Thresholds thresholds, double confidence) {
        this.thresholds = thresholds;
        this.confidence = confidence;
    }

    public List<Finding> analyze(List<SamplingClaim> claims) {
        List<Finding> out = new ArrayList<>();
        for (SamplingClaim c : claims) {
            if (c.sampled() && !c.conclusionLimited()) {
                out.add(extrapolation(c));
                continue;
            }
            String item = c.item() == null ? "the seizure" : "Item " + c.item();
            // A field test stands alone only when no other record of the item confirms it in a laboratory.
            boolean confirmedElsewhere = otherRecordOfItem(claims, c, o -> o.substance() != null);
            if (c.fieldTestOnly() && !confirmedElsewhere) {
                out.add(flag(c, "field_test_only", Severity.HIGH, item + ": identity rests on a field test alone",
                        "The only identification of " + item + (c.substance() == null ? "" : " as " + c.substance()) + " is a presumptive colour "
                                + "(field) test. Colour reagents react with many lawful substances; no laboratory confirmation (GC-MS, FTIR) is in the "
                                + "documents, so identity and any weight built on it are unproven.",
                        "Demand the laboratory analysis or move to exclude the identification; ask for the field-test kit's lot, instructions and the officer's training."));
            }
            // A submitting officer's gross weight is superseded by the laboratory's own weighing of the item.
            boolean weighedByLab = otherRecordOfItem(claims, c, o -> o.reportedTotalG() != null && !o.totalIsGross());
            if (c.totalIsGross() && c.reportedTotalG() != null && !weighedByLab) {
                out.add(flag(c, "gross_weight", Severity.MEDIUM, item + ": the weight reported is gross, with packaging",
                        "The report gives " + fmt(c.reportedTotalG()) + " g as a gross weight, which includes the packaging. Quantity thresholds are "
                                + "measured on the substance (net); a gross figure overstates it by the weight of every bag, wrapper and container.",
                        "Demand the net weight of the substance and the packaging weights; challenge any bracket computed from the gross figure."));
            }
            if (c.weighedWithPackaging() && "net".equals(c.reportedKind()) && c.reportedTotalG() != null) {
                out.add(flag(c, "gross_as_net", Severity.HIGH, item + ": a \"net\" weight taken with the packaging",
                        "The report calls " + fmt(c.reportedTotalG()) + " g the net weight of " + item + ", but says the units were weighed in "
                                + "their packaging. That is a gross weight: it overstates the substance by every bag's weight, and a quantity "
                                + "threshold is measured on the substance.",
                        "Demand the bench notes, the packaging weights and a true net weight; challenge any bracket computed from this figure."));
            }
            if (c.commingled()) {
                out.add(flag(c, "commingled", Severity.HIGH, item + ": units combined before testing",
                        "The units of " + item + " were combined before they were tested. Once commingled, no test can show that each unit "
                                + "contained the substance, and the combined weight cannot prove the weight of the substance (Greenwade v. State, "
                                + "Fla. 2013, adopting Ross v. State, Fla. 3d DCA 1988: each packet must be tested before commingling).",
                        "Move to exclude the weight finding; demand the bench notes that record how and when the units were combined."));
            }
        }
        return out;
    }

    /** Whether another record of the same item, not a field test alone, says what the predicate asks. */
    private static boolean otherRecordOfItem(List<SamplingClaim> claims, SamplingClaim c, java.util.function.Predicate<SamplingClaim> says) {
        return claims.stream().anyMatch(o -> o != c && java.util.Objects.equals(o.item(), c.item()) && !o.fieldTestOnly() && says.test(o));
    }

    private Finding flag(SamplingClaim c, String kind, Severity severity, String title, String why, String action) {
        Map<String, Object> facts = baseFacts(c);
        facts.put("kind", kind);
        String item = c.item() == null ? "seizure" : "item" + c.item();
        return new Finding("sampling-" + kind.replace('_', '-') + "-" + Prefilter.replaceAll(item, "[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT),
                "sampling_extrapolation", kind, severity, title, why, action, facts, c.citations());
    }

    private Map<String, Object> baseFacts(SamplingClaim c) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("item", c.item() == null ? "the seizure" : "Item " + c.item());
        facts.put("substance", c.substance());
        facts.put("units_total", c.unitsTotal());
        facts.put("units_tested", c.unitsTested());
        facts.put("tested_weight_g", c.testedWeightG());
        facts.put("reported_total_weight_g", c.reportedTotalG());
        facts.put("reported_weight_kind", c.reportedKind());
        facts.put("reported_weight_basis", c.reportedBasis());
        facts.put("confidence", confidence);
        facts.put("min_positive_units", null);
        facts.put("weight_lower_bound_g", null);
        facts.put("selection", c.selection());
        return facts;
    }

    /** The thresholds of a substance as the tables name it ("cocaine hydrochloride" is powder cocaine). */
    private List<Threshold> thresholdsFor(String substance) {
        if (substance == null) return List.of();
        List<Threshold> t = thresholds.forSubstance(substance);
        if (t.isEmpty() && substance.startsWith("cocaine") && !substance.equals("cocaine base")) t = thresholds.forSubstance("cocaine");
        return t;
    }

    private Finding extrapolation(SamplingClaim c) {
        int bigN = c.unitsTotal(), n = c.unitsTested();
        int neg = c.negativesInSample() == null ? 0 : c.negativesInSample();
        int minPositive = SamplingCalculator.minPositiveUnits(bigN, n, neg, confidence);
        int bayesMin = SamplingCalculator.bayesianMinPositiveUnits(bigN, n, neg, confidence);
        SamplingCalculator.WeightInterval wi = c.unitWeightsG().size() == n && n >= 2 && !c.commingled()
                ? SamplingCalculator.totalWeight(c.unitWeightsG(), bigN, confidence) : null;
        Double lower = wi == null ? null : round(wi.lower());
        Double provenLower = wi == null ? null : round(Math.max(0, minPositive * (wi.mean() - wi.t() * wi.sd() / Math.sqrt(n) * Math.sqrt(1 - (double) n / bigN))));
        String substance = c.substance() == null ? "the substance" : c.substance();
        Threshold crossed = null;
        if (c.reportedTotalG() != null) {
            for (Threshold t : thresholdsFor(c.substance())) if (c.reportedTotalG() >= t.grams()) crossed = t;
        }
        boolean lowerCrosses = crossed != null && lower != null && lower >= crossed.grams();
        boolean weakSelection = c.selection() != null && !c.selection().equals("random") && !c.selection().equals("hypergeometric");
        Severity sev = crossed != null && !lowerCrosses || n == 1 || c.commingled() || c.fieldTestOnly() ? Severity.HIGH
                : crossed != null || c.reportedTotalG() != null || weakSelection ? Severity.MEDIUM : Severity.LOW;
        String item = c.item() == null ? "the seizure" : "Item " + c.item();
        int pct = (int) Math.round(confidence * 100);

        StringBuilder why = new StringBuilder();
        why.append("The lab analysed ").append(n).append(" of ").append(bigN).append(" units of ").append(item)
                .append(" and reports ").append(substance).append(" for all of them");
        if (c.reportedTotalG() != null) {
            why.append(" with a total ").append(c.reportedKind() == null ? "" : c.reportedKind() + " ").append("weight of ").append(fmt(c.reportedTotalG())).append(" g")
                    .append(c.totalIsEstimated() ? " (" + c.reportedBasis() + ")" : "");
        }
        why.append(". With every analysed unit positive, the sample proves at ").append(pct).append("% confidence only that at least ")
                .append(minPositive).append(" of the ").append(bigN).append(" units contain ").append(substance)
                .append(" (hypergeometric; the Bayesian figure with a uniform prior is ").append(bayesMin).append(" units). ");
        if (n == 1) why.append("Identity and purity of every unit rest on the one unit tested. ");
        if (wi != null) {
            why.append("From the ").append(n).append(" individual net weights (mean ").append(fmt(wi.mean())).append(" g, s = ")
                    .append(fmt(wi.sd())).append(" g) the ").append(pct).append("% interval for the total of all ").append(bigN)
                    .append(" units is ").append(fmt(wi.lower())).append(" to ").append(fmt(wi.upper())).append(" g (t = ")
                    .append(fmt(wi.t())).append(", finite-population correction). Counting only the units the sample proves positive, the lower bound is ")
                    .append(fmt(provenLower)).append(" g. ");
        } else if (c.reportedTotalG() != null) {
            why.append("The report gives no individual unit weights, so the total cannot be bounded: the report states a total its own data cannot support with any interval. ");
        }
        if (c.totalIsGross()) why.append("The total is a gross weight, packaging included. ");
        if (c.commingled()) why.append("The units were combined before testing, so no unit's content or weight can be shown on its own (Greenwade v. State, Fla. 2013). ");
        if (c.fieldTestOnly()) why.append("Identity rests on a field colour test with no laboratory confirmation. ");
        if (crossed != null) {
            why.append("The reported figure crosses the ").append(fmt(crossed.grams())).append(" g threshold of ").append(crossed.table())
                    .append(" (").append(crossed.consequence()).append(")");
            if (lower != null) why.append(lowerCrosses ? " and so does the supported lower bound." : "; the lower bound the sample supports does not.");
            else why.append("; without unit weights the sample does not show that it does.");
            why.append(" ");
        }
        if (weakSelection) {
            why.append("The report says the units were \"").append(c.selection()).append("\", not chosen at random, so even these figures assume more than the lab did. ");
        }
        why.append("Compare State v. Carpenter (Minn. Ct. App. 2017) and Ross v. State (Fla. 3d DCA 1988), where extrapolation from a few units failed to prove the charged weight; United States v. McCutchen (3d Cir. 1993) shows when it was accepted.");

        Map<String, Object> facts = baseFacts(c);
        facts.put("kind", c.reportedTotalG() != null ? "extrapolated_weight" : "extrapolated_identity");
        facts.put("min_positive_units", minPositive);
        facts.put("bayesian_min_positive_units", bayesMin);
        facts.put("weight_lower_bound_g", lower);
        facts.put("weight_upper_bound_g", wi == null ? null : round(wi.upper()));
        facts.put("proven_weight_lower_bound_g", provenLower);
        facts.put("unit_weights_g", c.unitWeightsG());
        List<String> flags = new ArrayList<>();
        if (n == 1) flags.add("single_unit_identity");
        if (weakSelection) flags.add("not_random");
        if (c.totalIsGross()) flags.add("gross_weight");
        if (c.commingled()) flags.add("commingled");
        if (c.fieldTestOnly()) flags.add("field_test_only");
        if (wi == null && c.reportedTotalG() != null) flags.add("total_not_bounded");
        facts.put("flags", flags);
        if (crossed != null) {
            Map<String, Object> th = new LinkedHashMap<>();
            th.put("name", crossed.table() + " " + crossed.substance() + " " + fmt(crossed.grams()) + " g");
            th.put("grams", crossed.grams());
            th.put("point_estimate_crosses", true);
            th.put("lower_bound_crosses", lowerCrosses);
            th.put("consequence", crossed.consequence());
            facts.put("threshold", th);
        }
        String title = item + ": " + n + " of " + bigN + " units tested; "
                + (crossed != null && !lowerCrosses ? "the sample does not prove the " + fmt(crossed.grams()) + " g threshold"
                : "identity and weight extrapolated to all units");
        return new Finding("sampling-" + Prefilter.replaceAll(item.toLowerCase(Locale.ROOT), "[^a-z0-9]", ""), "sampling_extrapolation",
                (String) facts.get("kind"), sev, title, why.toString().strip(),
                "Move to compel testing and individual weighing of every unit (or a documented random sampling plan large enough "
                        + "for the claim) and the bench notes and balance records; retain a defense chemist; challenge the weight finding for the "
                        + (crossed != null ? crossed.table() : "charged") + " bracket.",
                facts, c.citations());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
