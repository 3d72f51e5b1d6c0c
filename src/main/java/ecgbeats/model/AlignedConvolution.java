package ecgbeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.LayoutType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1D or 2D convolution with DJL's parameters (same names, shapes and saved bytes as
 * {@link Conv1d} and {@link Conv2d}, so parameter files of either load into the other) that
 * runs at channel counts padded as its {@link ChannelAlignment} says. With padding, the input
 * gets zero channels, the weight and bias zero rows and columns, and the output is cut back
 * to the filters asked for: the same numbers, computed by kernels that get them right.
 *
 * <p>An input of one channel (a raw beat) is never padded: nothing computes its gradient.
 *
 * <p>A 2D convolution in {@link ConvolutionLayout#CHANNELS_LAST} lays its input out channels-last
 * (a copy only for an input that is not already, such as the beat itself); its output, and what
 * BatchNorm, ReLU and pooling make of it, stay that way, so the next convolution copies nothing.
 */
final class AlignedConvolution extends Convolution {

    private final int dims;
    private final ChannelAlignment alignment;
    private final ConvolutionLayout layout;

    private AlignedConvolution(ConvolutionBuilder<?> builder, int dims, ChannelAlignment alignment,
                               ConvolutionLayout layout) {
        super(builder);
        this.dims = dims;
        this.alignment = alignment;
        this.layout = layout;
    }

    /** A 2D convolution: kernel 3×3, stride 1, padding 1 (the shape the study uses everywhere). */
    static AlignedConvolution conv2d3x3(int filters, ChannelAlignment alignment, ConvolutionLayout layout) {
        return new AlignedConvolution(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(1, 1))
                .optPadding(new Shape(1, 1)).setFilters(filters), 2, alignment, layout);
    }

    /** A 1D convolution of the given kernel, stride and padding (always NCW). */
    static AlignedConvolution conv1d(int filters, int kernel, int stride, int padding, ChannelAlignment alignment) {
        return new AlignedConvolution(Conv1d.builder().setKernelShape(new Shape(kernel)).optStride(new Shape(stride))
                .optPadding(new Shape(padding)).setFilters(filters), 1, alignment, ConvolutionLayout.NCHW);
    }

    @Override
    protected LayoutType[] getExpectedLayout() {
        return dims == 2
                ? new LayoutType[] {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.HEIGHT, LayoutType.WIDTH}
                : new LayoutType[] {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.WIDTH};
    }

    @Override
    protected String getStringLayout() {
        return dims == 2 ? "NCHW" : "NCW";
    }

    @Override
    protected int numDimensions() {
        return dims + 2;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = layout == ConvolutionLayout.CHANNELS_LAST ? channelsLast(inputs.singletonOrThrow())
                : inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        int in = (int) x.getShape().get(1);
        int alignedIn = in == 1 ? 1 : alignment.aligned(in);
        int alignedOut = alignment.aligned(filters);
        if (alignedIn == in && alignedOut == filters) {
            return convolve(x, w, b);
        }
        // F.pad order: last axis first, (before, after) per axis; channels are axis 1 (input) and axes 0, 1 (weight)
        NDArray xp = alignedIn == in ? x : x.pad(padding(dims, alignedIn - in, 0), 0);
        // padded parameters are temporaries of this pass: they go with the input's arrays, not the model's
        NDArray wp = w.pad(padding(dims, alignedIn - in, alignedOut - filters), 0);
        wp.attach(x.getManager());
        NDArray bp = null;
        if (b != null) {
            bp = b.pad(new Shape(0, alignedOut - filters), 0);
            bp.attach(x.getManager());
        }
        NDArray y = convolve(xp, wp, bp).singletonOrThrow();
        return new NDList(y.get(new NDIndex(":, 0:" + filters)));
    }

    /**
     * {@code x} (B, C, H, W) with channels-last strides: DJL has no memory-format call, so the
     * (B, H, W, C) view is flattened and viewed back. Flattening copies when x is not channels-last
     * yet and is a view when it is. libtorch picks a convolution's layout from its input's strides.
     */
    private static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }

    private NDList convolve(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().convolution(x, w, b, stride, padding, dilation, groups);
    }

    /**
     * F.pad's list for a tensor whose last {@code spatial} axes are not padded, the axis before
     * them grows by {@code second} at its end and the one before that by {@code first}.
     */
    private static Shape padding(int spatial, int second, int first) {
        long[] p = new long[2 * spatial + 4];
        p[2 * spatial + 1] = second;
        p[2 * spatial + 3] = first;
        return new Shape(p);
    }
}
