package ecgbeats.tune;

import ecgbeats.util.BadInputException;

/** Samplers by their command-line names. */
public final class Samplers {

    private Samplers() {
    }

    /** A sampler; {@code tpe} with the settings of {@code preset}. */
    public static Sampler create(String name, TpeSampler.Preset preset) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> new RandomSampler();
            case "tpe" -> new TpeSampler(preset.settings());
            case "grid" -> new GridSampler();
            default -> throw BadInputException.about(BadInputException.Subject.SEARCH, name, "expected random, tpe or grid");
        };
    }
}
