package ecgbeats.train;

import java.util.Locale;

/**
 * Training produced a number that cannot be true (docs/reference.md §3): a loss or a gradient that is NaN or
 * infinite. Training stops at once rather than go on with garbage; the message names where.
 */
public final class NonFiniteException extends RuntimeException {

    /** What was not finite. */
    public enum Quantity {
        TRAIN_LOSS("the training loss"),
        GRADIENT("a gradient"),
        VALID_LOSS("the validation loss");

        private final String words;

        Quantity(String words) {
            this.words = words;
        }
    }

    private final Quantity quantity;
    private final double value;
    private final int epoch;
    private final int step;

    NonFiniteException(Quantity quantity, double value) {
        this(quantity, value, 0, 0, 0, 0);
    }

    private NonFiniteException(Quantity quantity, double value, int epoch, int step, int steps, double lr) {
        super(message(quantity, value, epoch, step, steps, lr));
        this.quantity = quantity;
        this.value = value;
        this.epoch = epoch;
        this.step = step;
    }

    /** This failure placed at {@code step} of {@code steps} in {@code epoch}, at learning rate {@code lr}. */
    NonFiniteException at(int epoch, int step, int steps, double lr) {
        return new NonFiniteException(quantity, value, epoch, step, steps, lr);
    }

    public Quantity quantity() {
        return quantity;
    }

    /** The epoch (from 1), or 0 when not placed. */
    public int epoch() {
        return epoch;
    }

    /** The step in the epoch (from 1), or 0 after the epoch's steps (validation). */
    public int step() {
        return step;
    }

    private static String message(Quantity q, double value, int epoch, int step, int steps, double lr) {
        String where = epoch == 0 ? "" : step == 0
                ? String.format(Locale.ROOT, "epoch %d, validation: ", epoch)
                : String.format(Locale.ROOT, "epoch %d, step %d of %d: ", epoch, step, steps);
        String what = q.words + " is " + (q == Quantity.GRADIENT ? "not finite"
                : Double.isNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity");
        String hint = epoch == 0 ? "" : "; training stopped (learning rate "
                + new java.math.BigDecimal(lr).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                + "): try a lower lr";
        return where + what + hint;
    }
}
