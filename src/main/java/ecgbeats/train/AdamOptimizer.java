package ecgbeats.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adam and AdamW as PyTorch defines them ({@code torch.optim.Adam} and {@code AdamW}: betas
 * 0.9 and 0.999, eps 1e-8, bias correction; Adam's weight decay added to the gradient, AdamW's
 * applied to the weights), with state we own: {@link #state()} goes into checkpoints and
 * {@link #restore} makes a resumed run continue exactly.
 *
 * <p>Each parameter is updated by one call of libtorch's fused in-place Adam step (the one DJL's
 * own Adam uses). That step adds eps to √v rather than to the bias-corrected √v̂ and takes the
 * learning rate with both bias corrections folded in; passing it eps·√(1−β₂ᵗ) and
 * lr·√(1−β₂ᵗ)/(1−β₁ᵗ) gives PyTorch's update exactly:
 * lr/(1−β₁ᵗ)·m / (√v/√(1−β₂ᵗ) + eps) = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)·m / (√v + eps·√(1−β₂ᵗ)).
 *
 * <p>Not thread-safe; one per training run. Owns native memory: close it.
 */
final class AdamOptimizer implements AutoCloseable {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final OptimizerKind kind;
    private final double weightDecay;
    private final List<NDArray> params;
    private final NDManager manager;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private long steps;

    /** An optimiser of {@code params} (trainable, with gradients attached), its state in {@code parent}'s memory. */
    AdamOptimizer(OptimizerKind kind, double weightDecay, List<NDArray> params, NDManager parent) {
        this.kind = kind;
        this.weightDecay = weightDecay;
        this.params = List.copyOf(params);
        this.manager = parent.newSubManager();
        for (NDArray p : params) {
            m.add(manager.zeros(p.getShape()));
            v.add(manager.zeros(p.getShape()));
        }
    }

    /** The number of values updated. */
    long size() {
        return params.stream().mapToLong(NDArray::size).sum();
    }

    /**
     * One update at learning rate {@code lr} from the gradients the last backward pass left, which
     * are then zeroed. Returns false, changing nothing, when a gradient is not finite.
     */
    boolean step(double lr) {
        // gradient handles are temporaries of this step (each getGradient() is a new handle)
        try (NDManager s = manager.newSubManager()) {
            List<NDArray> grads = new ArrayList<>(params.size());
            NDArray total = null;
            for (NDArray p : params) {
                NDArray g = p.getGradient();
                g.attach(s);
                grads.add(g);
                total = total == null ? g.sum() : total.addi(g.sum());
            }
            if (total != null && !Double.isFinite(total.getFloat())) {
                return false;
            }
            steps++;
            double correction1 = 1 - Math.pow(BETA1, steps);
            double root2 = Math.sqrt(1 - Math.pow(BETA2, steps));
            for (int i = 0; i < params.size(); i++) {
                PtNDArray p = (PtNDArray) params.get(i);
                JniUtils.adamUpdate(p, (PtNDArray) grads.get(i), (PtNDArray) m.get(i), (PtNDArray) v.get(i),
                        (float) lr, (float) (lr * root2 / correction1), (float) weightDecay, 1f, -1f, (float) BETA1,
                        (float) BETA2, (float) (EPS * root2), kind == OptimizerKind.ADAMW);
                JniUtils.zeroGrad(p);
            }
            return true;
        }
    }

    /** The moments, every parameter's in turn, and the step count. */
    OptimizerState state() {
        float[] ms = new float[(int) size()];
        float[] vs = new float[ms.length];
        int at = 0;
        for (int i = 0; i < params.size(); i++) {
            float[] a = m.get(i).toFloatArray();
            System.arraycopy(a, 0, ms, at, a.length);
            System.arraycopy(v.get(i).toFloatArray(), 0, vs, at, a.length);
            at += a.length;
        }
        return new OptimizerState(steps, ms, vs);
    }

    void restore(OptimizerState state) {
        if (state.m().length != size()) {
            throw new IllegalArgumentException("optimiser state of " + state.m().length + " values for a model of "
                    + size());
        }
        int at = 0;
        for (int i = 0; i < params.size(); i++) {
            int n = (int) params.get(i).size();
            // new arrays rather than NDArray.set, which makes libtorch print a deprecation warning
            m.set(i, replaced(m.get(i), Arrays.copyOfRange(state.m(), at, at + n)));
            v.set(i, replaced(v.get(i), Arrays.copyOfRange(state.v(), at, at + n)));
            at += n;
        }
        steps = state.steps();
    }

    private NDArray replaced(NDArray old, float[] values) {
        NDArray fresh = manager.create(values, old.getShape());
        old.close();
        return fresh;
    }

    @Override
    public void close() {
        manager.close();
    }
}
