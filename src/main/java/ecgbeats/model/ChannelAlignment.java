package ecgbeats.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Whether convolutions run with their channel counts padded to a multiple of 16.
 *
 * <p>Why: the oneDNN inside libtorch 2.7.1, with its AVX-512 kernels, computes the input
 * gradient of a convolution wrongly (non-finite, intermittently) when the channel count is not
 * a multiple of 16, the channel block of those kernels; multiples of 16 are computed correctly
 * (docs/avx512-nan.md). Padding the channels with zeros gives those kernels only shapes they
 * get right, and changes no result: the extra channels hold zeros in and are cut off out.
 * AVX2 kernels are not affected, so nothing is padded there.
 */
public enum ChannelAlignment {
    /** Convolutions run at their own channel counts. */
    NONE(1),
    /** Channel counts are padded with zeros to a multiple of 16 (AVX-512 oneDNN kernels). */
    SIXTEEN(16);

    private final int multiple;

    ChannelAlignment(int multiple) {
        this.multiple = multiple;
    }

    /** The channel count a convolution runs at for {@code channels} channels. */
    public int aligned(int channels) {
        return (channels + multiple - 1) / multiple * multiple;
    }

    public int multiple() {
        return multiple;
    }

    /** oneDNN ISA caps (ONEDNN_MAX_CPU_ISA) that keep it off its AVX-512 kernels. */
    private static final Set<String> BELOW_AVX512 = Set.of("SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2");

    /** Overrides the detection (values 1 or 16), to check a suspected kernel on any processor. */
    public static final String PROPERTY = "ecgbeats.channel-alignment";

    private static final ChannelAlignment DETECTED = System.getProperty(PROPERTY) != null
            ? ("16".equals(System.getProperty(PROPERTY).trim()) ? SIXTEEN : NONE)
            : detect(System.getenv("ONEDNN_MAX_CPU_ISA") != null ? System.getenv("ONEDNN_MAX_CPU_ISA")
                    : System.getenv("DNNL_MAX_CPU_ISA"), cpuFlags(), System.getProperty("os.arch"));

    /**
     * What this process needs: {@link #SIXTEEN} when oneDNN will use AVX-512 kernels here, unless
     * the system property {@value #PROPERTY} says otherwise.
     */
    public static ChannelAlignment forThisProcessor() {
        return DETECTED;
    }

    /**
     * The alignment for a processor with these {@code /proc/cpuinfo} flags (null when they
     * cannot be read) under the oneDNN ISA cap {@code maxIsa} (null when none is set).
     */
    static ChannelAlignment detect(String maxIsa, String flags, String arch) {
        if (maxIsa != null && BELOW_AVX512.contains(maxIsa.trim().toUpperCase(Locale.ROOT))) {
            return NONE;
        }
        if (flags != null) {
            return (" " + flags + " ").contains(" avx512f ") ? SIXTEEN : NONE;
        }
        // an x86-64 processor we cannot inspect may have AVX-512: padding is only slower, never wrong
        return "amd64".equals(arch) || "x86_64".equals(arch) ? SIXTEEN : NONE;
    }

    private static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
