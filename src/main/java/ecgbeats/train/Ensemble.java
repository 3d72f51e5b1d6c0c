package ecgbeats.train;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

import java.util.List;

/**
 * Several trained networks classifying as one: each beat's class probabilities are the mean of
 * the members' (soft voting). Members trained with other seeds or settings err on different beats
 * of unseen patients, and the mean keeps what they agree on; it also averages away the luck of
 * each member's epoch chosen on a few validation patients.
 */
public final class Ensemble {

    private Ensemble() {
    }

    /**
     * Log-probabilities (n × 5, row-major) of {@code beats} as the mean of the members'
     * probabilities; a single member's are its own.
     */
    public static float[] logProbabilities(List<Network> members, BeatTable beats) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        if (members.size() == 1) {
            return members.get(0).logProbabilities(beats, members.get(0).inferenceBatch());
        }
        double[] sum = new double[beats.size() * AamiClass.COUNT];
        for (Network net : members) {
            float[] logp = net.logProbabilities(beats, net.inferenceBatch());
            for (int i = 0; i < sum.length; i++) {
                sum[i] += Math.exp(logp[i]);
            }
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) Math.log(sum[i] / members.size());
        }
        return out;
    }
}
