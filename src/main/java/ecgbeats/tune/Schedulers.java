package ecgbeats.tune;

import ecgbeats.util.BadInputException;

/** Schedulers by their command-line names, beside {@link Samplers}. */
public final class Schedulers {

    /** ASHA's reduction factor: the top third of a rung goes on. */
    public static final int REDUCTION = 3;

    private Schedulers() {
    }

    /** {@code fifo}, or {@code asha} with rungs at {@code grace} · 3^k epochs up to {@code epochs}. */
    public static Scheduler create(String name, int grace, int epochs) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fifo" -> new FifoScheduler();
            case "asha" -> new AshaScheduler(grace, REDUCTION, epochs);
            default -> throw BadInputException.about(BadInputException.Subject.SCHEDULER, name, "expected fifo or asha");
        };
    }
}
