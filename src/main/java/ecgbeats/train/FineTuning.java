package ecgbeats.train;

import ai.djl.engine.Engine;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;
import ecgbeats.util.Seeds;

/**
 * Goes on training a trained network on a few beats for a fixed number of epochs: how a
 * patient's labelled beats, with some of the base model's training beats replayed beside them,
 * make a general model this patient's. The epochs are fixed rather than early-stopped because
 * a patient's few labelled minutes are too few to hold out a slice that could choose an epoch;
 * the settings are chosen over other patients instead.
 */
public final class FineTuning {

    /** Which weights change. */
    public enum Part {
        /** Every weight. */
        ALL,
        /** The part that reads the beat's shape (its trunk); the rhythm's path and the dense head stay. */
        TRUNK,
        /** The rhythm's path and the dense head; the trunk stays. */
        HEAD;

        /** Whether the parameter called {@code name} changes. */
        boolean trains(String name) {
            boolean trunk = name.matches("\\d+trunk_.*");
            return this == ALL || (this == TRUNK) == trunk;
        }
    }

    /**
     * @param epochs        passes over the beats
     * @param lr            Adam's learning rate, constant
     * @param batch         beats per step
     * @param weightDecay   AdamW's decoupled weight decay
     * @param part          which weights change
     */
    public record Settings(int epochs, double lr, int batch, double weightDecay, Part part) {
        public Settings {
            if (epochs < 1 || batch < 1 || !(lr > 0) || weightDecay < 0 || part == null) {
                throw new IllegalArgumentException("fine-tuning settings out of range: " + epochs + " epochs, lr "
                        + lr + ", batch " + batch + ", weight decay " + weightDecay);
            }
        }
    }

    private FineTuning() {
    }

    /**
     * Trains {@code net} on {@code beats}, whose beat i weighs {@code weights[i]} in the loss
     * (its share of its batch's loss is its weight over the batch's sum), each beat compared with
     * its record's median in {@code templates} (null for a model without a template). Every
     * random draw comes from {@code seed}. Returns the mean training loss of each epoch.
     *
     * @throws NonFiniteException when a loss or gradient is not finite (the weights are those of the last good step)
     */
    public static double[] run(Network net, BeatTable beats, double[] weights, RecordTemplates templates,
                               Settings settings, long seed) {
        if (weights.length != beats.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + beats.size() + " beats");
        }
        if (beats.size() == 0) {
            throw new IllegalArgumentException("no beats to fine-tune on");
        }
        int batch = settings.batch();
        BatchFiller filler = new BatchFiller(batch, templates);
        float[] target = new float[batch * AamiClass.COUNT];
        double[] losses = new double[settings.epochs()];
        if (settings.part() != Part.ALL && !net.hasSeparateTrunk()) {
            throw new IllegalArgumentException("the model has no trunk apart from its head (a model without features)");
        }
        try (StepRunner runner = new StepRunner(net, OptimizerKind.ADAMW, settings.lr(), settings.weightDecay(),
                settings.part()::trains)) {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                Engine.getInstance().setRandomSeed((int) Seeds.derive(seed, "fine-tune-dropout-" + epoch));
                int[] order = Seeds.permutation(beats.size(), Seeds.random(seed, "fine-tune-shuffle-" + epoch));
                double sum = 0;
                double total = 0;
                for (int from = 0; from < order.length; from += batch) {
                    int to = Math.min(order.length, from + batch);
                    int n = to - from;
                    float[] x = filler.fill(beats, order, from, to);
                    float[] rr = net.usesRr() ? filler.fillRr(beats, order, from, to, net.rrWidth()) : null;
                    double w = fillTarget(beats, order, from, to, weights, target);
                    try {
                        sum += runner.step(x, rr, target, n) * w;
                        total += w;
                    } catch (NonFiniteException e) {
                        throw e.at(epoch, from / batch + 1, (order.length + batch - 1) / batch, settings.lr());
                    }
                }
                losses[epoch - 1] = sum / total;
            }
        }
        return losses;
    }

    /** Row k of the target: beat k's weight over the batch's sum at its class. Returns the batch's sum. */
    private static double fillTarget(BeatTable t, int[] order, int from, int to, double[] w, float[] target) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += w[order[k]];
        }
        java.util.Arrays.fill(target, 0, (to - from) * AamiClass.COUNT, 0f);
        for (int k = from; k < to; k++) {
            target[(k - from) * AamiClass.COUNT + t.label(order[k])] = (float) (w[order[k]] / sum);
        }
        return sum;
    }
}
