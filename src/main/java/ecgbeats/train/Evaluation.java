package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.Protocol;
import ecgbeats.data.Split;
import ecgbeats.data.beat.RecordTemplates;
import ecgbeats.util.BadInputException;

import java.util.List;

/**
 * A trained network's (or an {@link Ensemble}'s) predictions and metrics on a whole split of a dataset; for the
 * inter-patient protocol the metrics carry the AAMI EC57 view ({@link Metrics#withEc57()}).
 */
public record Evaluation(Metrics metrics, short[] records, int[] truth, int[] predictions) {

    /** The split's predictions and metrics, each record's share included. */
    public static Evaluation of(Network net, BeatDataset data, Split split) {
        return of(List.of(net), data, split);
    }

    /** The split's predictions and metrics of networks voting as one ({@link Ensemble}). */
    public static Evaluation of(List<Network> members, BeatDataset data, Split split) {
        for (Network net : members) {
            if (net.spec().template().usesRecord() && !RecordTemplates.namesRecords(data.split(split))) {
                throw new BadInputException("the model compares each beat with its record's median beat (template="
                        + net.spec().template().id() + "), and the " + split.id()
                        + " split's beats do not name their records (a Kaggle CSV import)");
            }
        }
        short[] records = data.split(split).records();
        int[] truth = Training.labels(data.split(split));
        int[] pred = Training.argmax(Ensemble.logProbabilities(members, data.split(split)));
        Metrics m = Metrics.of(split.id(), truth, pred).withPerRecord(RecordMetrics.of(records, truth, pred));
        return new Evaluation(data.provenance().protocol() == Protocol.INTER ? m.withEc57() : m, records, truth, pred);
    }

    public static Metrics metrics(Network net, BeatDataset data, Split split) {
        return of(net, data, split).metrics();
    }

    public static Metrics metrics(List<Network> members, BeatDataset data, Split split) {
        return of(members, data, split).metrics();
    }

    /** Writes metrics.json and predictions.csv into {@code run}. */
    public void writeTo(RunDirectory run) throws java.io.IOException {
        run.writeMetrics(metrics);
        run.writePredictions(records, truth, predictions);
    }
}
