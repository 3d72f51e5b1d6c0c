package ecgbeats.model;

import java.util.Locale;

/**
 * The memory layout 2D convolutions run in: the same numbers up to float rounding, another
 * speed.
 *
 * <p>Why: with NCHW tensors libtorch hands oneDNN plain arrays that it reorders into its blocked
 * layout before every convolution and back after it; with channels-last (NHWC strides) oneDNN's
 * brgemm kernels read and write the tensors as they are, and BatchNorm, ReLU and max pooling keep
 * that layout. On the study's cnn2d this made inference 10–17 % faster on an AVX2 processor
 * (training about the same) and inference 24–46 % and training 4–7 % faster on an AVX-512 one
 * (README, "Throughput against PyTorch"). Channels-last needs no blocked layout, so the in-block channel padding that
 * docs/avx512-nan.md traced the AVX-512 failures to does not arise; channel counts are padded to
 * 16 there all the same ({@link ChannelAlignment}).
 */
public enum ConvolutionLayout {
    /** Batch, channels, height, width, as DJL's Conv2d runs. */
    NCHW,
    /** The same logical shape with the channels innermost in memory. */
    CHANNELS_LAST;

    /** Overrides the choice (values nchw or channels-last), to measure or check one against the other. */
    public static final String PROPERTY = "ecgbeats.conv-layout";

    private static final ConvolutionLayout DETECTED = detect();

    /** What this process uses: channels-last, unless the system property says otherwise. */
    public static ConvolutionLayout chosen() {
        return DETECTED;
    }

    private static ConvolutionLayout detect() {
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
