package ecgbeats.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.model.InputLayout;

import java.nio.FloatBuffer;

/**
 * One optimisation step at a time: forward, weighted cross-entropy, backward, Adam/AdamW
 * update. Training and the benchmark both go through here, so the benchmark measures the
 * real training path. Owns a DJL trainer: close it.
 */
final class StepRunner implements AutoCloseable {

    private final Network net;
    private final Trainer trainer;
    private final AdjustableTracker lr;

    StepRunner(Network net, OptimizerKind kind, double lr, double weightDecay, int batch) {
        this.net = net;
        this.lr = new AdjustableTracker((float) lr);
        Optimizer optimizer = switch (kind) {
            case ADAM -> Optimizer.adam().optLearningRateTracker(this.lr).optWeightDecays((float) weightDecay).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(this.lr).optWeightDecays((float) weightDecay).build();
        };
        // the loss given here is unused: step() computes its own weighted loss
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
        this.trainer = net.model().newTrainer(config);
        trainer.initialize(net.batchShape(batch));
    }

    void setLearningRate(double value) {
        lr.value = (float) value;
    }

    /**
     * One step on {@code n} beats: {@code x} holds n × 192 samples, {@code target} n × 5 rows
     * that are zero but at the true class, where they hold the beat's share of the batch's loss
     * weight. Returns the batch loss.
     */
    double step(float[] x, float[] target, int n) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray input = m.create(FloatBuffer.wrap(x, 0, n * InputLayout.PADDED_LENGTH), net.batchShape(n));
            NDArray t = m.create(FloatBuffer.wrap(target, 0, n * AamiClass.COUNT), new Shape(n, AamiClass.COUNT));
            double value;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                NDArray loss = logits.logSoftmax(1).mul(t).sum().neg();
                gc.backward(loss);
                value = loss.getFloat();
            }
            trainer.step();
            return value;
        }
    }

    @Override
    public void close() {
        trainer.close();
    }

    /** A learning rate the plateau policy sets between epochs. */
    private static final class AdjustableTracker implements Tracker {
        private volatile float value;

        AdjustableTracker(float value) {
            this.value = value;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
