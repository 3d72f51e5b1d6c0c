package ecgbeats.model;

/**
 * How a beat is shaped for a model (docs/reference.md §1): the 187 samples zero-padded to 192, seen as a
 * sequence (1, 192) or, row by row, as a 16 × 12 grid (1, 16, 12); a model with a {@link Template}
 * reads a second channel of the same shape.
 */
public enum InputLayout {
    SEQUENCE_192(new long[] {1, 192}),
    GRID_16X12(new long[] {1, 16, 12});

    /** Samples a model sees per beat. */
    public static final int PADDED_LENGTH = 192;

    private final long[] shape;

    InputLayout(long[] shape) {
        this.shape = shape;
    }

    /** The shape of a batch of {@code n} one-channel beats. */
    public long[] batchShape(int n) {
        return batchShape(n, 1);
    }

    /** The shape of a batch of {@code n} beats of {@code channels} channels (channel-major per beat). */
    public long[] batchShape(int n, int channels) {
        long[] s = new long[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        s[1] = channels;
        return s;
    }
}
