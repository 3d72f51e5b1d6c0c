package ecgbeats.train;

import ecgbeats.util.BadInputException;
import ecgbeats.data.Protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What model selection maximises on the validation split. */
public enum Objective {
    /** Macro recall over the classes present (the study's recallmacro). */
    RECALL_MACRO,
    /** Macro recall (sensitivity) over N, S, V and F: the AAMI EC57 view, Q left out (15 beats in MIT-BIH). */
    RECALL_MACRO_NSVF,
    ACCURACY,
    /** The protocol's own: recall_macro for intra, recall_macro_nsvf for inter. */
    DEFAULT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This objective for a dataset of {@code protocol}: {@link #DEFAULT} becomes the protocol's own. */
    public Objective resolve(Protocol protocol) {
        if (this != DEFAULT) {
            return this;
        }
        return protocol == Protocol.INTER ? RECALL_MACRO_NSVF : RECALL_MACRO;
    }

    public static Objective parse(String s) {
        for (Objective o : values()) {
            if (o.id().equalsIgnoreCase(s.trim())) {
                return o;
            }
        }
        throw new BadInputException("unknown objective '" + s + "' (expected " + Arrays.stream(values())
                .map(Objective::id).collect(Collectors.joining(", ")) + ")");
    }
}
