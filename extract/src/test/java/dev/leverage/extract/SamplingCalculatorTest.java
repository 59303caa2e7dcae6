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
