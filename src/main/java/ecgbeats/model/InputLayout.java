package ecgbeats.model;

/**
 * How a beat is shaped for a model (docs/reference.md §1): the 187 samples zero-padded to 192, seen as a
 * one-channel sequence (1, 192) or, row by row, as a one-channel 16 × 12 grid.
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

    /** The shape of one beat, without the batch axis. */
    public long[] beatShape() {
        return shape.clone();
    }

    /** The shape of a batch of {@code n} beats. */
    public long[] batchShape(int n) {
        long[] s = new long[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }
}
