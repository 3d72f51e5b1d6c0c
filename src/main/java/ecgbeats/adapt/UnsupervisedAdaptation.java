package ecgbeats.adapt;

import ecgbeats.train.Network;
import ecgbeats.train.Recording;
import ecgbeats.train.RunDirectory;

/**
 * Adaptation to a recording without any of its labels: what the recording's own beats say about
 * the patient. Transductive: the beats it learns from are the beats it then classifies.
 */
public final class UnsupervisedAdaptation {

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
}
