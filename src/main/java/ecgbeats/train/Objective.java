package ecgbeats.train;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;
import ecgbeats.data.Protocol;

import java.util.Arrays;
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
        return EnumIds.id(this);
    }

    /** This objective for a dataset of {@code protocol}: {@link #DEFAULT} becomes the protocol's own. */
    public Objective resolve(Protocol protocol) {
        if (this != DEFAULT) {
            return this;
        }
        return protocol == Protocol.INTER ? RECALL_MACRO_NSVF : RECALL_MACRO;
    }

    public static Objective parse(String s) {
        return EnumIds.find(Objective.class, s).orElseThrow(() -> new BadInputException(
                "unknown objective '" + s + "' (expected " + Arrays.stream(values())
                        .map(Objective::id).collect(Collectors.joining(", ")) + ")"));
    }
}
