package ecgbeats.model;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

/**
 * What the GRU of cnngru1d reads: {@code time}, the 96 pooled conv steps (the default), or
 * {@code flat}, the flattened conv output as a single step, as the study's code did (which
 * leaves the GRU no recurrence to use).
 */
public enum GruInput {
    TIME, FLAT;

    public String id() {
        return EnumIds.id(this);
    }

    public static GruInput parse(String s) {
        return EnumIds.find(GruInput.class, s).orElseThrow(() -> new BadInputException(
                "gru_input: '" + s + "' is not time or flat"));
    }
}
