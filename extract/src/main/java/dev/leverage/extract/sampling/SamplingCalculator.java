package dev.leverage.extract.sampling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * What a drug sample proves, by the methods of reference/sampling.md (UNODC ST/NAR/38, ENFSI, SWGDRUG SD-6):
 * the fewest positive units an all-positive (or mostly positive) sample supports (hypergeometric), the Bayesian
 * figure beside it, and the interval for the total net weight from individual unit weights (Student's t with the
 * finite-population correction). Exact in the sense that matters: every probability is a product of ratios of
 * integers, with no normal approximation.
 */
public final class SamplingCalculator {
    private SamplingCalculator() {
    }

    /**
     * P(X &lt;= x) where X is the number of negative units in a sample of n drawn without replacement from N units
     * of which d are negative. A double, for display; decisions at a confidence boundary use {@link #exceeds}.
     */
    public static double hypergeometricCdf(int bigN, int d, int n, int x) {
        double sum = 0;
        for (int k = 0; k <= Math.min(x, Math.min(n, d)); k++) sum += hypergeometricPmf(bigN, d, n, k);
        return Math.min(1.0, sum);
    }

    /** P(X = k): k negatives in the sample, from log-factorials (a display figure, not a boundary decision). */
    public static double hypergeometricPmf(int bigN, int d, int n, int k) {
        if (k < 0 || k > n || k > d || n - k > bigN - d) return 0;
        return Math.exp(logChoose(d, k) + logChoose(bigN - d, n - k) - logChoose(bigN, n));
    }

    /**
     * Whether P(X &lt;= x | N, d, n) &gt; alpha, decided exactly: sum over k of C(d,k) C(N-d,n-k) against
     * alpha C(N,n), in integers, with alpha as the exact decimal it is written as (0.05 is 1/20, not a binary
     * fraction). No rounding can move a unit across the boundary.
     */
    public static boolean exceeds(int bigN, int d, int n, int x, BigDecimal alpha) {
        BigInteger favourable = BigInteger.ZERO;
        for (int k = 0; k <= Math.min(x, Math.min(n, d)); k++) {
            if (n - k > bigN - d) continue;
            favourable = favourable.add(choose(d, k).multiply(choose(bigN - d, n - k)));
        }
        BigInteger all = choose(bigN, n);
        // favourable / all > unscaled / 10^scale  <=>  favourable * 10^scale > unscaled * all
        return favourable.multiply(BigInteger.TEN.pow(alpha.scale())).compareTo(alpha.unscaledValue().multiply(all)) > 0;
    }

