package ecgbeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.util.Pair;

import java.util.List;

/** Builds the DJL block of a {@link ModelSpec} (docs/reference.md §2). Every model ends in 5 logits. */
public final class Models {

    public static final int CLASSES = 5;
    private static final int CNNGRU_CHANNELS = 128;

    private Models() {
    }

    /**
     * The model's block, its convolutions aligned and laid out as this processor needs
     * ({@link ChannelAlignment}, {@link ConvolutionLayout}).
     */
    public static Block build(ModelSpec s) {
        return build(s, ChannelAlignment.forThisProcessor(), ConvolutionLayout.chosen());
    }

    /**
     * The model's block with its convolutions run at the given channel alignment and 2D layout
     * (the same numbers, up to float rounding, either way; the same parameters).
     */
    public static Block build(ModelSpec s, ChannelAlignment alignment, ConvolutionLayout layout) {
        Convs c = new Convs(alignment, layout);
        Parts p = switch (s.architecture()) {
            case CNN2D -> cnn2d(s, c);
            case CNNGRU1D -> cnnGru1d(s, c);
            case TRANSFORMER2D -> transformer2d(s, c);
            case TRANSFORMER1D -> transformer1d(s, c);
            case CNN1D -> cnn1d(s, c);
            case GRU -> gru(s);
        };
        if (s.features().usesRr()) {
            int split = s.rhythmJoin() == RhythmJoinPoint.DENSE ? firstDenseLayer(p.head()) : 0;
            SequentialBlock shape = p.trunk().addAll(p.head().subList(0, split));
            return new RhythmJoin(shape, new SequentialBlock().addAll(p.head().subList(split, p.head().size())),
                    s.features(), s.dropout());
        }
        // one flat sequence, as before features existed: parameter files of those models still load
        return p.trunk().addAll(p.head());
    }

    /**
     * How many blocks the head's first dense layer spans (Linear, ReLU, and its Dropout if any),
     * or 0 when the head is a single Linear: that layer goes to the shape's side of the join.
     */
    private static int firstDenseLayer(List<Block> head) {
        if (head.size() < 3 || !(head.get(0) instanceof Linear)) {
            return 0;
        }
        return head.get(2) instanceof Dropout ? 3 : 2;
    }

    /** A model in two parts: the trunk that reads the beat, and the dense head that classifies its output. */
    private record Parts(SequentialBlock trunk, List<Block> head) {
    }

    /** The convolutions of one model, all at one alignment and 2D layout. */
    private record Convs(ChannelAlignment alignment, ConvolutionLayout layout) {
        Block conv2d(int filters) {
            return AlignedConvolution.conv2d3x3(filters, alignment, layout);
        }

        Block conv1d(int filters) {
            return AlignedConvolution.conv1d(filters, 3, 1, 1, alignment);
        }
    }

    /**
     * Sets how a model with {@code features=rr} standardises the RR features: (x − mean) / deviation,
     * per feature, from the train split. Training leaves them as they are.
     */
    public static void setRhythmScaling(Block model, float[] mean, float[] deviation) {
        if (!(model instanceof RhythmJoin r)) {
            throw new IllegalArgumentException("the model takes no RR features");
        }
        r.setScaling(mean, deviation);
    }

