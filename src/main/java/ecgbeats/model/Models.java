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
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.util.Pair;

import java.util.List;

/** Builds the DJL block of a {@link ModelSpec} (SPEC §2). Every model ends in 5 logits. */
public final class Models {

    public static final int CLASSES = 5;
    private static final int CNNGRU_CHANNELS = 128;

    private Models() {
    }

    public static Block build(ModelSpec s) {
        return switch (s.architecture()) {
            case CNN2D -> cnn2d(s);
            case CNNGRU1D -> cnnGru1d(s);
            case TRANSFORMER2D -> transformer2d(s);
            case TRANSFORMER1D -> transformer1d(s);
            case CNN1D -> cnn1d(s);
            case GRU -> gru(s);
        };
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

    private static Block cnn2d(ModelSpec s) {
        SequentialBlock net = new SequentialBlock()
                .add(conv2d(s.hidden())).add(Activation::relu).add(BatchNorm.builder().build());
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(resBlock2d(s.hidden()));
        }
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock());
        return denseHead(net, s);
    }

    private static Block cnn1d(ModelSpec s) {
        SequentialBlock net = new SequentialBlock()
                .add(conv1d(s.hidden())).add(Activation::relu).add(BatchNorm.builder().build());
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(resBlock1d(s.hidden()));
        }
        net.add(Pool.maxPool1dBlock(new Shape(2), new Shape(2))).add(Blocks.batchFlattenBlock());
        return denseHead(net, s);
    }

    /** Linear(in → hidden) → ReLU → Dropout, (num_layers − 2) more of those, then Linear(hidden → 5). */
    private static Block denseHead(SequentialBlock net, ModelSpec s) {
        for (int i = 0; i < s.numLayers() - 1; i++) {
            net.add(Linear.builder().setUnits(s.hidden()).build())
                    .add(Activation::relu)
                    .add(Dropout.builder().optRate((float) s.dropout()).build());
        }
        return net.add(Linear.builder().setUnits(CLASSES).build());
    }

    private static Block cnnGru1d(ModelSpec s) {
        SequentialBlock net = new SequentialBlock()
                .add(conv1d(CNNGRU_CHANNELS)).add(Activation::relu).add(BatchNorm.builder().build());
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(resBlock1d(CNNGRU_CHANNELS));
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
                .add(LayerNorm.builder().axis(1).build())
                .add(Linear.builder().setUnits(s.hidden()).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(CLASSES).build());
        return net;
    }

    private static Block gru(ModelSpec s) {
        return new SequentialBlock()
                .add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "to_steps")) // (B, 192, 1)
                .add(GRU.builder().setStateSize(s.hidden()).setNumLayers(s.numLayers())
                        .optDropRate((float) s.dropout()).optBatchFirst(true).optReturnState(false).build())
                .add(LambdaBlock.singleton(Models::lastStep, "last_step"))
                .add(LayerNorm.builder().axis(1).build())
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    private static Block transformer2d(ModelSpec s) {
        SequentialBlock net = new SequentialBlock()
                .add(conv2d(s.hidden())).add(Activation::relu).add(BatchNorm.builder().build())
                .add(resBlock2d(s.hidden()))
                // (B, C, 16, 12) -> (B, 192, C): one token per grid cell
                .add(LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), x.getShape().get(1), -1)
                        .transpose(0, 2, 1), "to_tokens"));
        return encoder(net, s);
    }

    private static Block transformer1d(ModelSpec s) {
        SequentialBlock net = new SequentialBlock()
                // kernel 8, stride 4: 48 tokens of 8 samples with half overlap
                .add(Conv1d.builder().setKernelShape(new Shape(8)).optStride(new Shape(4)).optPadding(new Shape(2))
                        .setFilters(s.hidden()).build())
                .add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "to_tokens"));
        return encoder(net, s);
    }

    /** Sinusoidal positions, encoder blocks, mean over tokens, Linear head. */
    private static Block encoder(SequentialBlock net, ModelSpec s) {
        net.add(LambdaBlock.singleton(PositionalEncoding::add, "positions"));
        for (int i = 0; i < s.numBlocks(); i++) {
            net.add(new TransformerEncoderBlock(s.hidden(), s.numHeads(), 2 * s.hidden(), (float) s.dropout(),
                    Activation::relu));
        }
        return net.add(LambdaBlock.singleton(x -> x.mean(new int[] {1}), "mean_tokens"))
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    private static NDArray lastStep(NDArray x) {
        return x.get(new NDIndex(":, -1, :"));
    }

    private static Conv2d conv2d(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(1, 1))
                .optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    private static Conv1d conv1d(int filters) {
        return Conv1d.builder().setKernelShape(new Shape(3)).optStride(new Shape(1))
                .optPadding(new Shape(1)).setFilters(filters).build();
    }

    /** conv → BN → ReLU → conv → BN, plus the identity, then ReLU. */
    private static Block resBlock2d(int c) {
        SequentialBlock body = new SequentialBlock()
                .add(conv2d(c)).add(BatchNorm.builder().build()).add(Activation::relu)
                .add(conv2d(c)).add(BatchNorm.builder().build());
        return residual(body);
    }

    private static Block resBlock1d(int c) {
        SequentialBlock body = new SequentialBlock()
                .add(conv1d(c)).add(BatchNorm.builder().build()).add(Activation::relu)
                .add(conv1d(c)).add(BatchNorm.builder().build());
        return residual(body);
    }

    private static Block residual(Block body) {
        return new ParallelBlock(
                outs -> new NDList(Activation.relu(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow()))),
                List.of(body, Blocks.identityBlock()));
    }
}
