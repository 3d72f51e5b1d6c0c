package ecgbeats.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Adam and AdamW as PyTorch defines them ({@code torch.optim.Adam} and {@code AdamW}: betas
 * 0.9 and 0.999, eps 1e-8, bias correction; Adam's weight decay added to the gradient, AdamW's
 * applied to the weights), with state we own: {@link #state()} goes into checkpoints and
 * {@link #restore} makes a resumed run continue exactly.
 *
 * <p>The update runs in Java, one fused pass per parameter over the Java-heap moments and copies
 * of the gradient and the weights. Why: libtorch's per-tensor Adam step (the one DJL exposes)
 * makes about eleven passes over each tensor and five temporaries, which costs most where memory
 * bandwidth is shared (docs/performance.md has the measurements). The bias
 * corrections are folded into the step size and eps as PyTorch's definition allows:
 * lr/(1−β₁ᵗ)·m / (√v/√(1−β₂ᵗ) + eps) = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)·m / (√v + eps·√(1−β₂ᵗ)).
 *
 * <p>Not thread-safe; one per training run. Close it: gradient handles live in native memory.
 */
final class AdamOptimizer implements AutoCloseable {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final OptimizerKind kind;
    private final float weightDecay;
    private final List<PtNDArray> params;
    private final NDManager manager;
    private final float[][] m;
    private final float[][] v;
    /** Each parameter's gradient and weights, copied out for the update: reused every step. */
    private final float[][] grads;
    private final float[][] weights;
    private long steps;

    /** An optimiser of {@code params} (trainable, with gradients attached); its temporaries in {@code parent}'s memory. */
    AdamOptimizer(OptimizerKind kind, double weightDecay, List<NDArray> params, NDManager parent) {
        this.kind = kind;
        this.weightDecay = (float) weightDecay;
        this.params = params.stream().map(p -> (PtNDArray) p).toList();
        this.manager = parent.newSubManager();
        int n = params.size();
        m = new float[n][];
        v = new float[n][];
        grads = new float[n][];
        weights = new float[n][];
        for (int i = 0; i < n; i++) {
            int size = Math.toIntExact(params.get(i).size());
            m[i] = new float[size];
            v[i] = new float[size];
            grads[i] = new float[size];
            weights[i] = new float[size];
            requireView(this.params.get(i), i);
        }
    }

    /**
     * Fails unless writing to {@link #floats} of parameter {@code index} changes the parameter:
     * a tensor that is not dense would hand out a copy, and the updates would go nowhere.
     */
    private static void requireView(PtNDArray p, int index) {
        FloatBuffer view = floats(p);
        float old = view.get(0);
        view.put(0, Float.NaN);
        boolean aliased = Float.isNaN(p.toFloatArray()[0]);
        view.put(0, old);
        if (!aliased) {
            throw new IllegalStateException("parameter " + index + " (" + p.getShape() + ") is not a dense tensor");
        }
    }

    /** The number of values updated. */
    long size() {
        long n = 0;
        for (float[] a : m) {
            n += a.length;
        }
        return n;
    }

    /**
     * One update at learning rate {@code lr} from the gradients the last backward pass left, which
     * are then zeroed. Returns false, changing nothing, when a gradient is not finite.
     */
    boolean step(double lr) {
        // gradient handles are temporaries of this step (each getGradient() is a new handle)
        try (NDManager s = manager.newSubManager()) {
            for (int i = 0; i < params.size(); i++) {
                NDArray g = params.get(i).getGradient();
                g.attach(s);
                floats((PtNDArray) g).get(0, grads[i]);
                if (!finite(grads[i])) {
                    return false;
                }
            }
        }
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double root2 = Math.sqrt(1 - Math.pow(BETA2, steps));
        float stepSize = (float) (lr * root2 / correction1);
        float eps = (float) (EPS * root2);
        float decay = kind == OptimizerKind.ADAMW ? (float) (1 - lr * weightDecay) : 1f;
        float l2 = kind == OptimizerKind.ADAM ? weightDecay : 0f;
        for (int i = 0; i < params.size(); i++) {
            PtNDArray p = params.get(i);
            FloatBuffer view = floats(p);
            view.get(0, weights[i]);
            update(weights[i], grads[i], m[i], v[i], stepSize, eps, decay, l2);
            view.put(0, weights[i]);
            JniUtils.zeroGrad(p);
        }
        return true;
    }

    /**
     * The tensor's values as a buffer over its own memory (parameters and their gradients are
     * dense, so this is a view, not a copy: writing to it changes the tensor).
     */
    private static FloatBuffer floats(PtNDArray a) {
        ByteBuffer b = JniUtils.getByteBuffer(a, true);
        return b.asFloatBuffer();
    }

    /**
     * Whether every value is finite: x·0 is 0 for a finite x and NaN for an infinite or NaN one.
     * Eight sums, because one would wait on each addition in turn.
     */
    private static boolean finite(float[] g) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int j = 0;
        for (; j + 7 < g.length; j += 8) {
            s0 += g[j] * 0f;
            s1 += g[j + 1] * 0f;
            s2 += g[j + 2] * 0f;
            s3 += g[j + 3] * 0f;
            s4 += g[j + 4] * 0f;
            s5 += g[j + 5] * 0f;
            s6 += g[j + 6] * 0f;
            s7 += g[j + 7] * 0f;
        }
        for (; j < g.length; j++) {
            s0 += g[j] * 0f;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0f;
    }

    /** One Adam step on one parameter, in place; a loop the JIT can vectorise. */
    private static void update(float[] w, float[] g, float[] m, float[] v, float stepSize, float eps, float decay,
                               float l2) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float c1 = (float) (1 - BETA1);
        float c2 = (float) (1 - BETA2);
        for (int j = 0; j < w.length; j++) {
            float wj = w[j];
            float gj = g[j] + l2 * wj;
            float mj = b1 * m[j] + c1 * gj;
            float vj = b2 * v[j] + c2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            w[j] = wj * decay - stepSize * mj / ((float) Math.sqrt(vj) + eps);
        }
    }

    /** The moments, every parameter's in turn, and the step count. */
    OptimizerState state() {
        float[] ms = new float[Math.toIntExact(size())];
        float[] vs = new float[ms.length];
        int at = 0;
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, ms, at, m[i].length);
            System.arraycopy(v[i], 0, vs, at, v[i].length);
            at += m[i].length;
        }
        return new OptimizerState(steps, ms, vs);
    }

    void restore(OptimizerState state) {
        if (state.m().length != size()) {
            throw new IllegalArgumentException("optimiser state of " + state.m().length + " values for a model of "
                    + size());
        }
        int at = 0;
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(state.m(), at, m[i], 0, m[i].length);
            System.arraycopy(state.v(), at, v[i], 0, v[i].length);
            at += m[i].length;
        }
        steps = state.steps();
    }

    @Override
    public void close() {
        manager.close();
    }
}
