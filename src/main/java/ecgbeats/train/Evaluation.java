package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;

/** Metrics of a trained network on a whole split. */
public final class Evaluation {

    private Evaluation() {
    }

    public static Metrics metrics(Network net, BeatTable beats, String split) {
        float[] logp = net.logProbabilities(beats, 256);
        return Metrics.of(split, Training.labels(beats), Training.argmax(logp));
    }
}
