package ecgbeats.train;

import ecgbeats.util.BadInputException;
import ecgbeats.data.balance.BalanceMethod;
import ecgbeats.model.Architecture;
import ecgbeats.model.ModelParam;
import ecgbeats.model.ModelSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model and how to train it: what {@code --model}, {@code --config} and {@code --set k=v}
 * describe together. Keys are the study's names; each is either a model hyperparameter the
 * architecture uses or a training setting, and anything else is refused.
 */
public record RunConfig(ModelSpec model, TrainSettings training) {

    public RunConfig {
        if (model.template().usesRecord() && training.balance() == BalanceMethod.SMOTE) {
            throw new BadInputException("template=" + model.template().id() + " with balance=smote: SMOTE's beats are "
                    + "made between patients and have no record, so no record's median beat to compare with; "
                    + "use balance=oversample or class_weights=true");
        }
    }

    public static RunConfig defaults(Architecture a) {
        return new RunConfig(ModelSpec.defaults(a), TrainSettings.defaults());
    }

    /** This with {@code values} applied in order. */
    public RunConfig with(Map<String, String> values) {
        Map<String, String> modelValues = new LinkedHashMap<>();
        TrainSettings t = training;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey().trim();
            if (TrainSettings.isKey(key)) {
                t = t.with(key, e.getValue());
            } else if (ModelParam.of(key) != null) {
                modelValues.put(key, e.getValue());
            } else {
                throw new BadInputException("unknown hyperparameter '" + key + "' (model: "
                        + String.join(", ", model.architecture().params().stream().map(ModelParam::id).toList())
                        + "; training: " + String.join(", ", TrainSettings.keys()) + ")");
            }
        }
        return new RunConfig(model.with(modelValues), t);
    }

    /** What {@code other} sets differently, as {@code name: this → other}, in a stable order; empty when equal. */
    public java.util.List<String> differences(RunConfig other) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (model.architecture() != other.model.architecture()) {
            out.add("model: " + model.architecture().id() + " → " + other.model.architecture().id());
            return out;
        }
        Map<String, Object> a = new LinkedHashMap<>(model.asMap());
        a.putAll(training.asMap());
        Map<String, Object> b = new LinkedHashMap<>(other.model.asMap());
        b.putAll(other.training.asMap());
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object theirs = b.get(e.getKey());
            if (!java.util.Objects.equals(String.valueOf(e.getValue()), String.valueOf(theirs))) {
                out.add(e.getKey() + ": " + e.getValue() + " → " + theirs);
            }
        }
        return out;
    }

    /** Parses {@code k=v}. */
    public static Map.Entry<String, String> parseAssignment(String s) {
        return ecgbeats.util.SettingTexts.assignment(s, "hidden=128");
    }
}
