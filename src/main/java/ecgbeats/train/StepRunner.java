package ecgbeats.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ecgbeats.data.beat.AamiClass;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One optimisation step at a time: forward, weighted cross-entropy, backward, Adam/AdamW
 * update. Training and the benchmark both go through here, so the benchmark measures the
 * real training path. A loss or gradient that is not finite stops it with a
 * {@link NonFiniteException} before any weight changes. Owns native memory: close it.
 */
final class StepRunner implements AutoCloseable {

    private final Network net;
    private final NDManager manager;
    private final ParameterStore store;
    private final AdamOptimizer optimizer;
    private double lr;

    StepRunner(Network net, OptimizerKind kind, double lr, double weightDecay) {
        this(net, kind, lr, weightDecay, name -> true);
    }

    /** A runner that updates only the parameters whose names {@code trains} accepts; the others stay as they are. */
    StepRunner(Network net, OptimizerKind kind, double lr, double weightDecay,
               java.util.function.Predicate<String> trains) {
        this.net = net;
        this.lr = lr;
        this.manager = net.model().getNDManager().newSubManager();
        this.store = new ParameterStore(manager, false);
        List<NDArray> params = new ArrayList<>();
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray a = p.getValue().getArray();
                boolean trained = trains.test(p.getKey());
                a.setRequiresGradient(trained);
                if (trained) {
                    params.add(a);
                }
            }
        }
        this.optimizer = new AdamOptimizer(kind, weightDecay, params, manager);
    }

    void setLearningRate(double value) {
        lr = value;
    }

    double learningRate() {
        return lr;
    }

    OptimizerState optimizerState() {
        return optimizer.state();
    }

    void restoreOptimizer(OptimizerState state) {
        optimizer.restore(state);
    }

    /**
     * One step on {@code n} beats: {@code x} holds n × 192 samples, {@code rr} n × the model's RR width of features
     * (null for a model without them), {@code target} n × 5 rows that are zero but at the true
     * class, where they hold the beat's share of the batch's loss weight. Returns the batch loss.
     *
     * @throws NonFiniteException when the loss or a gradient is not finite (the weights are unchanged)
     */
    double step(float[] x, float[] rr, float[] target, int n) {
        try (NDManager m = manager.newSubManager()) {
            NDList inputs = net.inputs(m, x, rr, n);
            NDArray t = m.create(FloatBuffer.wrap(target, 0, n * AamiClass.COUNT), new Shape(n, AamiClass.COUNT));
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.block().forward(store, inputs, true).singletonOrThrow();
                NDArray loss = logits.logSoftmax(1).mul(t).sum().neg();
                value = loss.getFloat();
                if (!Double.isFinite(value)) {
                    throw new NonFiniteException(NonFiniteException.Quantity.TRAIN_LOSS, value);
                }
                gc.backward(loss);
            }
            if (!optimizer.step(lr)) {
                throw new NonFiniteException(NonFiniteException.Quantity.GRADIENT, Double.NaN);
            }
            return value;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
