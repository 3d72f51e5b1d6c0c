package ecgbeats.train;

import ecgbeats.util.BadInputException;
import ecgbeats.util.EnumIds;

/**
 * How the learning rate moves during training (PyTorch's definitions): {@code plateau}
 * (ReduceLROnPlateau on the validation loss, by epoch), {@code onecycle} (OneCycleLR: a
 * cosine rise from lr/25 to lr over the first {@code warmup} share of the steps, then a cosine
 * fall to lr/25/10⁴, by step) and {@code cosine} (LinearLR from lr/25 over the first
 * {@code warmup} share of the steps, then CosineAnnealingLR to min_lr, by step). The last two
 * finish in the epochs they are given, whatever validation says.
 */
public enum LrSchedule {
    PLATEAU, ONECYCLE, COSINE;

    /** OneCycleLR's div_factor and final_div_factor, and LinearLR's start factor here. */
    static final double DIV = 25;
    static final double FINAL_DIV = 1e4;

    public String id() {
        return EnumIds.id(this);
    }

    public static LrSchedule parse(String s) {
        return EnumIds.find(LrSchedule.class, s).orElseThrow(() -> new BadInputException(
                "scheduler=" + s + ": expected " + EnumIds.list(LrSchedule.class)));
    }

    /** Whether the rate is set before every step (onecycle, cosine) rather than after each epoch (plateau). */
    boolean perStep() {
        return this != PLATEAU;
    }

    /**
     * The rate of step {@code step} (0-based) of {@code total} for a per-step schedule peaking at
     * {@code lr}, its first {@code warmup} share rising.
     */
    double at(long step, long total, double lr, double warmup, double minLr) {
        switch (this) {
            case ONECYCLE -> {
                // torch.optim.lr_scheduler.OneCycleLR, anneal_strategy='cos', three_phase=False
                double initial = lr / DIV;
                double last = initial / FINAL_DIV;
                double end1 = warmup * total - 1;
                double end2 = total - 1;
                if (step <= end1) {
                    return cos(initial, lr, end1 <= 0 ? 1 : step / end1);
                }
                return cos(lr, last, Math.min(1, (step - end1) / (end2 - end1)));
            }
            case COSINE -> {
                long rise = Math.max(1, Math.round(warmup * total));
                // SequentialLR(LinearLR(start_factor=1/25, total_iters=rise), CosineAnnealingLR(T_max=total-rise, eta_min))
                if (step < rise) {
                    return lr * (1 / DIV + (1 - 1 / DIV) * step / rise);
                }
                long t = step - rise;
                long span = Math.max(1, total - rise);
                return minLr + (lr - minLr) * (1 + Math.cos(Math.PI * Math.min(t, span) / span)) / 2;
            }
            default -> throw new IllegalStateException("plateau is set by epoch");
        }
    }

    /** OneCycleLR's _annealing_cos: from {@code start} to {@code end} at {@code pct} of the way. */
    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }
}
