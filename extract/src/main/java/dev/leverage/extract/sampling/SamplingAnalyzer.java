package dev.leverage.extract.sampling;

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
            if (c.unitsTotal() == null || c.unitsTested() == null || c.unitsTested() >= c.unitsTotal()) continue;
            int bigN = c.unitsTotal(), n = c.unitsTested();
            int neg = c.negativesInSample() == null ? 0 : c.negativesInSample();
            int minPositive = SamplingCalculator.minPositiveUnits(bigN, n, neg, confidence);
            double bayesLower = SamplingCalculator.bayesianLowerProportion(n, confidence);
            SamplingCalculator.WeightInterval wi = c.unitWeightsG().size() == n && n >= 2
                    ? SamplingCalculator.totalWeight(c.unitWeightsG(), bigN, confidence) : null;
            Double lower = wi == null ? null : round(wi.lower());
            Double provenLower = wi == null ? null : round(Math.max(0, minPositive * (wi.mean() - wi.t() * wi.sd() / Math.sqrt(n) * Math.sqrt(1 - (double) n / bigN))));
            String substance = c.substance() == null ? "the substance" : c.substance();
            Threshold crossed = null;
            if (c.reportedTotalG() != null && c.substance() != null) {
                for (Threshold t : thresholds.forSubstance(c.substance())) if (c.reportedTotalG() >= t.grams()) crossed = t;
            }
            boolean lowerCrosses = crossed != null && lower != null && lower >= crossed.grams();
            Severity sev = crossed != null && !lowerCrosses ? Severity.HIGH : crossed != null ? Severity.MEDIUM : Severity.LOW;
            String item = c.item() == null ? "the seizure" : "Item " + c.item();
            int pct = (int) Math.round(confidence * 100);

            StringBuilder why = new StringBuilder();
            why.append("The lab analysed ").append(n).append(" of ").append(bigN).append(" units of ").append(item)
                    .append(" and reports ").append(substance).append(" for all of them");
            if (c.reportedTotalG() != null) {
                why.append(" with a total net weight of ").append(fmt(c.reportedTotalG())).append(" g")
                        .append(c.totalIsEstimated() ? " (estimated/extrapolated)" : "");
            }
            why.append(". With every analysed unit positive, the sample proves at ").append(pct).append("% confidence only that at least ")
                    .append(minPositive).append(" of the ").append(bigN).append(" units contain ").append(substance)
                    .append(" (hypergeometric; the Bayesian figure is a positive proportion of at least ")
                    .append(Math.round(bayesLower * 1000) / 10.0).append("%). ");
            if (wi != null) {
                why.append("From the ").append(n).append(" individual net weights (mean ").append(fmt(wi.mean())).append(" g, s = ")
                        .append(fmt(wi.sd())).append(" g) the ").append(pct).append("% interval for the total of all ").append(bigN)
                        .append(" units is ").append(fmt(wi.lower())).append(" to ").append(fmt(wi.upper())).append(" g (t = ")
                        .append(fmt(wi.t())).append(", finite-population correction). Counting only the units the sample proves positive, the lower bound is ")
                        .append(fmt(provenLower)).append(" g. ");
            } else if (c.reportedTotalG() != null) {
                why.append("The report gives no individual unit weights, so the extrapolated total cannot be given any interval: the report states a total its own data cannot bound. ");
            }
            if (crossed != null) {
                why.append("The reported figure crosses the ").append(fmt(crossed.grams())).append(" g threshold of ").append(crossed.table())
                        .append(" (").append(crossed.consequence()).append(")");
                if (lower != null) why.append(lowerCrosses ? " and so does the supported lower bound." : "; the lower bound the sample supports does not.");
                else why.append("; without unit weights the sample does not show that it does.");
                why.append(" ");
            }
            if (c.selection() != null && !c.selection().equals("random") && !c.selection().contains("hypergeometric")) {
                why.append("The report says the units were \"").append(c.selection()).append("\", not chosen at random, so even these figures assume more than the lab did. ");
            }
            why.append("Compare State v. Carpenter (Minn. Ct. App. 2017) and Ross v. State (Fla. 3d DCA 1988), where extrapolation from a few units failed to prove the charged weight.");

            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("item", item);
            facts.put("substance", c.substance());
            facts.put("units_total", bigN);
            facts.put("units_tested", n);
            facts.put("tested_weight_g", c.testedWeightG());
            facts.put("reported_total_weight_g", c.reportedTotalG());
            facts.put("confidence", confidence);
            facts.put("min_positive_units", minPositive);
            facts.put("bayesian_min_proportion", Math.round(bayesLower * 10000) / 10000.0);
            facts.put("weight_lower_bound_g", lower);
            facts.put("weight_upper_bound_g", wi == null ? null : round(wi.upper()));
            facts.put("proven_weight_lower_bound_g", provenLower);
            facts.put("unit_weights_g", c.unitWeightsG());
            facts.put("selection", c.selection());
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
            out.add(new Finding("sampling-" + item.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), "sampling_extrapolation",
                    "extrapolated_weight", sev, title, why.toString().strip(),
                    "Move to compel testing and individual weighing of every unit (or a documented random sampling plan large enough "
                            + "for the claim); retain a defense chemist; challenge the weight finding for the "
                            + (crossed != null ? crossed.table() : "charged") + " bracket.",
                    facts, c.citations()));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
