package ecgbeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ecgbeats.data.beat.RrFeatures;

/**
 * A model that sees a beat's rhythm as well as its shape (SPEC §2 "Features"): its inputs are
 * the beat's samples and its {@link RrFeatures}; the trunk reads the samples, the features are
 * standardised with the train split's means and deviations (kept as parameters that training
 * does not change, so they travel with the weights), and the head classifies the trunk's
 * output joined with them.
 */
final class RhythmJoin extends AbstractBlock {

    private final Block trunk;
    private final Scaling scaling;
    private final Block head;

    RhythmJoin(Block trunk, Block head) {
        super((byte) 1);
        this.trunk = addChildBlock("trunk", trunk);
        this.scaling = addChildBlock("rhythm", new Scaling());
        this.head = addChildBlock("head", head);
    }

    /** Sets the standardisation: each feature k becomes (x_k − mean_k) / deviation_k. */
    void setScaling(float[] mean, float[] deviation) {
        scaling.mean.getArray().set(mean);
        scaling.deviation.getArray().set(deviation);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("a model with features=rr takes the beats and their RR features");
        }
        NDArray shape = trunk.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
        NDArray rhythm = scaling.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
        return head.forward(store, new NDList(shape.concat(rhythm, 1)), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(new Shape[] {joined(inputShapes[0])});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        trunk.initialize(manager, dataType, inputShapes[0]);
        scaling.initialize(manager, dataType, inputShapes[1]);
        head.initialize(manager, dataType, joined(inputShapes[0]));
    }

    private Shape joined(Shape beats) {
        Shape t = trunk.getOutputShapes(new Shape[] {beats})[0];
        return new Shape(t.get(0), t.get(1) + RrFeatures.COUNT);
    }

    /** (x − mean) / deviation per feature; mean 0 and deviation 1 until {@link #setScaling}. */
    private static final class Scaling extends AbstractBlock {
        private final Parameter mean;
        private final Parameter deviation;

        Scaling() {
            super((byte) 1);
            mean = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.RUNNING_MEAN)
                    .optShape(new Shape(RrFeatures.COUNT)).optRequiresGrad(false).build());
            deviation = addParameter(Parameter.builder().setName("deviation").setType(Parameter.Type.RUNNING_VAR)
                    .optShape(new Shape(RrFeatures.COUNT)).optRequiresGrad(false).build());
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
