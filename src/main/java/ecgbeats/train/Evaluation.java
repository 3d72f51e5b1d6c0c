package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;

/** A trained network's predictions and metrics on a whole split. */
public record Evaluation(Metrics metrics, int[] truth, int[] predictions) {

    public static Evaluation of(Network net, BeatTable beats, String split) {
        int[] truth = Training.labels(beats);
        int[] pred = Training.argmax(net.logProbabilities(beats, 256));
        return new Evaluation(Metrics.of(split, truth, pred), truth, pred);
    }

    public static Metrics metrics(Network net, BeatTable beats, String split) {
        return of(net, beats, split).metrics();
    }

    /** Writes metrics.json and predictions.csv into {@code run}. */
    public void writeTo(RunDirectory run) throws java.io.IOException {
        run.writeMetrics(metrics);
        run.writePredictions(truth, predictions);
    }
}
