package ecgbeats.api;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.Network;
import ecgbeats.train.RunEnsemble;
import ecgbeats.train.Training;
import ecgbeats.util.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ecgbeats from Java: a trained run (a run folder, an adapted run, a shipped model under
 * {@code models/}) that classifies the beats of a WFDB recording, or beats already cut.
 * Not thread-safe; close it to free the model's native memory.
 *
 * <pre>{@code
 * try (BeatClassifier model = BeatClassifier.load(Path.of("models/inter"))) {
 *     for (BeatClassifier.Beat b : model.classifyRecording(Path.of("data/mitdb/232"), false)) {
 *         System.out.println(b.seconds() + " " + b.aamiClass() + " " + b.probability(b.aamiClass()));
 *     }
 * }
 * }</pre>
 */
public final class BeatClassifier implements AutoCloseable {

    /**
     * One classified beat.
     *
     * @param sample        the R peak's sample index at the recording's own rate (the beat's index for cut beats)
     * @param seconds       its time from the recording's start (0 for cut beats)
     * @param aamiClass     the most probable class
     * @param probabilities the five classes' probabilities, in the order N, S, V, F, Q
     */
    public record Beat(long sample, double seconds, AamiClass aamiClass, double[] probabilities) {

        /** The probability of {@code c}. */
        public double probability(AamiClass c) {
            return probabilities[c.label()];
        }
    }

    private final RunEnsemble runs;

    private BeatClassifier(RunEnsemble runs) {
        this.runs = runs;
    }

    /**
     * The run in {@code folder}, or several as one ensemble (the mean of their probabilities).
     *
     * @throws BadInputException when a folder is not a finished run
     */
    public static BeatClassifier load(Path... folders) {
        return new BeatClassifier(RunEnsemble.load(List.of(folders)));
    }

    /**
     * Every beat of the WFDB record at {@code record} (a path without extension), cut as the run's
     * training beats were: at the beats of its .atr file, or of ecgbeats' QRS detector with
     * {@code detect} or when there is no .atr.
     */
    public List<Beat> classifyRecording(Path record, boolean detect) {
        ClassifiedRecording c = runs.classify(runs.cut(record, detect));
        double fs = c.recording().record().frequency();
        int[] positions = c.recording().beats().positions();
        List<Beat> out = new ArrayList<>(positions.length);
        for (int i = 0; i < positions.length; i++) {
            double[] p = new double[AamiClass.COUNT];
            for (int k = 0; k < p.length; k++) {
                p[k] = c.probability(i, k);
            }
            out.add(new Beat(positions[i], positions[i] / fs, AamiClass.ofLabel(c.classes()[i]), p));
        }
        return out;
    }

    /**
     * Beats already cut the Kachuee way (187 samples at 125 Hz from the R peak, each 10-second
     * window min-max normalised: the Kaggle layout), for a model that reads the beat alone.
     *
     * @throws BadInputException for a model that also reads the rhythm or the patient's median
     *                           beat, which cut beats do not carry: classify the recording instead
     */
    public List<Beat> classifyBeats(float[][] beats) {
        for (Network n : runs.members()) {
            if (n.usesRr() || n.spec().template().usesRecord()) {
                throw new BadInputException("the model reads the beats' rhythm or their record's median beat, which "
                        + "beats cut alone do not carry: classify the recording");
            }
        }
        int length = 187;
        float[] samples = new float[beats.length * length];
        for (int i = 0; i < beats.length; i++) {
            if (beats[i].length != length) {
                throw new BadInputException("beat " + i + " has " + beats[i].length + " samples, not " + length);
            }
            System.arraycopy(beats[i], 0, samples, i * length, length);
        }
        BeatTable table = new BeatTable(length, samples, new byte[beats.length], new short[beats.length],
                new int[beats.length]);
        float[] logp = runs.logProbabilities(table);
        int[] classes = Training.argmax(logp);
        List<Beat> out = new ArrayList<>(beats.length);
        for (int i = 0; i < beats.length; i++) {
            double[] p = new double[AamiClass.COUNT];
            for (int k = 0; k < p.length; k++) {
                p[k] = Math.exp(logp[i * AamiClass.COUNT + k]);
            }
            out.add(new Beat(i, 0, AamiClass.ofLabel(classes[i]), p));
        }
        return out;
    }

    @Override
    public void close() {
        runs.close();
    }
}
