package ecgbeats.adapt;

import ecgbeats.train.Network;
import ecgbeats.train.Recording;

/** Adapts a run to one recording, for {@link AdaptiveEvaluation}. */
@FunctionalInterface
public interface RecordAdapter {

    /**
     * An adapted network (the caller closes it) and what it learnt from.
     *
     * @param network    the adapted network
     * @param labels     the labels used, or null for an unsupervised method
     * @param judgedFrom the first sample of the recording the adapted network may be judged on
     *                   (the end of the labelled span; 0 when no label was used)
     */
    record Adapted(Network network, PatientLabels labels, long judgedFrom) {
    }

    /** Adapts to {@code recording}; the same recording and seed give the same network. */
    Adapted adapt(Recording recording, long seed);

    /** Fine-tuning on each recording's first {@code minutes} labelled from its reference annotations. */
    static RecordAdapter firstMinutes(PatientAdapter adapter, double minutes) {
        return (recording, seed) -> {
            PatientLabels labels = PatientLabels.of(recording, new LabelSource.FirstMinutes(minutes));
            return new Adapted(adapter.adapt(recording, labels, seed), labels, labels.until());
        };
    }

    /** BatchNorm statistics from each recording's own beats (AdaBN); transductive. */
    static RecordAdapter batchNorm(ecgbeats.train.RunDirectory base) {
        return (recording, seed) -> new Adapted(UnsupervisedAdaptation.batchNorm(base, recording), null, 0);
    }
}
