package ecgbeats.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The optimiser against Adam and AdamW computed by hand, in doubles, from PyTorch's definitions. */
class AdamOptimizerTest {

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final float[] A0 = {0.5f, -1.0f, 2.0f, 0.25f, -0.75f, 1.5f};
    private static final float[] B0 = {3.0f, -2.0f, 0.1f, 0.0f};
    private static final double[] CB = {1.0, -0.5, 4.0, 0.01};

    /** loss = Σ a² + Σ cb·b, so ∂/∂a = 2a and ∂/∂b = cb. */
    private static void backward(NDArray a, NDArray b) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = a.square().sum().add(b.mul(b.getManager().create(toFloats(CB))).sum());
            gc.backward(loss);
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void threeStepsMatchTheUpdateComputedByHand(OptimizerKind kind) {
        double lr = 0.05;
        double wd = 0.1;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(A0.clone(), new ai.djl.ndarray.types.Shape(2, 3));
            NDArray b = m.create(B0.clone());
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            double[] p = concat(A0, B0);
            double[] mom1 = new double[p.length];
            double[] mom2 = new double[p.length];
            try (AdamOptimizer opt = new AdamOptimizer(kind, wd, List.of(a, b), m)) {
                assertEquals(10, opt.size());
                for (int t = 1; t <= 3; t++) {
                    backward(a, b);
                    assertEquals(true, opt.step(lr));
                    for (int i = 0; i < p.length; i++) {
                        double g = i < 6 ? 2 * p[i] : CB[i - 6];
                        if (kind == OptimizerKind.ADAM) {
                            g += wd * p[i];
                        } else {
                            p[i] *= 1 - lr * wd;
                        }
                        mom1[i] = 0.9 * mom1[i] + 0.1 * g;
                        mom2[i] = 0.999 * mom2[i] + 0.001 * g * g;
                        double mHat = mom1[i] / (1 - Math.pow(0.9, t));
                        double denom = Math.sqrt(mom2[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                        p[i] -= lr * mHat / denom;
                    }
                    float[] got = concatFloats(a.toFloatArray(), b.toFloatArray());
                    for (int i = 0; i < p.length; i++) {
                        assertEquals(p[i], got[i], 1e-5, kind + " step " + t + " value " + i);
                    }
                    assertEquals(0f, a.getGradient().abs().sum().getFloat(), "gradients are zeroed");
                }
                OptimizerState s = opt.state();
                assertEquals(3, s.steps());
                for (int i = 0; i < p.length; i++) {
                    assertEquals(mom1[i], s.m()[i], 1e-5);
                    assertEquals(mom2[i], s.v()[i], 1e-5);
                }
            }
        }
    }

    @Test
    void aRestoredStateContinuesExactlyAndANonFiniteGradientChangesNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(A0.clone(), new ai.djl.ndarray.types.Shape(2, 3));
            NDArray b = m.create(B0.clone());
            NDArray a2 = m.create(A0.clone(), new ai.djl.ndarray.types.Shape(2, 3));
            NDArray b2 = m.create(B0.clone());
            for (NDArray x : List.of(a, b, a2, b2)) {
                x.setRequiresGradient(true);
            }
            try (AdamOptimizer one = new AdamOptimizer(OptimizerKind.ADAMW, 0.01, List.of(a, b), m);
                 AdamOptimizer two = new AdamOptimizer(OptimizerKind.ADAMW, 0.01, List.of(a2, b2), m)) {
                for (int t = 0; t < 2; t++) {
                    backward(a, b);
                    one.step(0.1);
                    backward(a2, b2);
                    two.step(0.1);
                }
                // a third optimiser from one's state, on one's parameters, steps as one would have
                OptimizerState saved = one.state();
                try (AdamOptimizer resumed = new AdamOptimizer(OptimizerKind.ADAMW, 0.01, List.of(a, b), m)) {
                    resumed.restore(saved);
                    backward(a, b);
                    resumed.step(0.1);
                }
                backward(a2, b2);
                two.step(0.1);
                assertArrayEquals(a2.toFloatArray(), a.toFloatArray());
                assertArrayEquals(b2.toFloatArray(), b.toFloatArray());

                float[] before = a.toFloatArray();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(a.mul(Float.NaN).sum().add(b.sum()));
                }
                assertFalse(one.step(0.1));
                assertArrayEquals(before, a.toFloatArray());
                assertEquals(saved.steps(), one.state().steps());
            }
        }
    }

    /** One infinite or NaN value anywhere (eight at a time or in the remainder) is found. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0, Infinity", "20, -Infinity", "31, NaN", "36, Infinity"})
    void aSingleNonFiniteGradientValueAnywhereChangesNothing(int at, float bad) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x0 = new float[37];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = 0.1f * i - 1f;
            }
            NDArray x = m.create(x0.clone());
            x.setRequiresGradient(true);
            float[] c = new float[x0.length];
            java.util.Arrays.fill(c, 0.5f);
            try (AdamOptimizer opt = new AdamOptimizer(OptimizerKind.ADAM, 0, List.of(x), m)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(x.mul(m.create(c)).sum());
                }
                assertEquals(true, opt.step(0.1), "finite gradients update");
                float[] before = x.toFloatArray();
                c[at] = bad;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(x.mul(m.create(c)).sum());
                }
                assertFalse(opt.step(0.1));
                assertArrayEquals(before, x.toFloatArray());
                assertEquals(1, opt.state().steps());
            }
        }
    }

    private static double[] concat(float[] x, float[] y) {
        double[] out = new double[x.length + y.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        for (int i = 0; i < y.length; i++) {
            out[x.length + i] = y[i];
        }
        return out;
    }

    private static float[] concatFloats(float[] x, float[] y) {
        float[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
