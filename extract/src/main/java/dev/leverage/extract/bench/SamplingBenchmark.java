package dev.leverage.extract.bench;

import dev.leverage.extract.sampling.SamplingCalculator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Times the sampling calculations a report makes for one seizure (the fewest proven positive units, the Bayesian
 * figure, the sample size a claim would need) at the sizes issue 4 names: N up to 100,000 units. Each case runs
 * after a warm-up, many times, and prints the median and the 90th percentile; machines are noisy, so no figure here
 * is an assertion anywhere.
 */
public final class SamplingBenchmark {
    private SamplingBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 51);
    }

    public static void run(PrintStream out, int repetitions) {
        out.println("Sampling calculator, " + repetitions + " runs per case after warm-up (milliseconds)");
        out.println(String.format(Locale.ROOT, "  %-58s %10s %10s %12s", "case", "median", "p90", "answer"));
        int[][] cases = {{100_000, 29, 0}, {100_000, 100, 0}, {100_000, 1_000, 0}, {100_000, 29, 1}, {978, 28, 0}, {50, 4, 0}};
        for (int[] c : cases) {
            int bigN = c[0], n = c[1], x = c[2];
            time(out, "min positive units (hypergeometric) N=" + bigN + " n=" + n + " x=" + x,
                    () -> SamplingCalculator.minPositiveUnits(bigN, n, x, 0.95), repetitions);
            if (x == 0 && n <= 1_000) {
                time(out, "min positive units (Bayesian)       N=" + bigN + " n=" + n,
                        () -> SamplingCalculator.bayesianMinPositiveUnits(bigN, n, 0, 0.95), repetitions);
            }
        }
        time(out, "sample size for 90% at 95%          N=100000", () -> SamplingCalculator.requiredSampleSize(100_000, 0.9, 0.95), repetitions);
    }

    private static void time(PrintStream out, String name, IntSupplier f, int repetitions) {
        for (int i = 0; i < 5; i++) f.getAsInt();
        List<Double> ms = new ArrayList<>();
        int answer = 0;
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            answer = f.getAsInt();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.println(String.format(Locale.ROOT, "  %-58s %10.3f %10.3f %12d", name, s[s.length / 2], s[(int) Math.floor(s.length * 0.9)], answer));
    }
}
