package ecgbeats.tune;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The values one hyperparameter may take (docs/reference.md §5). Numeric domains are sampled in an
 * "internal" coordinate (log for loguniform) where TPE fits its Parzen estimators.
 */
public sealed interface Domain {

    /** A value drawn from the prior. */
    Object sample(SplittableRandom random);

    /** How a space file writes it: {@code choice: [4, 8]}, {@code loguniform: [0.0001, 0.01]}, ... */
    String describe();

    /** One of {@code values}, uniformly. */
    record Choice(List<Object> values) implements Domain {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Object sample(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public String describe() {
            return "choice: " + values;
        }

        /** Index of {@code v} among the values (numbers compared by value), or -1. */
        public int indexOf(Object v) {
            for (int i = 0; i < values.size(); i++) {
                Object c = values.get(i);
                if (c.equals(v) || (c instanceof Number a && v instanceof Number b
                        && a.doubleValue() == b.doubleValue())) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A number: uniform, log-uniform or quantised uniform between lo and hi; integers (randint) are quantised by 1. */
    record Numeric(Kind kind, double lo, double hi, double q) implements Domain {

        /** The numeric kinds of a space file. */
        public enum Kind { RANDINT, UNIFORM, LOGUNIFORM, QUNIFORM }

        @Override
        public Object sample(SplittableRandom random) {
            return fromInternal(internalLo() + random.nextDouble() * (internalHi() - internalLo()));
        }

        @Override
        public String describe() {
            String k = kind.name().toLowerCase(java.util.Locale.ROOT);
            return k + ": [" + number(lo) + ", " + number(hi) + (kind == Kind.QUNIFORM ? ", " + number(q) : "") + "]";
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }

        /** Lower bound in the internal coordinate. */
        public double internalLo() {
            return switch (kind) {
                case LOGUNIFORM -> Math.log(lo);
                case RANDINT -> lo - 0.5; // each integer owns a unit interval
                default -> lo;
            };
        }

        public double internalHi() {
            return switch (kind) {
                case LOGUNIFORM -> Math.log(hi);
                case RANDINT -> hi + 0.5;
                default -> hi;
            };
        }

        /** The value at an internal coordinate, rounded and clipped as the kind requires. */
        public Object fromInternal(double x) {
            return switch (kind) {
                case LOGUNIFORM -> Math.min(hi, Math.max(lo, Math.exp(x)));
                case RANDINT -> (int) Math.min(hi, Math.max(lo, Math.round(x)));
                case QUNIFORM -> Math.min(hi, Math.max(lo, Math.round(x / q) * q));
                case UNIFORM -> Math.min(hi, Math.max(lo, x));
            };
        }

        public double toInternal(Object value) {
            double v = ((Number) value).doubleValue();
            return kind == Kind.LOGUNIFORM ? Math.log(v) : v;
        }
    }
}
