package ecgbeats.tune;

import ecgbeats.data.BadInputException;

/** Samplers by their command-line names. */
public final class Samplers {

    private Samplers() {
    }

    public static Sampler create(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> new RandomSampler();
            case "tpe" -> new TpeSampler();
            case "grid" -> new GridSampler();
            default -> throw new BadInputException("--search " + name + ": expected random, tpe or grid");
        };
    }
}