    /** Trainable parameters of an initialised block (BatchNorm running statistics excluded). */
    public static long parameterCount(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().getShape().size();
            }
        }
        return n;
    }

    private static Parts cnn2d(ModelSpec s, Convs c) {
        SequentialBlock net = new SequentialBlock()
                .add(c.conv2d(s.hidden())).add(Activation::relu).add(BatchNorm.builder().build());
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(resBlock2d(s.hidden(), c));
        }
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock());
        return new Parts(net, denseHead(s));
    }

    private static Parts cnn1d(ModelSpec s, Convs c) {
        SequentialBlock net = new SequentialBlock()
                .add(c.conv1d(s.hidden())).add(Activation::relu).add(BatchNorm.builder().build());
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(resBlock1d(s.hidden(), c));
        }
        net.add(Pool.maxPool1dBlock(new Shape(2), new Shape(2))).add(Blocks.batchFlattenBlock());
        return new Parts(net, denseHead(s));
    }

    /** Linear(in → hidden) → ReLU → Dropout, (num_layers − 2) more of those, then Linear(hidden → 5). */
    private static List<Block> denseHead(ModelSpec s) {
        List<Block> head = new java.util.ArrayList<>();
        for (int i = 0; i < s.numLayers() - 1; i++) {
            head.add(Linear.builder().setUnits(s.hidden()).build());
            head.add(Activation.reluBlock());
            head.add(Dropout.builder().optRate((float) s.dropout()).build());
        }
        head.add(Linear.builder().setUnits(CLASSES).build());
        return head;
    }

    private static Parts cnnGru1d(ModelSpec s, Convs c) {
        SequentialBlock net = new SequentialBlock()
                .add(c.conv1d(CNNGRU_CHANNELS)).add(Activation::relu).add(BatchNorm.builder().build());
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(resBlock1d(CNNGRU_CHANNELS, c));
        }
        net.add(Pool.maxPool1dBlock(new Shape(2), new Shape(2))); // (B, 128, 96)
        if (s.gruInput() == GruInput.TIME) {
            net.add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "to_steps")); // (B, 96, 128)
        } else {
            // the study's code: one step holding the whole flattened conv output
            net.add(LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), 1, -1), "flatten_one_step"));
        }
        net.add(Linear.builder().setUnits(s.hidden()).build())
                .add(GRU.builder().setStateSize(s.gruHidden()).setNumLayers(s.numLayers())
                        .optDropRate((float) s.dropout()).optBatchFirst(true).optReturnState(false).build())
                .add(LambdaBlock.singleton(Models::lastStep, "last_step"))
                .add(LayerNorm.builder().axis(1).build());
        return new Parts(net, List.of(Linear.builder().setUnits(s.hidden()).build(), Activation.reluBlock(),
                Linear.builder().setUnits(CLASSES).build()));
    }

    private static Parts gru(ModelSpec s) {
        SequentialBlock net = new SequentialBlock()
                .add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "to_steps")) // (B, 192, 1)
                .add(GRU.builder().setStateSize(s.hidden()).setNumLayers(s.numLayers())
                        .optDropRate((float) s.dropout()).optBatchFirst(true).optReturnState(false).build())
                .add(LambdaBlock.singleton(Models::lastStep, "last_step"))
                .add(LayerNorm.builder().axis(1).build());
        return new Parts(net, List.of(Linear.builder().setUnits(CLASSES).build()));
    }

    private static Parts transformer2d(ModelSpec s, Convs c) {
        SequentialBlock net = new SequentialBlock()
                .add(c.conv2d(s.hidden())).add(Activation::relu).add(BatchNorm.builder().build())
                .add(resBlock2d(s.hidden(), c))
                // (B, C, 16, 12) -> (B, 192, C): one token per grid cell
                .add(LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), x.getShape().get(1), -1)
                        .transpose(0, 2, 1), "to_tokens"));
        return encoder(net, s);
    }

    private static Parts transformer1d(ModelSpec s, Convs c) {
        SequentialBlock net = new SequentialBlock()
                // kernel 8, stride 4: 48 tokens of 8 samples with half overlap
                .add(AlignedConvolution.conv1d(s.hidden(), 8, 4, 2, c.alignment()))
                .add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "to_tokens"));
        return encoder(net, s);
    }

    /** Sinusoidal positions, encoder blocks, mean over tokens, Linear head. */
    private static Parts encoder(SequentialBlock net, ModelSpec s) {
        net.add(LambdaBlock.singleton(PositionalEncoding::add, "positions"));
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(new TransformerEncoderBlock(s.hidden(), s.numHeads(), 2 * s.hidden(), (float) s.dropout(),
                    Activation::relu));
        }
        net.add(LambdaBlock.singleton(x -> x.mean(new int[] {1}), "mean_tokens"));
        return new Parts(net, List.of(Linear.builder().setUnits(CLASSES).build()));
    }

    private static NDArray lastStep(NDArray x) {
        return x.get(new NDIndex(":, -1, :"));
    }

    /** conv → BN → ReLU → conv → BN, plus the identity, then ReLU. */
    private static Block resBlock2d(int channels, Convs c) {
        SequentialBlock body = new SequentialBlock()
                .add(c.conv2d(channels)).add(BatchNorm.builder().build()).add(Activation::relu)
                .add(c.conv2d(channels)).add(BatchNorm.builder().build());
        return residual(body);
    }

    private static Block resBlock1d(int channels, Convs c) {
        SequentialBlock body = new SequentialBlock()
                .add(c.conv1d(channels)).add(BatchNorm.builder().build()).add(Activation::relu)
                .add(c.conv1d(channels)).add(BatchNorm.builder().build());
        return residual(body);
    }

    private static Block residual(Block body) {
        return new ParallelBlock(
                outs -> new NDList(Activation.relu(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow()))),
                List.of(body, Blocks.identityBlock()));
    }
}
