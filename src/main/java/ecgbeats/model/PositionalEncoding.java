package ecgbeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The sinusoidal positional encoding of Vaswani et al. 2017, added to (batch, tokens, channels). */
final class PositionalEncoding {

    private PositionalEncoding() {
    }

    static NDArray add(NDArray x) {
        long tokens = x.getShape().get(1);
        long channels = x.getShape().get(2);
        return x.add(table(x.getManager(), (int) tokens, (int) channels));
    }

    static NDArray table(NDManager manager, int tokens, int channels) {
        float[] pe = new float[tokens * channels];
        for (int pos = 0; pos < tokens; pos++) {
            for (int i = 0; i < channels; i++) {
                double angle = pos / Math.pow(10000, (2 * (i / 2)) / (double) channels);
                pe[pos * channels + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(pe, new Shape(1, tokens, channels));
    }
}
