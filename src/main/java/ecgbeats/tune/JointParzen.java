package ecgbeats.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A multivariate Parzen estimator over a whole search space (Falkner et al. 2018; Watanabe
 * 2023, §3.3; Optuna's {@code multivariate=True}): one product kernel per observation plus the
 * prior, so that l(x) / g(x) sees how parameters act together, which the independent
 * per-parameter estimators of the original TPE cannot.
 *
 * <p>Numeric parameters use truncated normals in the internal coordinate with Scott's
 * bandwidth 0.15·n^(−1/(d+4))·range, clipped to [range / min(100, n + 2), range]; quantised
 * ones score the mass of their rounding interval. Choices use a distribution that puts a
 * pseudo-count of 1 on the observed category and spreads the prior weight over all of them.
 * The prior kernel is N(mid, range) per numeric parameter and uniform per choice.
 */
final class JointParzen {

    private static final double PRIOR_WEIGHT = 1.0;
    /**
     * Scott's factor: BOHB and Optuna use 0.2; 0.15 had the best mean rank over the three
     * tune-bench functions on seeds 1000–1099 (of 0.05, 0.075, 0.1, 0.15, 0.2), which the
     * published figures (seeds 0–99) were kept apart from.
     */
    private static final double BANDWIDTH = 0.15;

    private final SearchSpace space;
    private final List<Domain> domains;
    /** Kernel weights, normalised. */
    private final double[] weights;
    /** Per kernel, per parameter: the mean (numeric, internal coordinate) or unused. */
    private final double[][] mus;
    private final double[][] sigmas;
    /** Per kernel, per parameter: category probabilities (choices), or null. */
    private final double[][][] categories;

    /**
     * @param observations configurations, oldest first, each with every parameter of the space
     * @param ageWeights   one weight per observation (linear forgetting)
     */
    JointParzen(SearchSpace space, List<Map<String, Object>> observations, double[] ageWeights) {
        this.space = space;
        this.domains = new ArrayList<>(space.domains().values());
        List<String> names = new ArrayList<>(space.domains().keySet());
        int n = observations.size();
        int kernels = n + 1;
        int dims = domains.size();
        weights = new double[kernels];
        mus = new double[kernels][dims];
        sigmas = new double[kernels][dims];
        categories = new double[kernels][dims][];
        double sum = PRIOR_WEIGHT;
        for (int k = 0; k < n; k++) {
            weights[k] = ageWeights[k];
            sum += ageWeights[k];
        }
        weights[n] = PRIOR_WEIGHT;
        for (int k = 0; k < kernels; k++) {
            weights[k] /= sum;
        }
        for (int d = 0; d < dims; d++) {
            Domain domain = domains.get(d);
            if (domain instanceof Domain.Choice c) {
                int m = c.values().size();
                for (int k = 0; k < n; k++) {
                    double[] p = new double[m];
                    java.util.Arrays.fill(p, PRIOR_WEIGHT / kernels);
                    int idx = c.indexOf(observations.get(k).get(names.get(d)));
                    if (idx >= 0) {
                        p[idx] += 1;
                    }
                    normalise(p);
                    categories[k][d] = p;
                }
                double[] uniform = new double[m];
                java.util.Arrays.fill(uniform, 1.0 / m);
                categories[n][d] = uniform;
            } else {
                Domain.Numeric num = (Domain.Numeric) domain;
                double range = num.internalHi() - num.internalLo();
                double scott = BANDWIDTH * Math.pow(Math.max(n, 1), -1.0 / (dims + 4)) * range;
                double sigma = Math.min(range, Math.max(range / Math.min(100.0, n + 2.0), scott));
                for (int k = 0; k < n; k++) {
                    mus[k][d] = num.toInternal(observations.get(k).get(names.get(d)));
                    sigmas[k][d] = Math.max(sigma, 1e-12);
                }
                mus[n][d] = (num.internalLo() + num.internalHi()) / 2;
                sigmas[n][d] = Math.max(range, 1e-12);
            }
        }
    }

    private static void normalise(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= s;
        }
    }

    /** A configuration drawn from the mixture: one kernel, then every parameter from it. */
    Map<String, Object> sample(SplittableRandom random) {
        int k = TpeSampler.draw(weights, random);
        Map<String, Object> out = new LinkedHashMap<>();
        int d = 0;
        for (Map.Entry<String, Domain> e : space.domains().entrySet()) {
            if (e.getValue() instanceof Domain.Choice c) {
                out.put(e.getKey(), c.values().get(TpeSampler.draw(categories[k][d], random)));
            } else {
                Domain.Numeric num = (Domain.Numeric) e.getValue();
                double lo = num.internalLo();
                double hi = num.internalHi();
                double x;
                do {
                    x = mus[k][d] + sigmas[k][d] * random.nextGaussian();
                } while (x < lo || x > hi);
                out.put(e.getKey(), num.fromInternal(x));
            }
            d++;
        }
        return out;
    }

    /** Log of the mixture's density (probability mass for quantised and choice parameters) at {@code x}. */
    double logDensity(Map<String, Object> x) {
        double[] logs = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double l = Math.log(weights[k]);
            int d = 0;
            for (Map.Entry<String, Domain> e : space.domains().entrySet()) {
                l += logKernel(k, d, e.getValue(), x.get(e.getKey()));
                d++;
            }
            logs[k] = l;
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double l : logs) {
            s += Math.exp(l - max);
        }
        return max + Math.log(s);
    }

    private double logKernel(int k, int d, Domain domain, Object value) {
        if (domain instanceof Domain.Choice c) {
            int idx = c.indexOf(value);
            return idx < 0 ? Double.NEGATIVE_INFINITY : Math.log(categories[k][d][idx]);
        }
        Domain.Numeric num = (Domain.Numeric) domain;
        double lo = num.internalLo();
        double hi = num.internalHi();
        double mu = mus[k][d];
        double sigma = sigmas[k][d];
        double z = TpeSampler.phi((hi - mu) / sigma) - TpeSampler.phi((lo - mu) / sigma);
        double x = num.toInternal(value);
        if (num.kind() == Domain.Numeric.Kind.RANDINT || num.kind() == Domain.Numeric.Kind.QUNIFORM) {
            double step = num.kind() == Domain.Numeric.Kind.RANDINT ? 1 : num.q();
            double a = Math.max(lo, x - step / 2);
            double b = Math.min(hi, x + step / 2);
            double mass = TpeSampler.phi((b - mu) / sigma) - TpeSampler.phi((a - mu) / sigma);
            return Math.log(Math.max(mass, 1e-300)) - Math.log(Math.max(z, 1e-300));
        }
        double u = (x - mu) / sigma;
        return -0.5 * u * u - Math.log(sigma * Math.sqrt(2 * Math.PI)) - Math.log(Math.max(z, 1e-300));
    }
}
