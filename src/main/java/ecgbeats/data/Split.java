package ecgbeats.data;

import ecgbeats.util.BadInputException;
import java.util.Locale;

/** The three parts of a dataset. Only training data is ever balanced; test is for the final report. */
public enum Split {
    TRAIN, VALID, TEST;

    /** The name used on the command line and in files: train, valid, test. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split parse(String s) {
        for (Split split : values()) {
            if (split.id().equalsIgnoreCase(s.trim())) {
                return split;
            }
        }
        throw new BadInputException("unknown split '" + s + "' (expected train, valid or test)");
    }
}
