package ecgbeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ecgbeats.data.beat.RrFeatures;

/**
 * A model that sees a beat's rhythm as well as its shape (docs/reference.md §2 "Features"): its inputs are
 * the beat's samples and its first {@link Features#inputWidth()} {@link RrFeatures}. The shape side reads the samples (the
 * trunk, and with {@link RhythmJoinPoint#DENSE} the head's first dense layer too); the features
 * are standardised with the train split's means and deviations (kept as parameters that
 * training does not change, so they travel with the weights), the ones the model reads are kept
 * ({@link Features#columns()}) and go through a small dense layer (Linear → ReLU, {@value
 * #RHYTHM_UNITS} units); the rest of the head classifies the shape side's output, after dropout,
 * joined with that.
 *
 * <p>Why the dense layer and the dropout: joined raw to a trunk output of thousands of values,
 * eight features barely move the head, and a trunk that can tell its training patients' S beats
 * apart by shape is never pushed to use them; on unseen patients that shape does not carry over.
 * docs/results.md ("Rhythm on the inter-patient split") has the measurements; where the rhythm
 * joins is {@link RhythmJoinPoint}'s story.
 */
final class RhythmJoin extends AbstractBlock {

    static final int RHYTHM_UNITS = 32;

    private final Block trunk;
    private final Scaling scaling;
    private final Block rhythm;
    private final Block trunkDropout;
    private final Block head;
    private final int[] columns;
    private final int width;

    RhythmJoin(Block trunk, Block head, Features features, double dropout) {
        super((byte) 1);
        this.columns = features.columns();
        this.width = features.inputWidth();
        this.trunk = addChildBlock("trunk", trunk);
        this.scaling = addChildBlock("scaling", new Scaling(width));
        this.rhythm = addChildBlock("rhythm", new SequentialBlock()
                .add(Linear.builder().setUnits(RHYTHM_UNITS).build()).add(Activation.reluBlock()));
        this.trunkDropout = addChildBlock("trunk_dropout", Dropout.builder().optRate((float) dropout).build());
        this.head = addChildBlock("head", head);
    }

    /** Sets the standardisation: each feature k becomes (x_k − mean_k) / deviation_k. */
    void setScaling(float[] mean, float[] deviation) {
        assign(scaling.mean.getArray(), mean);
        assign(scaling.deviation.getArray(), deviation);
    }

    /** In place, by arithmetic: NDArray.set makes libtorch print a deprecation warning. */
    private static void assign(NDArray target, float[] values) {
        try (NDArray v = target.getManager().create(values, target.getShape())) {
            target.muli(0).addi(v);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("a model with RR features takes the beats and their RR features");
        }
        NDArray shape = trunk.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
        shape = trunkDropout.forward(store, new NDList(shape), training, params).singletonOrThrow();
        NDArray scaled = scaling.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
        NDArray used = columns.length == width ? scaled : scaled.get(new NDIndex(":, {}",
                scaled.getManager().create(columns)));
        NDArray r = rhythm.forward(store, new NDList(used), training, params).singletonOrThrow();
        return head.forward(store, new NDList(shape.concat(r, 1)), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {joined(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        trunk.initialize(manager, dataType, inputShapes[0]);
        Shape trunkOut = trunk.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        trunkDropout.initialize(manager, dataType, trunkOut);
        scaling.initialize(manager, dataType, inputShapes[1]);
        rhythm.initialize(manager, dataType, new Shape(inputShapes[1].get(0), columns.length));
        head.initialize(manager, dataType, joined(inputShapes[0]));
    }

    private Shape joined(Shape beats) {
        Shape t = trunk.getOutputShapes(new Shape[] {beats})[0];
        return new Shape(t.get(0), t.get(1) + RHYTHM_UNITS);
    }

    /** (x − mean) / deviation per feature; mean 0 and deviation 1 until {@link #setScaling}. */
    private static final class Scaling extends AbstractBlock {
        private final Parameter mean;
        private final Parameter deviation;

        Scaling(int width) {
            super((byte) 1);
            mean = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.RUNNING_MEAN)
                    .optShape(new Shape(width)).optRequiresGrad(false).build());
            deviation = addParameter(Parameter.builder().setName("deviation").setType(Parameter.Type.RUNNING_VAR)
                    .optShape(new Shape(width)).optRequiresGrad(false).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray m = store.getValue(mean, x.getDevice(), training);
            NDArray d = store.getValue(deviation, x.getDevice(), training);
            return new NDList(x.sub(m).div(d));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
