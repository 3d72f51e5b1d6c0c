package ecgbeats.train;

import ecgbeats.util.EnumIds;

import java.util.Locale;

/** Training settings by name, as {@code --set NAME=VALUE}, config files and config.json name them. */
public enum TrainParam {
    BATCH, EPOCHS, OPTIMIZER, LR, WEIGHT_DECAY, FACTOR, LR_PATIENCE, MIN_LR, PATIENCE, BALANCE, CLASS_WEIGHTS,
    OBJECTIVE, FRACTION, SEED, SCHEDULER, WARMUP, LABEL_SMOOTHING, LOGIT_ADJUST;

    /** The setting's name: batch, weight_decay, ... */
    public String id() {
        return EnumIds.id(this);
    }

    /** The setting called {@code id}, or null. */
    public static TrainParam of(String id) {
        for (TrainParam p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
