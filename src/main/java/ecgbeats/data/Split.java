package ecgbeats.data;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

/** The three parts of a dataset. Only training data is ever balanced; test is for the final report. */
public enum Split {
    TRAIN, VALID, TEST;

    /** The name used on the command line and in files: train, valid, test. */
    public String id() {
        return EnumIds.id(this);
    }

    public static Split parse(String s) {
        return EnumIds.find(Split.class, s).orElseThrow(() -> new BadInputException(
                "unknown split '" + s + "' (expected train, valid or test)"));
    }
}
