package ecgbeats.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator of Bergstra et al. 2011 with HyperOpt's defaults
 * (hyperopt/tpe.py): {@code startup} random trials first (20); then the observations are
 * split into a "good" set of the best min(ceil(0.25·√n), 25) and a "bad" set; for each
 * hyperparameter independently, {@code candidates} (24) values are drawn from the good
 * density l(x) and the one maximising l(x) / g(x) is kept.
 *
 * <ul>
 * <li>Numeric domains: adaptive Parzen estimators in the internal coordinate (log for
 * loguniform), the prior N(mid, range) as an extra component, each bandwidth the larger
 * distance to a sorted neighbour clipped to [range / min(100, n + 1), range], truncated to the
 * bounds; randint and quniform score the probability of the value's rounding interval.</li>
 * <li>Choices: weighted category counts plus a prior pseudo-count of 1 per category.</li>
 * <li>Observations are weighted by HyperOpt's linear forgetting (the newest 25 weigh 1).</li>
 * </ul>
 * A trial's observation is its best reported value (pruned trials included). Running trials
 * count as bad observations at the worst value seen ("constant liar"), so suggestions made
 * while they run move away from them instead of repeating them.
 */
public final class TpeSampler implements Sampler {

    /** How many of n observations form the "good" set. */
    public enum GoodSetRule {
        /** HyperOpt: min(ceil(0.25·√n), 25). */
        HYPEROPT {
            @Override
            int size(int n) {
                return Math.min((int) Math.ceil(0.25 * Math.sqrt(n)), MAX_GOOD);
            }
        },
        /** Optuna: min(ceil(0.1·n), 25). */
        OPTUNA {
            @Override
            int size(int n) {
                return Math.min((int) Math.ceil(0.1 * n), MAX_GOOD);
            }
        };

        abstract int size(int n);
    }

    /**
     * The sampler's settings.
     *
     * @param startup    random trials before the model is used
     * @param candidates values drawn from l(x) per parameter, the best l/g kept
     * @param goodSet      the size of the good set
     * @param multivariate one joint estimator over all parameters ({@link JointParzen}) instead
     *                     of one per parameter
     */
    public record Settings(int startup, int candidates, GoodSetRule goodSet, boolean multivariate) {
        /** HyperOpt's defaults (docs/reference.md §5). */
        public static final Settings HYPEROPT = new Settings(20, 24, GoodSetRule.HYPEROPT, false);
        /** Optuna's TPESampler defaults: 10 start-up trials, the best 10 %. */
        public static final Settings OPTUNA = new Settings(10, 24, GoodSetRule.OPTUNA, false);
        /** Optuna's settings with the joint estimator. */
        public static final Settings JOINT = new Settings(10, 24, GoodSetRule.OPTUNA, true);

        public Settings {
            if (startup < 1 || candidates < 1) {
                throw new IllegalArgumentException("startup and candidates must be at least 1");
            }
        }
    }

    /** The settings a user picks by name ({@code --tpe}). */
    public enum Preset {
        /** HyperOpt's defaults, what the study used (docs/reference.md §5). */
        HYPEROPT(Settings.HYPEROPT),
        /** Optuna's defaults: 10 start-up trials, the best 10 % as the good set. */
        OPTUNA(Settings.OPTUNA),
        /** Optuna's defaults with one joint estimator over all parameters; best in tune-bench. */
        JOINT(Settings.JOINT);

        private final Settings settings;

        Preset(Settings settings) {
            this.settings = settings;
        }

        public Settings settings() {
            return settings;
        }
    }

    private static final int MAX_GOOD = 25;
    private static final int FORGET = 25;
    private static final double PRIOR_WEIGHT = 1.0;

    private final int startup;
    private final int candidates;
    private final GoodSetRule goodSet;
    private final boolean multivariate;

    public TpeSampler() {
        this(Settings.HYPEROPT);
    }

    public TpeSampler(Settings settings) {
        this.startup = settings.startup();
        this.candidates = settings.candidates();
        this.goodSet = settings.goodSet();
        this.multivariate = settings.multivariate();
    }

