package ecgbeats.model;

import java.util.Locale;

/**
 * The memory layout 2D convolutions run in: the same numbers up to float rounding, another
 * speed.
 *
 * <p>Why: with NCHW tensors libtorch hands oneDNN plain arrays that it reorders into its blocked
 * layout before every convolution and back after it; with channels-last (NHWC strides) oneDNN's
 * AVX2 brgemm kernels read and write the tensors as they are, and BatchNorm, ReLU and max
 * pooling keep that layout. On the study's cnn2d this made inference 10–17 % faster on an AVX2
 * processor, training about the same (README, "Throughput against PyTorch"). Where oneDNN runs
 * its AVX-512 kernels ({@link ChannelAlignment#SIXTEEN}) the layout stays NCHW: that is the
 * path docs/avx512-nan.md verified, and channels-last was never measured there.
 */
public enum ConvolutionLayout {
    /** Batch, channels, height, width, as DJL's Conv2d runs. */
    NCHW,
    /** The same logical shape with the channels innermost in memory. */
    CHANNELS_LAST;

    /** Overrides the choice (values nchw or channels-last), to measure or check one against the other. */
    public static final String PROPERTY = "ecgbeats.conv-layout";

    private static final ConvolutionLayout DETECTED = detect();

    /** What this process uses: channels-last unless on AVX-512 kernels, or as the system property says. */
    public static ConvolutionLayout forThisProcessor() {
        return DETECTED;
    }

    private static ConvolutionLayout detect() {
        try {
            return choose(System.getProperty(PROPERTY), ChannelAlignment.forThisProcessor());
        } catch (IllegalArgumentException e) {
            // a developer's knob, read once while a model is built: say so and go on with the default
            System.err.println("ecgbeats: ignoring -D" + e.getMessage());
            return choose(null, ChannelAlignment.forThisProcessor());
        }
    }

    /** The layout the property asks for (null: not set), else the one for this channel alignment. */
    static ConvolutionLayout choose(String property, ChannelAlignment alignment) {
        if (property != null) {
            return switch (property.trim().toLowerCase(Locale.ROOT)) {
                case "nchw" -> NCHW;
                case "channels-last", "channels_last" -> CHANNELS_LAST;
                default -> throw new IllegalArgumentException(PROPERTY + "=" + property
                        + ": expected nchw or channels-last");
            };
        }
        return alignment == ChannelAlignment.NONE ? CHANNELS_LAST : NCHW;
    }

    /** How run folders record it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
