package ecgbeats.train;

import ecgbeats.util.BadInputException;
import ecgbeats.data.balance.BalanceMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model is trained (docs/reference.md §3). Names in {@link #KEYS} are the ones {@code --set} and
 * config files use.
 *
 * @param batch          beats per step
 * @param epochs         epoch limit
 * @param optimizer      adam or adamw
 * @param lr             initial learning rate
 * @param weightDecay    Adam's L2 penalty or AdamW's decoupled decay
 * @param factor         ReduceLROnPlateau: multiply the rate by this on a plateau
 * @param lrPatience     ReduceLROnPlateau: epochs without validation-loss improvement first
 * @param minLr          ReduceLROnPlateau: lower bound of the rate
 * @param patience       early stopping: epochs without objective improvement before stopping
 * @param balance        sampling of the train split before training
 * @param classWeights   weight the loss by "balanced" class weights of the (sampled) train split
 * @param objective      what early stopping and model selection maximise on validation ({@code default}:
 *                       the dataset protocol's own, see {@link Objective#resolve})
 * @param fraction       share of the train split used (stratified), for quick trials
 * @param seed           seed of initialisation, shuffling, sampling and dropout
 */
public record TrainSettings(int batch, int epochs, OptimizerKind optimizer, double lr, double weightDecay,
                            double factor, int lrPatience, double minLr, int patience, BalanceMethod balance,
                            boolean classWeights, Objective objective, double fraction, long seed) {

    public static final String[] KEYS = {"batch", "epochs", "optimizer", "lr", "weight_decay", "factor",
        "lr_patience", "min_lr", "patience", "balance", "class_weights", "objective", "fraction", "seed"};

    public TrainSettings {
        check(batch >= 1 && batch <= 65536, "batch", batch, "must be 1 to 65536");
        check(epochs >= 1, "epochs", epochs, "must be at least 1");
        check(lr > 0 && lr < 10, "lr", lr, "must be in (0, 10)");
        check(weightDecay >= 0 && weightDecay < 1, "weight_decay", weightDecay, "must be in [0, 1)");
        check(factor > 0 && factor < 1, "factor", factor, "must be in (0, 1)");
        check(lrPatience >= 0, "lr_patience", lrPatience, "must be at least 0");
        check(minLr >= 0, "min_lr", minLr, "must be at least 0");
        check(patience >= 1, "patience", patience, "must be at least 1");
        check(fraction > 0 && fraction <= 1, "fraction", fraction, "must be in (0, 1]");
    }

    private static void check(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new BadInputException(name + "=" + value + ": " + rule);
        }
    }

    public static TrainSettings defaults() {
        return new TrainSettings(32, 30, OptimizerKind.ADAM, 1e-3, 1e-5, 0.2, 3, 1e-6, 8, BalanceMethod.NONE,
                false, Objective.DEFAULT, 1.0, 42);
    }

    public static boolean isKey(String key) {
        for (String k : KEYS) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** This with one setting changed, by its config name. */
    public TrainSettings with(String key, String value) {
        String v = value.trim();
        try {
            return switch (key) {
                case "batch" -> new TrainSettings(Integer.parseInt(v), epochs, optimizer, lr, weightDecay, factor,
                        lrPatience, minLr, patience, balance, classWeights, objective, fraction, seed);
                case "epochs" -> new TrainSettings(batch, Integer.parseInt(v), optimizer, lr, weightDecay, factor,
                        lrPatience, minLr, patience, balance, classWeights, objective, fraction, seed);
                case "optimizer" -> new TrainSettings(batch, epochs, OptimizerKind.parse(v), lr, weightDecay, factor,
                        lrPatience, minLr, patience, balance, classWeights, objective, fraction, seed);
                case "lr" -> new TrainSettings(batch, epochs, optimizer, Double.parseDouble(v), weightDecay, factor,
                        lrPatience, minLr, patience, balance, classWeights, objective, fraction, seed);
                case "weight_decay" -> new TrainSettings(batch, epochs, optimizer, lr, Double.parseDouble(v), factor,
                        lrPatience, minLr, patience, balance, classWeights, objective, fraction, seed);
                case "factor" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, Double.parseDouble(v),
                        lrPatience, minLr, patience, balance, classWeights, objective, fraction, seed);
                case "lr_patience" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor,
                        Integer.parseInt(v), minLr, patience, balance, classWeights, objective, fraction, seed);
                case "min_lr" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor, lrPatience,
                        Double.parseDouble(v), patience, balance, classWeights, objective, fraction, seed);
                case "patience" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor, lrPatience,
                        minLr, Integer.parseInt(v), balance, classWeights, objective, fraction, seed);
                case "balance" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor, lrPatience,
                        minLr, patience, BalanceMethod.parse(v), classWeights, objective, fraction, seed);
                case "class_weights" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor,
                        lrPatience, minLr, patience, balance, parseBoolean(key, v), objective, fraction, seed);
                case "objective" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor, lrPatience,
                        minLr, patience, balance, classWeights, Objective.parse(v), fraction, seed);
                case "fraction" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor, lrPatience,
                        minLr, patience, balance, classWeights, objective, Double.parseDouble(v), seed);
                case "seed" -> new TrainSettings(batch, epochs, optimizer, lr, weightDecay, factor, lrPatience,
                        minLr, patience, balance, classWeights, objective, fraction, Long.parseLong(v));
                default -> throw new BadInputException("unknown hyperparameter '" + key + "'");
            };
        } catch (NumberFormatException e) {
            throw new BadInputException(key + "=" + value + ": not a number");
        }
    }

    private static boolean parseBoolean(String key, String v) {
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        throw new BadInputException(key + "=" + v + ": expected true or false");
    }

    /** Every setting by its config name, for config.json. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", batch);
        m.put("epochs", epochs);
        m.put("optimizer", optimizer.id());
        m.put("lr", lr);
        m.put("weight_decay", weightDecay);
        m.put("factor", factor);
        m.put("lr_patience", lrPatience);
        m.put("min_lr", minLr);
        m.put("patience", patience);
        m.put("balance", balance.id());
        m.put("class_weights", classWeights);
        m.put("objective", objective.id());
        m.put("fraction", fraction);
        m.put("seed", seed);
        return m;
    }
}
