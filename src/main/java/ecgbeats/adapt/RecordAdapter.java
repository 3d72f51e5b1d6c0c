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
     * @param judgedFrom the first sample of the recording the adapted run may be judged on
     *                   (the end of the labelled span; 0 when no label was used)
     */
    record Adapted(ClassifiedRecording classified, PatientLabels labels, long judgedFrom) {
    }

    /** Adapts to {@code recording} and classifies it; the same recording and seed give the same classes. */
    Adapted adapt(Recording recording, long seed);

    /** Fine-tuning on each recording's first {@code minutes} labelled from its reference annotations. */
    static RecordAdapter firstMinutes(PatientAdapter adapter, double minutes) {
        return (recording, seed) -> {
            PatientLabels labels = PatientLabels.of(recording, new LabelSource.FirstMinutes(minutes));
            try (Network net = adapter.adapt(recording, labels, seed)) {
                return new Adapted(ClassifiedRecording.of(List.of(net), recording), labels, labels.until());
            }
        };
    }

    /** An unsupervised method on each recording's own beats; transductive. */
    static RecordAdapter unsupervised(RunDirectory base, AdaptMethod method, PatientAdapter replay) {
        return (recording, seed) -> new Adapted(UnsupervisedAdaptation.classify(base, recording, method, replay, seed),
                null, 0);
    }
}
