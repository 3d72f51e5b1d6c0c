package ecgbeats.train;

import ecgbeats.util.Decision;

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
                ? settings.with(TrainParam.OBJECTIVE.id(), Objective.RECALL_MACRO.id()) : settings;
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
        Progress p = new Progress(new PlateauScheduler(settings.lr(), settings.factor(), settings.lrPatience(),
                settings.minLr()), new EarlyStopping(settings.patience()), classWeights(train, settings));
        int first = resume == null ? 1 : p.restore(net, resume, settings.epochs());
        try (StepRunner runner = new StepRunner(net, settings.optimizer(), settings.lr(), settings.weightDecay())) {
            if (resume != null && resume.optimizer() != null) {
                runner.restoreOptimizer(resume.optimizer());
            }
            runner.setLearningRate(p.plateau.lr());
            EpochLoop loop = new EpochLoop(net, runner, train, templates, p.weights);
            for (int epoch = first; epoch <= settings.epochs(); epoch++) {
                long t0 = System.nanoTime();
                double trainLoss = loop.train(epoch);
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                EpochResult r = validate(net, valid, p, runner, epoch, trainLoss, t0, train.size() / trainSeconds,
                        loop.steps());
                p.history.add(r);
                if (p.early.record(epoch, r.score())) {
                    p.best = net.snapshot();
                    p.bestValid = r.valid();
                }
                if (sink != null) {
                    sink.save(new Checkpoint(epoch, net.snapshot(), p.best, p.bestValid, p.history, p.plateau.state(),
                            p.early.state(), runner.optimizerState()));
                }
                Decision d = listener.onEpoch(r, settings.epochs());
                if (d == Decision.PAUSE && epoch < settings.epochs() && !p.early.shouldStop()) {
                    return p.result(TrainingResult.StopReason.PAUSED, start);
                }
                if (d == Decision.STOP) {
                    p.stop = TrainingResult.StopReason.STOPPED_BY_LISTENER;
                    break;
                }
                if (p.early.shouldStop()) {
                    p.stop = TrainingResult.StopReason.EARLY_STOP;
                    break;
                }
            }
        }
        if (p.best != null) {
            net.restore(p.best);
        }
        return p.result(p.stop, start);
    }

    /** Where a run stands between epochs: what a checkpoint keeps and the result reports. */
    private static final class Progress {
        final PlateauScheduler plateau;
        final EarlyStopping early;
        final double[] weights;
        final List<EpochResult> history = new ArrayList<>();
        byte[] best;
        Metrics bestValid;
        TrainingResult.StopReason stop = TrainingResult.StopReason.EPOCH_LIMIT;

        Progress(PlateauScheduler plateau, EarlyStopping early, double[] weights) {
            this.plateau = plateau;
            this.early = early;
            this.weights = weights;
        }

        /** Goes on from {@code c}; returns the first epoch to train (past the limit when early stopping had ended it). */
        int restore(Network net, Checkpoint c, int epochs) {
            net.restore(c.weights());
            best = c.bestWeights();
            bestValid = c.bestValid();
            history.addAll(c.history());
            plateau.restore(c.plateau());
            early.restore(c.early());
            if (early.shouldStop()) {
                stop = TrainingResult.StopReason.EARLY_STOP;
                return epochs + 1;
            }
            return c.epoch() + 1;
        }

        TrainingResult result(TrainingResult.StopReason reason, long start) {
            return new TrainingResult(history, early.bestEpoch(), bestValid, reason, (System.nanoTime() - start) / 1e9,
                    weights);
        }
    }

    /** One epoch's shuffled mini-batches and steps, with the learning rate of each step. */
    private final class EpochLoop {
        private final Network net;
        private final StepRunner runner;
        private final BeatTable train;
        private final double[] weights;
        private final BatchFiller filler;
        private final float[] target;
        private final int batch = settings.batch();

        EpochLoop(Network net, StepRunner runner, BeatTable train, RecordTemplates templates, double[] weights) {
            this.net = net;
            this.runner = runner;
            this.train = train;
            this.weights = weights;
            this.filler = new BatchFiller(batch, templates);
            this.target = new float[batch * AamiClass.COUNT];
        }

        int steps() {
            return (train.size() + batch - 1) / batch;
        }

        /** Trains epoch {@code epoch}; returns its mean loss. */
        double train(int epoch) {
            // every random draw of an epoch comes from (seed, epoch): a resumed run draws what an uninterrupted one would
            Engine.getInstance().setRandomSeed((int) Seeds.derive(settings.seed(), "dropout-" + epoch));
            int[] order = Seeds.permutation(train.size(), Seeds.random(settings.seed(), "shuffle-" + epoch));
            int steps = steps();
            long total = (long) steps * settings.epochs();
            double lossSum = 0;
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                int step = from / batch;
                if (settings.scheduler().perStep()) {
                    runner.setLearningRate(settings.scheduler().at((long) (epoch - 1) * steps + step, total,
                            settings.lr(), settings.warmup(), settings.minLr()));
                }
                float[] x = filler.fill(train, order, from, to);
                float[] rr = net.usesRr() ? filler.fillRr(train, order, from, to, net.rrWidth()) : null;
                fillTarget(train, order, from, to, weights, settings.labelSmoothing(), target);
                try {
                    lossSum += runner.step(x, rr, target, to - from) * (to - from);
                } catch (NonFiniteException e) {
                    throw e.at(epoch, step + 1, steps, runner.learningRate());
                }
            }
            return lossSum / order.length;
        }
    }

    /** Epoch {@code epoch}'s validation, its learning-rate step, and its result. */
    private EpochResult validate(Network net, BeatTable valid, Progress p, StepRunner runner, int epoch,
                                 double trainLoss, long t0, double beatsPerSecond, int steps) {
        float[] logp = net.logProbabilities(valid, net.inferenceBatch());
        double validLoss = loss(valid, logp, p.weights);
        double epochLr = runner.learningRate();
        if (!Double.isFinite(validLoss)) {
            throw new NonFiniteException(NonFiniteException.Quantity.VALID_LOSS, validLoss).at(epoch, 0, steps, epochLr);
        }
        Metrics vm = Metrics.of("valid", labels(valid), argmax(logp));
        double next = p.plateau.step(validLoss);
        if (!settings.scheduler().perStep()) {
            runner.setLearningRate(next);
        }
        return new EpochResult(epoch, trainLoss, validLoss, vm, epochLr, (System.nanoTime() - t0) / 1e9,
                beatsPerSecond, vm.get(settings.objective()));
    }

    /**
     * Row i of the target, as PyTorch's weighted cross-entropy with label smoothing ε makes it:
     * (1 − ε) · w_y at the true class y plus ε / 5 · w_c at every class c, all over the batch's Σ w_y.
     */
    static void fillTarget(BeatTable t, int[] order, int from, int to, double[] w, double smoothing, float[] target) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += w[t.label(order[k])];
        }
        java.util.Arrays.fill(target, 0, (to - from) * AamiClass.COUNT, 0f);
        for (int k = from; k < to; k++) {
            int y = t.label(order[k]);
            int row = (k - from) * AamiClass.COUNT;
            target[row + y] = (float) ((1 - smoothing) * w[y] / sum);
            if (smoothing > 0) {
                for (int c = 0; c < AamiClass.COUNT; c++) {
                    target[row + c] += (float) (smoothing / AamiClass.COUNT * w[c] / sum);
                }
            }
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
