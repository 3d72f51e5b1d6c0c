package ecgbeats.model;

import java.util.Locale;

/** Model hyperparameters, named as in the study. */
public enum ModelParam {
    HIDDEN, NUM_LAYERS, NUM_BLOCKS, DROPOUT, GRU_HIDDEN, NUM_HEADS, GRU_INPUT, FEATURES, RHYTHM_JOIN, TEMPLATE;

    /** The study's name: hidden, num_layers, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The parameter called {@code id}, or null. */
    public static ModelParam of(String id) {
        for (ModelParam p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
