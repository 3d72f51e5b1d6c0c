package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.Protocol;
import ecgbeats.data.Split;

/**
 * A trained network's predictions and metrics on a whole split of a dataset; for the
 * inter-patient protocol the metrics carry the AAMI EC57 view ({@link Metrics#withEc57()}).
 */
public record Evaluation(Metrics metrics, short[] records, int[] truth, int[] predictions) {

    /** The split's predictions and metrics, each record's share included. */
    public static Evaluation of(Network net, BeatDataset data, Split split) {
        short[] records = data.split(split).records();
        int[] truth = Training.labels(data.split(split));
        int[] pred = Training.argmax(net.logProbabilities(data.split(split), net.inferenceBatch()));
        Metrics m = Metrics.of(split.id(), truth, pred).withPerRecord(RecordMetrics.of(records, truth, pred));
        return new Evaluation(data.provenance().protocol() == Protocol.INTER ? m.withEc57() : m, records, truth, pred);
    }

    public static Metrics metrics(Network net, BeatDataset data, Split split) {
        return of(net, data, split).metrics();
    }

    /** Writes metrics.json and predictions.csv into {@code run}. */
    public void writeTo(RunDirectory run) throws java.io.IOException {
        run.writeMetrics(metrics);
        run.writePredictions(records, truth, predictions);
    }
}
