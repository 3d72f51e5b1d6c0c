package ecgbeats.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

/**
 * Post-hoc logit adjustment (Menon et al. 2021, "Long-tail learning via logit adjustment"): a
 * trained model's logits plus −τ · log π_c, π the training split's class shares, which moves its
 * decisions toward the rare classes by τ (0: as trained; 1: as if every class were equally
 * common). τ is chosen on validation: the highest macro recall among τ = 0, 0.05, …, 1 whose
 * accuracy stays within {@code budget} of τ = 0's. The bias goes into the output layer, so the
 * run's parameters classify with it everywhere.
 *
 * @param tau           the chosen τ
 * @param budget        the validation accuracy it was allowed to give up
 * @param bias          the bias added to each class's logit
 * @param validBefore   validation accuracy and macro recall at τ = 0
 * @param validAfter    the same at the chosen τ
 */
@JsonPropertyOrder({"tau", "budget", "bias", "valid_before", "valid_after"})
public record LogitAdjustment(double tau, double budget, double[] bias,
                              @JsonProperty("valid_before") double[] validBefore,
                              @JsonProperty("valid_after") double[] validAfter) {

    static final double STEP = 0.05;

    /** The adjustment of a network whose validation log-probabilities are {@code logp}, trained on {@code trainCounts}. */
    static LogitAdjustment choose(float[] logp, BeatTable valid, int[] trainCounts, double budget) {
        double n = 0;
        for (int c : trainCounts) {
            n += c;
        }
        double[] logPrior = new double[AamiClass.COUNT];
        for (int c = 0; c < logPrior.length; c++) {
            logPrior[c] = Math.log(Math.max(1, trainCounts[c]) / n);
        }
        int[] truth = Training.labels(valid);
        Metrics base = Metrics.of("valid", truth, Training.argmax(logp));
        double bestTau = 0;
        Metrics best = base;
        for (int k = 1; k * STEP <= 1 + 1e-9; k++) {
            double tau = k * STEP;
            Metrics m = Metrics.of("valid", truth, Training.argmax(shifted(logp, bias(logPrior, tau))));
            if (m.accuracy() >= base.accuracy() - budget && m.recallMacro() > best.recallMacro()) {
                best = m;
                bestTau = tau;
            }
        }
        return new LogitAdjustment(bestTau, budget, bias(logPrior, bestTau),
                new double[] {base.accuracy(), base.recallMacro()}, new double[] {best.accuracy(), best.recallMacro()});
    }

    private static double[] bias(double[] logPrior, double tau) {
        double[] b = new double[logPrior.length];
        for (int c = 0; c < b.length; c++) {
            b[c] = -tau * logPrior[c];
        }
        return b;
    }

    /** Row-wise {@code logp} + {@code bias} (the argmax of logits + bias: the log-softmax shift cancels). */
    static float[] shifted(float[] logp, double[] bias) {
        float[] out = logp.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) bias[i % AamiClass.COUNT];
        }
        return out;
    }
}
