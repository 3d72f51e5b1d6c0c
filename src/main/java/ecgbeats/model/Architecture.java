package ecgbeats.model;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The model families of docs/reference.md §2, each with the input layout it sees and the model
 * hyperparameters it uses. A hyperparameter outside that set is refused, never ignored.
 */
public enum Architecture {
    /** The study's best: 2D CNN with ResNet blocks and a dense head over the 16 × 12 grid. */
    CNN2D(InputLayout.GRID_16X12, EnumSet.of(ModelParam.HIDDEN, ModelParam.NUM_LAYERS, ModelParam.NUM_BLOCKS,
            ModelParam.DROPOUT, ModelParam.FEATURES, ModelParam.RHYTHM_JOIN, ModelParam.TEMPLATE)),
    /** 1D CNN with ResNet blocks, then a GRU over the 96 pooled time steps (or one flat step). */
    CNNGRU1D(InputLayout.SEQUENCE_192, EnumSet.of(ModelParam.HIDDEN, ModelParam.NUM_LAYERS, ModelParam.NUM_BLOCKS,
            ModelParam.DROPOUT, ModelParam.GRU_HIDDEN, ModelParam.GRU_INPUT, ModelParam.FEATURES,
            ModelParam.RHYTHM_JOIN, ModelParam.TEMPLATE)),
    /** The cnn2d stem, then transformer encoder blocks over the 192 grid cells. */
    TRANSFORMER2D(InputLayout.GRID_16X12, EnumSet.of(ModelParam.HIDDEN, ModelParam.NUM_BLOCKS, ModelParam.DROPOUT,
            ModelParam.NUM_HEADS, ModelParam.FEATURES, ModelParam.RHYTHM_JOIN, ModelParam.TEMPLATE)),
    /** A strided Conv1d embedding, then transformer encoder blocks. */
    TRANSFORMER1D(InputLayout.SEQUENCE_192, EnumSet.of(ModelParam.HIDDEN, ModelParam.NUM_BLOCKS, ModelParam.DROPOUT,
            ModelParam.NUM_HEADS, ModelParam.FEATURES, ModelParam.RHYTHM_JOIN, ModelParam.TEMPLATE)),
    /** 1D CNN with ResNet blocks and a dense head. */
    CNN1D(InputLayout.SEQUENCE_192, EnumSet.of(ModelParam.HIDDEN, ModelParam.NUM_LAYERS, ModelParam.NUM_BLOCKS,
            ModelParam.DROPOUT, ModelParam.FEATURES, ModelParam.RHYTHM_JOIN, ModelParam.TEMPLATE)),
    /** A multi-layer GRU over the 192 samples. */
    GRU(InputLayout.SEQUENCE_192, EnumSet.of(ModelParam.HIDDEN, ModelParam.NUM_LAYERS, ModelParam.DROPOUT,
            ModelParam.FEATURES, ModelParam.RHYTHM_JOIN, ModelParam.TEMPLATE));

    private final InputLayout input;
    private final Set<ModelParam> params;

    Architecture(InputLayout input, Set<ModelParam> params) {
        this.input = input;
        this.params = params;
    }

    public InputLayout input() {
        return input;
    }

    /** The model hyperparameters this architecture uses. */
    public Set<ModelParam> params() {
        return params;
    }

    public String id() {
        return EnumIds.id(this);
    }

    public static Architecture parse(String s) {
        return EnumIds.find(Architecture.class, s).orElseThrow(() -> new BadInputException(
                "unknown model '" + s + "' (expected one of "
                + EnumIds.list(Architecture.class) + ")"));
    }
}
