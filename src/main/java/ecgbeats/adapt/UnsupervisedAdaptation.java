package ecgbeats.adapt;

import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.Network;
import ecgbeats.train.Recording;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.Training;

import java.util.List;

/**
 * Adaptation to a recording without any of its labels: what the recording's own beats say about
 * the patient. Transductive: the beats it learns from are the beats it then classifies.
 */
public final class UnsupervisedAdaptation {

    /** Self-training's pseudo-labels: beats the run gives at least this probability. */
    public static final double CONFIDENCE = 0.95;
    /** Shape groups per recording for {@link AdaptMethod#CLUSTERS}. */
    public static final int CLUSTERS = 12;
    /** The unsupervised method {@code --adapt unsupervised} means: the best measured over DS1's records. */
    public static final AdaptMethod DEFAULT = AdaptMethod.BATCH_NORM;

    private UnsupervisedAdaptation() {
    }

    /** The run's network with its BatchNorm statistics taken from the recording's beats (AdaBN); the caller closes it. */
    public static Network batchNorm(RunDirectory base, Recording recording) {
        Network net = base.loadNetwork();
        try {
            net.adaptBatchNorm(recording.beats(), net.templatesOf(recording.beats()));
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /**
     * The recording classified after adapting the run by {@code method} (not {@link AdaptMethod#FINE_TUNE});
     * self-training fine-tunes through {@code adapter}, which the other methods do not need (null).
     */
    public static ClassifiedRecording classify(RunDirectory base, Recording recording, AdaptMethod method,
                                               PatientAdapter adapter, long seed) {
        switch (method) {
            case BATCH_NORM -> {
                try (Network net = batchNorm(base, recording)) {
                    return ClassifiedRecording.of(List.of(net), recording);
                }
            }
            case SELF_TRAINING -> {
                ClassifiedRecording first;
                try (Network net = base.loadNetwork()) {
                    first = ClassifiedRecording.of(List.of(net), recording);
                }
                int n = recording.beats().size();
                int[] rows = java.util.stream.IntStream.range(0, n)
                        .filter(i -> first.probability(i, first.classes()[i]) >= CONFIDENCE).toArray();
                byte[] labels = new byte[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    labels[k] = (byte) first.classes()[rows[k]];
                }
                if (rows.length == 0) {
                    return first;
                }
                try (Network net = adapter.adapt(recording, rows, labels, seed)) {
                    return ClassifiedRecording.of(List.of(net), recording);
                }
            }
            case CLUSTERS -> {
                float[] logp;
                try (Network net = base.loadNetwork()) {
                    logp = net.logProbabilities(recording.beats(), net.inferenceBatch());
                }
                float[] grouped = new ClusterConsensus(CLUSTERS, 30).apply(recording.beats(), logp, seed);
                return new ClassifiedRecording(recording, Training.argmax(grouped), grouped);
            }
            default -> throw new IllegalArgumentException(method.id() + " needs labels");
        }
    }
}
