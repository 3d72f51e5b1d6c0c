package ecgbeats.train;

import ecgbeats.data.BadInputException;

/** What model selection maximises on the validation split. */
public enum Objective {
    /** Macro recall over the five classes (the study's recallmacro). */
    RECALL_MACRO,
    ACCURACY;

    public String id() {
        return this == ACCURACY ? "accuracy" : "recall_macro";
    }

    public static Objective parse(String s) {
        for (Objective o : values()) {
            if (o.id().equalsIgnoreCase(s.trim())) {
                return o;
            }
        }
        throw new BadInputException("unknown objective '" + s + "' (expected recall_macro or accuracy)");
    }
}