    /** C(a, b) exactly. */
    public static BigInteger choose(int a, int b) {
        if (b < 0 || b > a) return BigInteger.ZERO;
        b = Math.min(b, a - b);
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= b; i++) r = r.multiply(BigInteger.valueOf(a - b + i)).divide(BigInteger.valueOf(i));
        return r;
    }

    private static double[] logFactorial = {0};

    /** ln C(a, b) from a table of ln k!, grown on demand. */
    static double logChoose(int a, int b) {
        if (b < 0 || b > a) return Double.NEGATIVE_INFINITY;
        double[] lf = logFactorials(a);
        return lf[a] - lf[b] - lf[a - b];
    }

    private static synchronized double[] logFactorials(int upTo) {
        if (logFactorial.length <= upTo) {
            double[] t = new double[Math.max(upTo + 1, logFactorial.length * 2)];
            System.arraycopy(logFactorial, 0, t, 0, logFactorial.length);
            for (int i = logFactorial.length; i < t.length; i++) t[i] = t[i - 1] + Math.log(i);
            logFactorial = t;
        }
        return logFactorial;
    }

    /**
     * The fewest units of N that the sample proves positive at the given confidence: N - D_max, where D_max is the
     * largest number of negatives for which a sample with at most {@code negativesInSample} negatives still has
     * probability above 1 - confidence. The probability falls as D grows, so D_max is found by bisection on the
     * double figure and then settled by the exact test on each side of the boundary.
     */
    public static int minPositiveUnits(int bigN, int n, int negativesInSample, double confidence) {
        check(bigN, n);
        if (negativesInSample < 0 || negativesInSample > n) throw new IllegalArgumentException("negatives in sample must be 0..n");
        BigDecimal alpha = BigDecimal.ONE.subtract(BigDecimal.valueOf(confidence));
        int lo = negativesInSample, hi = bigN - (n - negativesInSample); // D_max lies in [lo, hi]
        double a = alpha.doubleValue();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (hypergeometricCdf(bigN, mid, n, negativesInSample) > a) lo = mid;
            else hi = mid - 1;
        }
        int dMax = lo;
        // Settle the boundary exactly: move down while the exact test fails, up while the next D still passes.
        while (dMax > negativesInSample && !exceeds(bigN, dMax, n, negativesInSample, alpha)) dMax--;
        while (dMax < bigN - (n - negativesInSample) && exceeds(bigN, dMax + 1, n, negativesInSample, alpha)) dMax++;
        return bigN - dMax;
    }

    /**
     * The sample size a lab needs to claim "at least a proportion k of N units positive with confidence C" when all
     * sampled units are positive. Boundary convention of reference/sampling.md: the claim fails at
     * D = N - ceil(kN) + 1 negatives; the answer is the smallest n with P(all n positive | D) &lt;= 1 - C.
     */
    public static int requiredSampleSize(int bigN, double k, double confidence) {
        BigDecimal kk = BigDecimal.valueOf(k);
        // ceil(k N) exactly, with k as written
        int positives = kk.multiply(BigDecimal.valueOf(bigN)).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        return sampleSizeToExclude(bigN, bigN - positives + 1, confidence);
    }

    /**
     * The smallest n for which an all-positive sample rules out d or more negatives among N at the confidence:
     * P(all n positive | d) &lt;= 1 - C. (jfa's convention for a tolerable rate m is d = ceil(m N).)
     */
    public static int sampleSizeToExclude(int bigN, int d, double confidence) {
        if (d <= 0) return bigN;
        BigDecimal alpha = BigDecimal.ONE.subtract(BigDecimal.valueOf(confidence));
        int lo = 1, hi = bigN - d + 1; // P(all positive) is 0 once n > N - d
        double a = alpha.doubleValue();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hypergeometricPmf(bigN, d, mid, 0) <= a) hi = mid;
            else lo = mid + 1;
        }
        int n = lo;
        while (n > 1 && !exceeds(bigN, d, n - 1, 0, alpha)) n--;
        while (n < bigN && exceeds(bigN, d, n, 0, alpha)) n++;
        return n;
    }

    /** Bayesian (uniform prior) probability that the positive proportion is at least k after n of n positive. */
    public static double bayesianProbabilityAtLeast(double k, int n) {
        return 1 - Math.pow(k, n + 1);
    }

    /** Bayesian lower bound of the positive proportion at the given credibility after n of n positive. */
    public static double bayesianLowerProportion(int n, double confidence) {
        return Math.pow(1 - confidence, 1.0 / (n + 1));
    }

    /**
     * The Bayesian figure for a finite seizure: with every count of positive units 0..N equally likely before
     * testing and all n sampled units positive, the posterior of M positives is proportional to C(M, n), so
     * P(M &lt; m) = C(m, n+1) / C(N+1, n+1) (the hockey-stick identity). Returns the largest m with P(M &gt;= m) at
     * least the confidence, decided exactly. With negatives in the sample the posterior is
     * C(M, n-x) C(N-M, x) and is summed.
     */
    public static int bayesianMinPositiveUnits(int bigN, int n, int negativesInSample, double confidence) {
        check(bigN, n);
        BigDecimal alpha = BigDecimal.ONE.subtract(BigDecimal.valueOf(confidence));
        int x = negativesInSample;
        // weights w(M) = C(M, n-x) C(N-M, x); find the largest m with sum_{M<m} w <= alpha * sum_M w
        BigInteger total = x == 0 ? choose(bigN + 1, n + 1) : BigInteger.ZERO;
        if (x > 0) for (int m = n - x; m <= bigN - x; m++) total = total.add(choose(m, n - x).multiply(choose(bigN - m, x)));
        BigInteger limit = new BigDecimal(total).multiply(alpha).toBigInteger(); // floor(alpha * total)
        if (x == 0) {
            // C(m, n+1) grows with m: bisection on the exact figure
            int lo = n, hi = bigN + 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (new BigDecimal(choose(mid, n + 1)).compareTo(new BigDecimal(total).multiply(alpha)) <= 0) lo = mid;
                else hi = mid - 1;
            }
            return lo;
        }
        BigInteger below = BigInteger.ZERO;
        int m = n - x;
        while (m <= bigN - x) {
            BigInteger next = below.add(choose(m, n - x).multiply(choose(bigN - m, x)));
            if (next.compareTo(limit) > 0) break;
            below = next;
            m++;
        }
        return m;
    }

    /** The interval for the total net weight of N units from the individual net weights of a sample. */
    public record WeightInterval(double mean, double sd, double estimate, double standardError, double t,
                                 double lower, double upper) {
    }

    /**
     * Two-sided interval for the total net weight: N*mean +/- t(n-1,(1+C)/2) * N*s/sqrt(n)*sqrt(1-n/N).
     * Null when fewer than two weights are given: with one weight there is no spread to bound with.
     */
    public static WeightInterval totalWeight(List<Double> weights, int bigN, double confidence) {
        int n = weights.size();
        if (n < 2 || bigN < n) return null;
        double mean = weights.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = weights.stream().mapToDouble(w -> (w - mean) * (w - mean)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        double estimate = bigN * mean;
        double se = bigN * sd / Math.sqrt(n) * Math.sqrt(1 - (double) n / bigN);
        double t = studentTQuantile((1 + confidence) / 2, n - 1);
        return new WeightInterval(mean, sd, estimate, se, t, estimate - t * se, estimate + t * se);
    }

    /** The p-quantile of Student's t with df degrees of freedom (bisection on the exact CDF). */
    public static double studentTQuantile(double p, int df) {
        double lo = -1000, hi = 1000;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (studentTCdf(mid, df) < p) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** CDF of Student's t via the regularized incomplete beta function. */
    public static double studentTCdf(double t, int df) {
        double x = df / (df + t * t);
        double ib = regularizedIncompleteBeta(x, df / 2.0, 0.5);
        return t >= 0 ? 1 - ib / 2 : ib / 2;
    }

    static double regularizedIncompleteBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double bt = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) return bt * betaContinuedFraction(x, a, b) / a;
        return 1 - bt * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        if (Math.abs(d) < 1e-300) d = 1e-300;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < 1e-300) d = 1e-300;
            c = 1 + aa / c;
            if (Math.abs(c) < 1e-300) c = 1e-300;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < 1e-300) d = 1e-300;
            c = 1 + aa / c;
            if (Math.abs(c) < 1e-300) c = 1e-300;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) break;
        }
        return h;
    }

    /** Lanczos approximation of ln Gamma(x), accurate to ~1e-15 for x &gt; 0. */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += g[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    private static void check(int bigN, int n) {
        if (n < 1 || bigN < n) throw new IllegalArgumentException("need 1 <= n <= N, got n=" + n + " N=" + bigN);
    }
}
