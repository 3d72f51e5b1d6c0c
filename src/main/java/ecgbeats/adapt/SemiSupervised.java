package ecgbeats.adapt;

import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.Network;
import ecgbeats.train.Recording;

import java.util.List;

/** SCRATCH: a labelled adaptation's further round learns the labelled beats and the round before's confident calls on the rest. */
final class SemiSupervised {
    private SemiSupervised() {
    }

    static ClassifiedRecording classify(PatientAdapter adapter, Recording recording, PatientLabels labels,
                                        ClassifiedRecording before, long seed) {
        int n = recording.beats().size();
        byte[] label = new byte[n];
        boolean[] use = new boolean[n];
        int[] lr = labels.rows();
        byte[] ll = labels.labels();
        for (int k = 0; k < lr.length; k++) {
            use[lr[k]] = true;
            label[lr[k]] = ll[k];
        }
        double conf = Double.parseDouble(System.getProperty("ecgbeats.semi.confidence", "0.95"));
        for (int i = 0; i < n; i++) {
            if (!use[i] && before.probability(i, before.classes()[i]) >= conf) {
                use[i] = true;
                label[i] = (byte) before.classes()[i];
            }
        }
        int m = 0;
        for (boolean u : use) {
            m += u ? 1 : 0;
        }
        int[] rows = new int[m];
        byte[] labs = new byte[m];
        m = 0;
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                rows[m] = i;
                labs[m++] = label[i];
            }
        }
        try (Network net = adapter.adapt(recording, rows, labs, seed)) {
            return ClassifiedRecording.of(List.of(net), recording);
        }
    }
}
