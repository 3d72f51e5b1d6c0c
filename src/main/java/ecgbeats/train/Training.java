package ecgbeats.train;

import ai.djl.engine.Engine;
import ecgbeats.util.Seeds;
import ecgbeats.data.StratifiedSplitter;
import ecgbeats.data.balance.ClassWeights;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;

import java.util.ArrayList;
import java.util.List;

/**
 * The training loop (docs/reference.md §3): shuffled mini-batches, weighted cross-entropy, Adam or AdamW,
 * ReduceLROnPlateau on the validation loss, early stopping on the validation objective with
 * the best epoch's weights restored at the end. Looks at validation only; test is never seen.
 */
public final class Training {

    private final TrainSettings settings;
    private final EpochListener listener;

    /**
     * A training loop with these settings; an objective left at {@code default} is recall_macro
     * here, since the loop does not see the dataset's protocol ({@link TrainJob} resolves it by
     * protocol before).
     */
    public Training(TrainSettings settings, EpochListener listener) {
        this.settings = settings.objective() == Objective.DEFAULT
                ? settings.with("objective", Objective.RECALL_MACRO.id()) : settings;
        this.listener = listener;
    }

    /** The train split as training sees it: the fraction, then the balancing, both seeded. */
    public static BeatTable prepare(BeatTable train, TrainSettings s) {
        BeatTable t = train;
        if (s.fraction() < 1) {
            t = StratifiedSplitter.split(t, 1 - s.fraction(), Seeds.random(s.seed(), "fraction")).kept();
        }
        return s.balance().balancer().balance(t, Seeds.random(s.seed(), "balance-" + s.balance().id()));
    }

    /** The loss weight of each class: balanced weights of the (prepared) train split, or all 1. */
    public static double[] classWeights(BeatTable train, TrainSettings s) {
        return s.classWeights() ? ClassWeights.balanced(train.classCounts()) : ones();
    }

    /** Receives a checkpoint after every epoch, before the listener hears of it. */
    @FunctionalInterface
    public interface CheckpointSink {
        void save(Checkpoint checkpoint) throws java.io.IOException;

        static CheckpointSink none() {
            return c -> { };
        }
    }

