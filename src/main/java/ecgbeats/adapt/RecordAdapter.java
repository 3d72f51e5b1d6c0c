package ecgbeats.adapt;

import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.Network;
import ecgbeats.train.Recording;
import ecgbeats.train.RunDirectory;

import java.util.List;

/** Adapts a run to one recording and classifies the recording with it, for {@link AdaptiveEvaluation}. */
@FunctionalInterface
public interface RecordAdapter {

    /**
     * The recording classified by the adapted run, and what the adaptation learnt from.
     *
     * @param classified the recording's beats classified
     * @param labels     the labels used, or null for an unsupervised method
     */
    record Adapted(ClassifiedRecording classified, PatientLabels labels) {
        /** The first sample the adapted run may be judged on ({@link PatientLabels#judgedFrom()}; 0 without labels). */
        public long judgedFrom() {
            return labels == null ? 0 : labels.judgedFrom();
        }

        /** The labelled beats (rows of the recording's beats), which are not judged; none without labels. */
        public int[] labelledRows() {
            return labels == null ? new int[0] : labels.rows();
        }
    }

    /**
     * Adapts to {@code recording} and classifies it; the same recording and seed give the same
     * classes. {@code unadapted} is the unadapted run's classification of it, for a method that
     * chooses which beats to ask about.
     */
    Adapted adapt(Recording recording, ClassifiedRecording unadapted, long seed);

    /** Fine-tuning on each recording's first {@code minutes} labelled from its reference annotations. */
    static RecordAdapter firstMinutes(PatientAdapter adapter, double minutes) {
        return (recording, unadapted, seed) -> {
            PatientLabels labels = PatientLabels.of(recording, new LabelSource.FirstMinutes(minutes));
            try (Network net = adapter.adapt(recording, labels, seed)) {
                return new Adapted(ClassifiedRecording.of(List.of(net), recording), labels);
            }
        };
    }

    /**
     * Fine-tuning on {@code count} beats spread over each recording ({@link BeatQuestions}), labelled
     * from its reference annotations; judged on every other beat.
     */
    static RecordAdapter asked(PatientAdapter adapter, int count, BeatQuestions.Strategy strategy) {
        return (recording, unadapted, seed) -> {
            int[] rows = BeatQuestions.choose(unadapted, count, strategy);
            PatientLabels labels = PatientLabels.asked(recording, rows, new LabelSource.Asked(count, strategy));
            try (Network net = adapter.adapt(recording, labels, seed)) {
                return new Adapted(ClassifiedRecording.of(List.of(net), recording), labels);
            }
        };
    }

    /**
     * Several runs, each adapted by its own adapter to the same recording, classifying as one: each
     * beat's probabilities the mean of the adapted runs'. The labels and the judged part are the
     * first member's (the members read the same labels).
     */
    static RecordAdapter ensemble(List<RecordAdapter> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        return (recording, unadapted, seed) -> {
            double[] sum = null;
            Adapted first = null;
            for (RecordAdapter m : members) {
                Adapted a = m.adapt(recording, unadapted, seed);
                first = first == null ? a : first;
                float[] logp = a.classified().logProbabilities();
                sum = sum == null ? new double[logp.length] : sum;
                for (int i = 0; i < logp.length; i++) {
                    sum[i] += Math.exp(logp[i]);
                }
            }
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = (float) Math.log(sum[i] / members.size());
            }
            return new Adapted(new ClassifiedRecording(recording, ecgbeats.train.Training.argmax(mean), mean),
                    first.labels());
        };
    }

    /** An unsupervised method on each recording's own beats; transductive. */
    static RecordAdapter unsupervised(RunDirectory base, AdaptMethod method, PatientAdapter replay) {
        return (recording, unadapted, seed) -> new Adapted(
                UnsupervisedAdaptation.classify(base, recording, method, replay, seed), null);
    }
}
