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
    public static final AdaptMethod DEFAULT = AdaptMethod.SELF_TRAINING;

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
     * The run's network adapted to the recording by {@code method} ({@link AdaptMethod#BATCH_NORM} or
     * {@link AdaptMethod#SELF_TRAINING}, which fine-tunes through {@code adapter}); the caller closes it.
     */
    public static Network adapt(RunDirectory base, Recording recording, AdaptMethod method, PatientAdapter adapter,
                                long seed) {
        return switch (method) {
            case BATCH_NORM -> batchNorm(base, recording);
            case SELF_TRAINING -> selfTrained(base, recording, adapter, seed);
            default -> throw new IllegalArgumentException(method.id() + " adapts no weights");
        };
    }

    /**
     * The run fine-tuned on the recording's beats that its teacher ({@link AdaptSettings#teacher()}:
     * the run as trained, or with the recording's BatchNorm statistics) classifies with at least
     * {@link #CONFIDENCE}, as so labelled; the fine-tuning starts from the run as trained. With
     * {@link AdaptSettings#rounds()} above 1, each further round learns, again from the run as
     * trained, the confident calls of the round before (with seed + the round's number).
     */
    private static Network selfTrained(RunDirectory base, Recording recording, PatientAdapter adapter, long seed) {
        ClassifiedRecording calls = teacherCalls(base, recording, adapter.settings().teacher());
        Network student = null;
        for (int round = 1; round <= adapter.settings().rounds(); round++) {
            ClassifiedRecording teacher = calls;
            int[] rows = java.util.stream.IntStream.range(0, recording.beats().size())
                    .filter(i -> teacher.probability(i, teacher.classes()[i]) >= CONFIDENCE).toArray();
            if (rows.length == 0) {
                return student != null ? student : base.loadNetwork();
            }
            byte[] labels = new byte[rows.length];
            for (int k = 0; k < rows.length; k++) {
                labels[k] = (byte) teacher.classes()[rows[k]];
            }
            if (student != null) {
                student.close();
            }
            student = adapter.adapt(recording, rows, labels, round == 1 ? seed : seed + round);
            if (round < adapter.settings().rounds()) {
                calls = ClassifiedRecording.of(List.of(student), recording);
            }
        }
        return student;
    }

    /** The calls self-training learns from: those of the run as trained, or with the recording's BatchNorm statistics. */
    private static ClassifiedRecording teacherCalls(RunDirectory base, Recording recording, AdaptSettings.Teacher teacher) {
        if (teacher != AdaptSettings.Teacher.ADABN) {
            // the trained run's calls: the teacher itself, or what decides whether the record is mostly N
            ClassifiedRecording trained;
            try (Network net = base.loadNetwork()) {
                trained = ClassifiedRecording.of(List.of(net), recording);
            }
            if (!teacher.readsRecordStatistics(trained.counts()[ecgbeats.data.beat.AamiClass.N.label()],
                    trained.classes().length)) {
                return trained;
            }
        }
        try (Network net = batchNorm(base, recording)) {
            return ClassifiedRecording.of(List.of(net), recording);
        }
    }

    /**
     * The recording classified after adapting the run by {@code method} (not {@link AdaptMethod#FINE_TUNE});
     * self-training fine-tunes through {@code adapter}, which the other methods do not need (null).
     */
    public static ClassifiedRecording classify(RunDirectory base, Recording recording, AdaptMethod method,
                                               PatientAdapter adapter, long seed) {
        if (method == AdaptMethod.CLUSTERS) {
            float[] logp;
            try (Network net = base.loadNetwork()) {
                logp = net.logProbabilities(recording.beats(), net.inferenceBatch());
            }
            float[] grouped = new ClusterConsensus(CLUSTERS, 30).apply(recording.beats(), logp, seed);
            return new ClassifiedRecording(recording, Training.argmax(grouped), grouped);
        }
        try (Network net = adapt(base, recording, method, adapter, seed)) {
            return ClassifiedRecording.of(List.of(net), recording);
        }
    }
}
