package ecgbeats.tune;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

import java.util.Map;

/** Standard functions to minimise, for measuring samplers without training (docs/reference.md §5). */
public enum TestFunction {
    /** Branin on [-5, 10] × [0, 15]; minimum 0.397887 at three points. */
    BRANIN("x1: {uniform: [-5, 10]}\nx2: {uniform: [0, 15]}\n", 0.397887) {
        @Override
        public double value(Map<String, Object> p) {
            double x1 = d(p, "x1");
            double x2 = d(p, "x2");
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        }
    },
    /** Hartmann-6 on [0, 1]^6; minimum -3.32237. */
    HARTMANN6("x1: {uniform: [0, 1]}\nx2: {uniform: [0, 1]}\nx3: {uniform: [0, 1]}\n"
            + "x4: {uniform: [0, 1]}\nx5: {uniform: [0, 1]}\nx6: {uniform: [0, 1]}\n", -3.32237) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        @Override
        public double value(Map<String, Object> p) {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double x = d(p, "x" + (j + 1));
                    inner += A[i][j] * (x - P[i][j]) * (x - P[i][j]);
                }
                s += ALPHA[i] * Math.exp(-inner);
            }
            return -s;
        }
    },
    /**
     * A mixed space like the study's: a categorical, two integers and a log-scaled rate.
     * Minimum 0 at kind = c, n = 7, m = 3, rate = 0.01.
     */
    MIXED("kind: {choice: [a, b, c, d]}\nn: {randint: [0, 20]}\nm: {choice: [1, 2, 3, 4, 5]}\n"
            + "rate: {loguniform: [0.0001, 1]}\n", 0) {
        @Override
        public double value(Map<String, Object> p) {
            double kind = switch ((String) p.get("kind")) {
                case "a" -> 1.0;
                case "b" -> 0.5;
                case "c" -> 0.0;
                default -> 2.0;
            };
            double n = d(p, "n");
            double m = d(p, "m");
            double lr = Math.log10(d(p, "rate")) + 2;
            return kind + (n - 7) * (n - 7) / 10 + Math.abs(m - 3) / 2 + lr * lr;
        }
    };

    private final String space;
    private final double minimum;

    TestFunction(String space, double minimum) {
        this.space = space;
        this.minimum = minimum;
    }

    public abstract double value(Map<String, Object> params);

    public SearchSpace space() {
        return SearchSpaces.parse(id(), space);
    }

    public double minimum() {
        return minimum;
    }

    public String id() {
        return EnumIds.id(this);
    }

    public static TestFunction parse(String s) {
        return EnumIds.find(TestFunction.class, s).orElseThrow(() -> BadInputException.about(BadInputException.Subject.TEST_FUNCTION, s,
                "expected branin, hartmann6 or mixed"));
    }

    private static double d(Map<String, Object> p, String k) {
        return ((Number) p.get(k)).doubleValue();
    }
}