    /** One observation: a configuration and its loss (negated objective). */
    private record Obs(int order, Map<String, Object> params, double loss) {
    }

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, List<Trial> trials, SplittableRandom random) {
        List<Obs> done = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        for (Trial t : trials) {
            if (t.best().isPresent() && t.state() != TrialState.FAILED && t.state() != TrialState.RUNNING) {
                done.add(new Obs(t.number(), t.params(), -t.best().getAsDouble()));
                worst = Math.max(worst, -t.best().getAsDouble());
            }
        }
        if (done.size() < startup) {
            return Optional.of(space.sample(random));
        }
        List<Obs> obs = new ArrayList<>(done);
        for (Trial t : trials) {
            if (t.state() == TrialState.RUNNING) {
                obs.add(new Obs(t.number(), t.params(), worst)); // constant liar
            }
        }
        obs.sort(Comparator.comparingDouble(Obs::loss).thenComparingInt(Obs::order));
        int nGood = goodSet.size(obs.size());
        List<Obs> good = new ArrayList<>(obs.subList(0, nGood));
        List<Obs> bad = new ArrayList<>(obs.subList(nGood, obs.size()));
        // linear forgetting weighs by age, so each set is put back in creation order
        good.sort(Comparator.comparingInt(Obs::order));
        bad.sort(Comparator.comparingInt(Obs::order));
        if (multivariate) {
            return Optional.of(suggestJointly(space, complete(space, good), complete(space, bad), random));
        }

        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Domain> e : space.domains().entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof Domain.Choice c) {
                out.put(name, c.values().get(suggestChoice(c, values(good, name), values(bad, name), random)));
            } else {
                out.put(name, suggestNumeric((Domain.Numeric) e.getValue(), values(good, name), values(bad, name),
                        random));
            }
        }
        return Optional.of(out);
    }

    /** The observations that set every parameter of the space (a resumed study may have changed it). */
    private static List<Map<String, Object>> complete(SearchSpace space, List<Obs> obs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Obs o : obs) {
            if (o.params().keySet().containsAll(space.domains().keySet())) {
                out.add(o.params());
            }
        }
        return out;
    }

    private Map<String, Object> suggestJointly(SearchSpace space, List<Map<String, Object>> good,
            List<Map<String, Object>> bad, SplittableRandom random) {
        JointParzen l = new JointParzen(space, good, forgettingWeights(good.size()));
        JointParzen g = new JointParzen(space, bad, forgettingWeights(bad.size()));
        Map<String, Object> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candidates; k++) {
            Map<String, Object> x = l.sample(random);
            double score = l.logDensity(x) - g.logDensity(x);
            if (best == null || score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return best;
    }

    private static List<Object> values(List<Obs> obs, String name) {
        List<Object> v = new ArrayList<>();
        for (Obs o : obs) {
            Object x = o.params().get(name);
            if (x != null) {
                v.add(x);
            }
        }
        return v;
    }

    /** HyperOpt's linear_forgetting_weights: the newest {@code FORGET} weigh 1, older ones ramp up from 1/n. */
    static double[] forgettingWeights(int n) {
        double[] w = new double[n];
        if (n <= FORGET) {
            Arrays.fill(w, 1);
            return w;
        }
        int ramp = n - FORGET;
        for (int i = 0; i < ramp; i++) {
            w[i] = 1.0 / n + (1.0 - 1.0 / n) * i / Math.max(ramp - 1, 1);
        }
        Arrays.fill(w, ramp, n, 1);
        return w;
    }

    // ---- choices

    private int suggestChoice(Domain.Choice c, List<Object> good, List<Object> bad, SplittableRandom random) {
        double[] pl = categorical(c, good);
        double[] pg = categorical(c, bad);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candidates; k++) {
            int x = draw(pl, random);
            double score = Math.log(pl[x]) - Math.log(pg[x]);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return best;
    }

    static double[] categorical(Domain.Choice c, List<Object> obs) {
        double[] w = forgettingWeights(obs.size());
        double[] p = new double[c.values().size()];
        Arrays.fill(p, PRIOR_WEIGHT);
        for (int i = 0; i < obs.size(); i++) {
            int idx = c.indexOf(obs.get(i));
            if (idx >= 0) {
                p[idx] += w[i];
            }
        }
        double sum = Arrays.stream(p).sum();
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static int draw(double[] p, SplittableRandom random) {
        double u = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    // ---- numbers

    /** A mixture of normals truncated to [lo, hi], in the internal coordinate. */
    record Mixture(double[] weights, double[] mus, double[] sigmas, double lo, double hi) {

        double sample(SplittableRandom random) {
            while (true) {
                int k = draw(weights, random);
                double x = mus[k] + sigmas[k] * random.nextGaussian();
                if (x >= lo && x <= hi) {
                    return x;
                }
            }
        }

        /** Probability mass of [a, b] under the truncated mixture. */
        double mass(double a, double b) {
            double p = 0;
            for (int k = 0; k < mus.length; k++) {
                double z = phi((hi - mus[k]) / sigmas[k]) - phi((lo - mus[k]) / sigmas[k]);
                p += weights[k] * (phi((b - mus[k]) / sigmas[k]) - phi((a - mus[k]) / sigmas[k])) / z;
            }
            return p;
        }

        /** Density at x under the truncated mixture. */
        double density(double x) {
            double p = 0;
            for (int k = 0; k < mus.length; k++) {
                double z = phi((hi - mus[k]) / sigmas[k]) - phi((lo - mus[k]) / sigmas[k]);
                double u = (x - mus[k]) / sigmas[k];
                p += weights[k] * Math.exp(-0.5 * u * u) / (sigmas[k] * Math.sqrt(2 * Math.PI)) / z;
            }
            return p;
        }
    }

    /** HyperOpt's adaptive_parzen_normal with the prior N(mid, range) and linear forgetting. */
    static Mixture parzen(double[] xs, double lo, double hi) {
        double priorMu = (lo + hi) / 2;
        double priorSigma = hi - lo;
        int n = xs.length;
        double[] w = forgettingWeights(n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> xs[i]));
        double[] mus = new double[n + 1];
        double[] weights = new double[n + 1];
        int priorPos = 0;
        while (priorPos < n && xs[order[priorPos]] < priorMu) {
            priorPos++;
        }
        for (int i = 0, j = 0; i <= n; i++) {
            if (i == priorPos) {
                mus[i] = priorMu;
                weights[i] = PRIOR_WEIGHT;
            } else {
                mus[i] = xs[order[j]];
                weights[i] = w[order[j]];
                j++;
            }
        }
        double[] sigmas = new double[n + 1];
        if (n == 0) {
            sigmas[0] = priorSigma;
        } else {
            for (int i = 0; i <= n; i++) {
                double left = i > 0 ? mus[i] - mus[i - 1] : mus[1] - mus[0];
                double right = i < n ? mus[i + 1] - mus[i] : mus[n] - mus[n - 1];
                sigmas[i] = i == 0 ? right : i == n ? left : Math.max(left, right);
            }
            double minSigma = priorSigma / Math.min(100.0, 1.0 + (n + 1));
            for (int i = 0; i <= n; i++) {
                sigmas[i] = Math.min(priorSigma, Math.max(minSigma, sigmas[i]));
            }
            sigmas[priorPos] = priorSigma;
        }
        double sum = Arrays.stream(weights).sum();
        for (int i = 0; i <= n; i++) {
            weights[i] /= sum;
        }
        if (priorSigma == 0) {
            Arrays.fill(sigmas, 1e-12);
        }
        return new Mixture(weights, mus, sigmas, lo, hi);
    }

    private Object suggestNumeric(Domain.Numeric d, List<Object> good, List<Object> bad, SplittableRandom random) {
        double lo = d.internalLo();
        double hi = d.internalHi();
        if (hi <= lo) {
            return d.fromInternal(lo);
        }
        Mixture l = parzen(internal(d, good), lo, hi);
        Mixture g = parzen(internal(d, bad), lo, hi);
        boolean quantised = d.kind() == Domain.Numeric.Kind.RANDINT || d.kind() == Domain.Numeric.Kind.QUNIFORM;
        double step = d.kind() == Domain.Numeric.Kind.RANDINT ? 1 : d.q();
        Object best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candidates; k++) {
            Object value = d.fromInternal(l.sample(random));
            double score;
            if (quantised) {
                double v = ((Number) value).doubleValue();
                double a = Math.max(lo, v - step / 2);
                double b = Math.min(hi, v + step / 2);
                score = Math.log(l.mass(a, b) + 1e-300) - Math.log(g.mass(a, b) + 1e-300);
            } else {
                double x = d.toInternal(value);
                score = Math.log(l.density(x) + 1e-300) - Math.log(g.density(x) + 1e-300);
            }
            if (score > bestScore) {
                bestScore = score;
                best = value;
            }
        }
        return best;
    }

    private static double[] internal(Domain.Numeric d, List<Object> values) {
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = d.toInternal(values.get(i));
        }
        return x;
    }

    /** The standard normal CDF (Abramowitz and Stegun 7.1.26 via erf, error below 1.5e-7). */
    static double phi(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
    }
}
