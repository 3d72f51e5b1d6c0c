package ecgbeats.train;

import ecgbeats.util.BadInputException;
import ecgbeats.data.balance.BalanceMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model is trained (docs/reference.md §3). Names are {@link TrainParam}'s, the ones {@code --set}
 * and config files use.
 *
 * @param batch          beats per step
 * @param epochs         epoch limit
 * @param optimizer      adam or adamw
 * @param lr             initial learning rate (onecycle and cosine: the peak)
 * @param weightDecay    Adam's L2 penalty or AdamW's decoupled decay
 * @param factor         ReduceLROnPlateau: multiply the rate by this on a plateau
 * @param lrPatience     ReduceLROnPlateau: epochs without validation-loss improvement first
 * @param minLr          ReduceLROnPlateau: lower bound of the rate; cosine: where it ends
 * @param patience       early stopping: epochs without objective improvement before stopping
 * @param balance        sampling of the train split before training
 * @param classWeights   weight the loss by "balanced" class weights of the (sampled) train split
 * @param objective      what early stopping and model selection maximise on validation ({@code default}:
 *                       the dataset protocol's own, see {@link Objective#resolve})
 * @param fraction       share of the train split used (stratified), for quick trials
 * @param seed           seed of initialisation, shuffling, sampling and dropout
 * @param scheduler      how the learning rate moves ({@link LrSchedule})
 * @param warmup         onecycle and cosine: the share of the steps over which the rate rises
 * @param labelSmoothing cross-entropy's label smoothing, as PyTorch's {@code label_smoothing}
 * @param logitAdjust    0: none; else the validation accuracy the run may give up for macro recall
 *                       when its logits are adjusted toward the rare classes after training
 *                       ({@link LogitAdjustment})
 */
public record TrainSettings(int batch, int epochs, OptimizerKind optimizer, double lr, double weightDecay,
                            double factor, int lrPatience, double minLr, int patience, BalanceMethod balance,
                            boolean classWeights, Objective objective, double fraction, long seed,
                            LrSchedule scheduler, double warmup, double labelSmoothing, double logitAdjust) {

    public TrainSettings {
        check(batch >= 1 && batch <= 65536, TrainParam.BATCH, batch, "must be 1 to 65536");
        check(epochs >= 1, TrainParam.EPOCHS, epochs, "must be at least 1");
        check(lr > 0 && lr < 10, TrainParam.LR, lr, "must be in (0, 10)");
        check(weightDecay >= 0 && weightDecay < 1, TrainParam.WEIGHT_DECAY, weightDecay, "must be in [0, 1)");
        check(factor > 0 && factor < 1, TrainParam.FACTOR, factor, "must be in (0, 1)");
        check(lrPatience >= 0, TrainParam.LR_PATIENCE, lrPatience, "must be at least 0");
        check(minLr >= 0, TrainParam.MIN_LR, minLr, "must be at least 0");
        check(patience >= 1, TrainParam.PATIENCE, patience, "must be at least 1");
        check(fraction > 0 && fraction <= 1, TrainParam.FRACTION, fraction, "must be in (0, 1]");
        check(warmup > 0 && warmup < 1, TrainParam.WARMUP, warmup, "must be in (0, 1)");
        check(labelSmoothing >= 0 && labelSmoothing < 1, TrainParam.LABEL_SMOOTHING, labelSmoothing,
                "must be in [0, 1)");
        check(logitAdjust >= 0 && logitAdjust < 1, TrainParam.LOGIT_ADJUST, logitAdjust, "must be in [0, 1)");
    }

    private static void check(boolean ok, TrainParam name, Object value, String rule) {
        if (!ok) {
            throw new BadInputException(name.id() + "=" + value + ": " + rule);
        }
    }

    public static TrainSettings defaults() {
        return new TrainSettings(32, 30, OptimizerKind.ADAM, 1e-3, 1e-5, 0.2, 3, 1e-6, 8, BalanceMethod.NONE,
                false, Objective.DEFAULT, 1.0, 42, LrSchedule.PLATEAU, 0.3, 0, 0);
    }

    /** Whether {@code key} names a training setting. */
    public static boolean isKey(String key) {
        return TrainParam.of(key) != null;
    }

    /** Every setting's name, in order. */
    public static java.util.List<String> keys() {
        return java.util.Arrays.stream(TrainParam.values()).map(TrainParam::id).toList();
    }

    /** This with one setting changed, by its config name. */
    public TrainSettings with(String key, String value) {
        TrainParam p = TrainParam.of(key);
        if (p == null) {
            throw new BadInputException("unknown hyperparameter '" + key + "'");
        }
        try {
            return of(ecgbeats.util.SettingTexts.with(TrainParam.class, asMap(), TrainParam::of, p, value));
        } catch (NumberFormatException e) {
            throw new BadInputException(key + "=" + value + ": not a number");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(key + "=" + value + ": " + e.getMessage());
        }
    }

    /** Settings from every setting's text. */
    private static TrainSettings of(Map<TrainParam, String> v) {
        return new TrainSettings(Integer.parseInt(v.get(TrainParam.BATCH)), Integer.parseInt(v.get(TrainParam.EPOCHS)),
                OptimizerKind.parse(v.get(TrainParam.OPTIMIZER)), Double.parseDouble(v.get(TrainParam.LR)),
                Double.parseDouble(v.get(TrainParam.WEIGHT_DECAY)), Double.parseDouble(v.get(TrainParam.FACTOR)),
                Integer.parseInt(v.get(TrainParam.LR_PATIENCE)), Double.parseDouble(v.get(TrainParam.MIN_LR)),
                Integer.parseInt(v.get(TrainParam.PATIENCE)), BalanceMethod.parse(v.get(TrainParam.BALANCE)),
                parseBoolean(TrainParam.CLASS_WEIGHTS, v.get(TrainParam.CLASS_WEIGHTS)),
                Objective.parse(v.get(TrainParam.OBJECTIVE)), Double.parseDouble(v.get(TrainParam.FRACTION)),
                Long.parseLong(v.get(TrainParam.SEED)), LrSchedule.parse(v.get(TrainParam.SCHEDULER)),
                Double.parseDouble(v.get(TrainParam.WARMUP)), Double.parseDouble(v.get(TrainParam.LABEL_SMOOTHING)),
                Double.parseDouble(v.get(TrainParam.LOGIT_ADJUST)));
    }

    private static boolean parseBoolean(TrainParam key, String v) {
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        throw new BadInputException(key.id() + "=" + v + ": expected true or false");
    }

    /** Every setting by its config name, for config.json. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TrainParam.BATCH.id(), batch);
        m.put(TrainParam.EPOCHS.id(), epochs);
        m.put(TrainParam.OPTIMIZER.id(), optimizer.id());
        m.put(TrainParam.LR.id(), lr);
        m.put(TrainParam.WEIGHT_DECAY.id(), weightDecay);
        m.put(TrainParam.FACTOR.id(), factor);
        m.put(TrainParam.LR_PATIENCE.id(), lrPatience);
        m.put(TrainParam.MIN_LR.id(), minLr);
        m.put(TrainParam.PATIENCE.id(), patience);
        m.put(TrainParam.BALANCE.id(), balance.id());
        m.put(TrainParam.CLASS_WEIGHTS.id(), classWeights);
        m.put(TrainParam.OBJECTIVE.id(), objective.id());
        m.put(TrainParam.FRACTION.id(), fraction);
        m.put(TrainParam.SEED.id(), seed);
        m.put(TrainParam.SCHEDULER.id(), scheduler.id());
        m.put(TrainParam.WARMUP.id(), warmup);
        m.put(TrainParam.LABEL_SMOOTHING.id(), labelSmoothing);
        m.put(TrainParam.LOGIT_ADJUST.id(), logitAdjust);
        return m;
    }
}
