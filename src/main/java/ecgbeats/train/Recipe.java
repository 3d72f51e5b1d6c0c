package ecgbeats.train;

import ecgbeats.model.Architecture;
import ecgbeats.util.BadInputException;
import ecgbeats.util.EnumIds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named training recipes: the settings a user would otherwise have to know, each measured
 * (time and figures in the README and docs/results.md). {@code --set} and the other options
 * still change any of them.
 */
public enum Recipe {
    /**
     * The study's 2D CNN as its table gives it (hidden 128, batch 16, three dense layers, one
     * residual block, dropout 0.3, plateau factor 0.2) on the oversampled train split.
     */
    STUDY(Architecture.CNN2D, "hidden", "128", "batch", "16", "num_layers", "3", "num_blocks", "1", "dropout", "0.3",
            "factor", "0.2", "balance", "oversample"),
    /**
     * The patient-independent model chosen by cross-validation over DS1's patients (hidden 16, the
     * rhythm, the median beat, class weights, 8 epochs): the base that {@code adapt} makes a patient's.
     */
    INTER(Architecture.CNN2D, "hidden", "16", "batch", "16", "num_layers", "3", "num_blocks", "1", "dropout", "0.3",
            "factor", "0.2", "class_weights", "true", "rhythm_join", "trunk", "template", "median",
            "features", "rr_norm", "epochs", "8"),
    /**
     * A strong intra-patient model in minutes: hidden 32, batch 64, one-cycle learning rate peaking
     * at 2e-3, the rhythm around each beat and the median beat, 20 epochs, then the logits moved
     * toward the rare classes as far as validation accuracy allows 0.002 ({@link LogitAdjustment}).
     */
    FAST(Architecture.CNN2D, "hidden", "32", "num_layers", "3", "batch", "64", "lr", "2e-3", "scheduler", "onecycle",
            "features", "rr_local", "template", "median", "epochs", "20", "logit_adjust", "0.002");

    private final Architecture model;
    private final Map<String, String> settings;

    Recipe(Architecture model, String... pairs) {
        this.model = model;
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        this.settings = java.util.Collections.unmodifiableMap(m);
    }

    public String id() {
        return EnumIds.id(this);
    }

    public static Recipe parse(String s) {
        return EnumIds.find(Recipe.class, s).orElseThrow(() -> BadInputException.about(
                BadInputException.Subject.RECIPE, s, "expected " + EnumIds.list(Recipe.class)));
    }

    public Architecture model() {
        return model;
    }

    /** The recipe's hyperparameters and training settings by name. */
    public Map<String, String> settings() {
        return settings;
    }
}
