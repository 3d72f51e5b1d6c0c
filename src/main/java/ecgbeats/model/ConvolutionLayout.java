package ecgbeats.model;

import java.util.Locale;

/**
 * The memory layout 2D convolutions run in: the same numbers up to float rounding, another
 * speed.
 *
 * <p>Why: with NCHW tensors libtorch hands oneDNN plain arrays that it reorders into its blocked
 * layout before every convolution and back after it; with channels-last (NHWC strides) oneDNN's
 * brgemm kernels read and write the tensors as they are, and BatchNorm, ReLU and max pooling keep
 * that layout: faster on the processors measured (docs/performance.md). Channels-last needs no
 * blocked layout, so the in-block channel padding that docs/avx512-nan.md traced the AVX-512
 * failures to does not arise; channel counts are padded to 16 there all the same
 * ({@link ChannelAlignment}).
 */
public enum ConvolutionLayout {
    /** Batch, channels, height, width, as DJL's Conv2d runs. */
    NCHW,
    /** The same logical shape with the channels innermost in memory. */
    CHANNELS_LAST;

    /** Overrides the choice (values nchw or channels-last), to measure or check one against the other. */
    public static final String PROPERTY = "ecgbeats.conv-layout";

    private static final ConvolutionLayout CHOSEN = fromProperty();

    /** What this process uses: channels-last, unless the system property says otherwise. */
    public static ConvolutionLayout chosen() {
        return CHOSEN;
    }

    private static ConvolutionLayout fromProperty() {
        try {
            return choose(System.getProperty(PROPERTY));
        } catch (IllegalArgumentException e) {
            // a developer's knob, read once while a model is built: say so and go on with the default
            System.err.println("ecgbeats: ignoring -D" + e.getMessage());
            return choose(null);
        }
    }

    /** The layout the property asks for (null: not set, channels-last). */
    static ConvolutionLayout choose(String property) {
        if (property != null) {
            return switch (property.trim().toLowerCase(Locale.ROOT)) {
                case "nchw" -> NCHW;
                case "channels-last", "channels_last" -> CHANNELS_LAST;
                default -> throw new IllegalArgumentException(PROPERTY + "=" + property
                        + ": expected nchw or channels-last");
            };
        }
        return CHANNELS_LAST;
    }

    /** How run folders record it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