    /**
     * Trains {@code net} on {@code train}, selecting on {@code valid}; {@code train} is not balanced
     * (a model with a template takes its records' median beats from it).
     */
    public TrainingResult run(Network net, BeatTable train, BeatTable valid) {
        try {
            return run(net, train, net.templatesOf(train), valid, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // no sink, no I/O
        }
    }

    /**
     * Trains on {@code train} as {@link #prepare} made it, whose beats a model with a template
     * compares with {@code templates} (from the split before balancing: {@link Network#templatesOf};
     * null for a model without), selecting on {@code valid}; goes on from {@code resume} when it
     * is not null (the same data and settings) and hands {@code sink} a checkpoint after each
     * epoch when it is not null.
     */
    public TrainingResult run(Network net, BeatTable train, RecordTemplates templates, BeatTable valid,
                              Checkpoint resume, CheckpointSink sink) throws java.io.IOException {
        long start = System.nanoTime();
        double[] weights = classWeights(train, settings);
        PlateauScheduler plateau = new PlateauScheduler(settings.lr(), settings.factor(), settings.lrPatience(),
                settings.minLr());
        EarlyStopping early = new EarlyStopping(settings.patience());
        List<EpochResult> history = new ArrayList<>();
        byte[] best = null;
        Metrics bestValid = null;
        TrainingResult.StopReason stop = TrainingResult.StopReason.EPOCH_LIMIT;
        int batch = settings.batch();
        BatchFiller filler = new BatchFiller(batch, templates);
        float[] target = new float[batch * AamiClass.COUNT];
        int first = 1;
        if (resume != null) {
            net.restore(resume.weights());
            best = resume.bestWeights();
            bestValid = resume.bestValid();
            history.addAll(resume.history());
            plateau.restore(resume.plateau());
            early.restore(resume.early());
            first = early.shouldStop() ? settings.epochs() + 1 : resume.epoch() + 1;
            if (early.shouldStop()) {
                stop = TrainingResult.StopReason.EARLY_STOP;
            }
        }
        try (StepRunner runner = new StepRunner(net, settings.optimizer(), settings.lr(), settings.weightDecay())) {
            if (resume != null && resume.optimizer() != null) {
                runner.restoreOptimizer(resume.optimizer());
            }
            runner.setLearningRate(plateau.lr());
            for (int epoch = first; epoch <= settings.epochs(); epoch++) {
                long t0 = System.nanoTime();
                // every random draw of an epoch comes from (seed, epoch): a resumed run draws what an uninterrupted one would
                Engine.getInstance().setRandomSeed((int) Seeds.derive(settings.seed(), "dropout-" + epoch));
                int[] order = Seeds.permutation(train.size(), Seeds.random(settings.seed(), "shuffle-" + epoch));
                int steps = (order.length + batch - 1) / batch;
                double lossSum = 0;
                for (int from = 0; from < order.length; from += batch) {
                    int to = Math.min(order.length, from + batch);
                    int n = to - from;
                    float[] x = filler.fill(train, order, from, to);
                    float[] rr = net.usesRr() ? filler.fillRr(train, order, from, to, net.rrWidth()) : null;
                    fillTarget(train, order, from, to, weights, target);
                    try {
                        lossSum += runner.step(x, rr, target, n) * n;
                    } catch (NonFiniteException e) {
                        throw e.at(epoch, from / batch + 1, steps, plateau.lr());
                    }
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                float[] logp = net.logProbabilities(valid, net.inferenceBatch());
                double validLoss = loss(valid, logp, weights);
                if (!Double.isFinite(validLoss)) {
                    throw new NonFiniteException(NonFiniteException.Quantity.VALID_LOSS, validLoss)
                            .at(epoch, 0, steps, plateau.lr());
                }
                Metrics vm = Metrics.of("valid", labels(valid), argmax(logp));
                double epochLr = plateau.lr();
                runner.setLearningRate(plateau.step(validLoss));
                EpochResult r = new EpochResult(epoch, lossSum / order.length, validLoss, vm, epochLr,
                        (System.nanoTime() - t0) / 1e9, order.length / trainSeconds, vm.get(settings.objective()));
                history.add(r);
                if (early.record(epoch, r.score())) {
                    best = net.snapshot();
                    bestValid = vm;
                }
                if (sink != null) {
                    sink.save(new Checkpoint(epoch, net.snapshot(), best, bestValid, history, plateau.state(),
                            early.state(), runner.optimizerState()));
                }
                EpochListener.Decision d = listener.onEpoch(r, settings.epochs());
                if (d == EpochListener.Decision.PAUSE && epoch < settings.epochs() && !early.shouldStop()) {
                    return new TrainingResult(history, early.bestEpoch(), bestValid,
                            TrainingResult.StopReason.PAUSED, (System.nanoTime() - start) / 1e9, weights);
                }
                if (d == EpochListener.Decision.STOP) {
                    stop = TrainingResult.StopReason.STOPPED_BY_LISTENER;
                    break;
                }
                if (early.shouldStop()) {
                    stop = TrainingResult.StopReason.EARLY_STOP;
                    break;
                }
            }
        }
        if (best != null) {
            net.restore(best);
        }
        return new TrainingResult(history, early.bestEpoch(), bestValid, stop, (System.nanoTime() - start) / 1e9,
                weights);
    }

    /** Row i of the target: the class weight at the true class, scaled so the batch's weights sum to 1. */
    private static void fillTarget(BeatTable t, int[] order, int from, int to, double[] w, float[] target) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += w[t.label(order[k])];
        }
        java.util.Arrays.fill(target, 0, (to - from) * AamiClass.COUNT, 0f);
        for (int k = from; k < to; k++) {
            int y = t.label(order[k]);
            target[(k - from) * AamiClass.COUNT + y] = (float) (w[y] / sum);
        }
    }

    /** Weighted cross-entropy over a whole split: −Σ w_y log p_y / Σ w_y (torch's weighted mean). */
    static double loss(BeatTable t, float[] logp, double[] w) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < t.size(); i++) {
            int y = t.label(i);
            num -= w[y] * logp[i * AamiClass.COUNT + y];
            den += w[y];
        }
        return den == 0 ? 0 : num / den;
    }

    /** The most probable class of each row of n × 5 scores. */
    public static int[] argmax(float[] scores) {
        int n = scores.length / AamiClass.COUNT;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < AamiClass.COUNT; c++) {
                if (scores[i * AamiClass.COUNT + c] > scores[i * AamiClass.COUNT + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    static int[] labels(BeatTable t) {
        int[] y = new int[t.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.label(i);
        }
        return y;
    }


    private static double[] ones() {
        double[] w = new double[AamiClass.COUNT];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
