package ecgbeats.model;

import ecgbeats.data.BadInputException;

import java.util.Locale;

/**
 * What a model sees besides the beat's samples: {@code none}, or {@code rr}, the beat's eight
 * RR-interval features (SPEC §2 "Features"), standardised with the train split's statistics
 * and joined to the trunk's output before the dense head.
 */
public enum Features {
    NONE, RR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Features parse(String s) {
        for (Features f : values()) {
            if (f.id().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new BadInputException("features: '" + s + "' is not none or rr");
    }
}
