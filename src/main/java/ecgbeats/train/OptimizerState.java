package ecgbeats.train;

/**
 * Adam's state after {@code steps} updates: the first and second moment estimates of every
 * trainable value, in the order of the network's parameters.
 */
public record OptimizerState(long steps, float[] m, float[] v) {

    public OptimizerState {
        if (m.length != v.length) {
            throw new IllegalArgumentException("moments of different lengths: " + m.length + " and " + v.length);
        }
    }
}
