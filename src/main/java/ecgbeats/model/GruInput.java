package ecgbeats.model;

import ecgbeats.util.BadInputException;

import java.util.Locale;

/**
 * What the GRU of cnngru1d reads: {@code time}, the 96 pooled conv steps (the default), or
 * {@code flat}, the flattened conv output as a single step, as the study's code did (which
 * leaves the GRU no recurrence to use).
 */
public enum GruInput {
    TIME, FLAT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GruInput parse(String s) {
        for (GruInput g : values()) {
            if (g.id().equalsIgnoreCase(s.trim())) {
                return g;
            }
        }
        throw new BadInputException("gru_input: '" + s + "' is not time or flat");
    }
}
