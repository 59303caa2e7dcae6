package dev.leverage.extract;

import dev.leverage.extract.sampling.SamplingCalculator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Check values from reference/sampling.md. */
class SamplingCalculatorTest {
    @Test
    void requiredSampleSizesMatchPublishedValues() {
        assertEquals(28, SamplingCalculator.requiredSampleSize(978, 0.9, 0.95));
        assertEquals(23, SamplingCalculator.requiredSampleSize(100, 0.9, 0.95));
        assertEquals(12, SamplingCalculator.requiredSampleSize(20, 0.9, 0.95));
        assertEquals(3, SamplingCalculator.requiredSampleSize(10, 0.5, 0.95));
    }

    @Test
    void jfaValuesUnderItsOwnConvention() {
        // jfa tests D = ceil(m N): N = 1000, m = 0.05 needs 57; N = 10000 needs 59
        assertEquals(57, SamplingCalculator.sampleSizeToExclude(1000, 50, 0.95));
        assertEquals(59, SamplingCalculator.sampleSizeToExclude(10000, 500, 0.95));
    }

    /** Brute force: every D for small N, the probability as an exact fraction of binomial coefficients. */
    @Test
    void minPositiveUnitsAgreesWithEnumerationForSmallN() {
        for (int bigN = 1; bigN <= 40; bigN++) {
            for (int n = 1; n <= bigN; n++) {
                for (int x = 0; x <= Math.min(n, 2); x++) {
                    for (double conf : new double[]{0.9, 0.95, 0.99}) {
                        int dMax = x;
                        java.math.BigInteger all = SamplingCalculator.choose(bigN, n);
                        for (int d = x; d <= bigN - (n - x); d++) {
                            java.math.BigInteger fav = java.math.BigInteger.ZERO;
                            for (int k = 0; k <= x; k++) fav = fav.add(SamplingCalculator.choose(d, k).multiply(SamplingCalculator.choose(bigN - d, n - k)));
                            // fav / all > 1 - conf, with 1 - conf as an exact decimal
                            java.math.BigDecimal p = new java.math.BigDecimal(fav).divide(new java.math.BigDecimal(all), 60, java.math.RoundingMode.HALF_EVEN);
                            if (p.compareTo(java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(conf))) > 0) dMax = d;
                        }
                        assertEquals(bigN - dMax, SamplingCalculator.minPositiveUnits(bigN, n, x, conf), "N=" + bigN + " n=" + n + " x=" + x + " C=" + conf);
                    }
                }
            }
        }
    }

    @Test
    void exactAtTheEdgesOfLargeSeizures() {
        // N = 100,000: an all-positive sample of 29 proves at least ~90 % (the double figure and the exact one agree
        // on the side of the boundary); no overflow at n = N.
        int min = SamplingCalculator.minPositiveUnits(100_000, 29, 0, 0.95);
        int dMax = 100_000 - min;
        java.math.BigDecimal alpha = new java.math.BigDecimal("0.05");
        assertEquals(true, SamplingCalculator.exceeds(100_000, dMax, 29, 0, alpha));
        assertEquals(false, SamplingCalculator.exceeds(100_000, dMax + 1, 29, 0, alpha));
        assertEquals(100_000, SamplingCalculator.minPositiveUnits(100_000, 100_000, 0, 0.95));
        assertEquals(1, SamplingCalculator.minPositiveUnits(100_000, 1, 0, 0.95) > 0 ? 1 : 0);
        // The Bayesian finite-population figure sits beside the hypergeometric one and is never below zero units.
        int bayes = SamplingCalculator.bayesianMinPositiveUnits(100_000, 29, 0, 0.95);
        assertEquals(true, bayes > 0 && bayes <= 100_000);
    }

    @Test
    void bayesianFigureForSmallSeizuresByEnumeration() {
        // Uniform prior on M positives of N, all n positive: posterior ~ C(M, n). Check against a direct sum.
        for (int bigN = 2; bigN <= 30; bigN++) {
            for (int n = 1; n <= bigN; n++) {
                java.math.BigInteger total = java.math.BigInteger.ZERO;
                for (int m = 0; m <= bigN; m++) total = total.add(SamplingCalculator.choose(m, n));
                int best = n;
                java.math.BigInteger below = java.math.BigInteger.ZERO;
                for (int m = 0; m <= bigN; m++) {
                    // P(M < m) <= 0.05  <=>  20 * below <= total
                    if (below.multiply(java.math.BigInteger.valueOf(20)).compareTo(total) <= 0) best = m;
                    below = below.add(SamplingCalculator.choose(m, n));
                }
                assertEquals(best, SamplingCalculator.bayesianMinPositiveUnits(bigN, n, 0, 0.95), "N=" + bigN + " n=" + n);
            }
        }
    }

    @Test
    void tQuantileAndWeightInterval() {
        assertEquals(3.182, SamplingCalculator.studentTQuantile(0.975, 3), 1e-3);
        assertEquals(2.262, SamplingCalculator.studentTQuantile(0.975, 9), 1e-3);
        var wi = SamplingCalculator.totalWeight(List.of(0.61, 0.58, 0.66, 0.55), 50, 0.95);
        assertEquals(30.0, wi.estimate(), 1e-9);
        assertEquals(26.42, wi.lower(), 0.01);
    }

    @Test
    void fewestPositiveUnitsOfAnAllPositiveSample() {
        // 4 of 50 all positive: P(all 4 positive | D negatives) stays above 5% up to D_max
        int min = SamplingCalculator.minPositiveUnits(50, 4, 0, 0.95);
        int dMax = 50 - min;
        assertEquals(true, SamplingCalculator.hypergeometricPmf(50, dMax, 4, 0) > 0.05);
        assertEquals(true, SamplingCalculator.hypergeometricPmf(50, dMax + 1, 4, 0) <= 0.05);
    }
}
