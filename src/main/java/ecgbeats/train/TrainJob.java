package ecgbeats.train;

import ecgbeats.util.Decision;

import ecgbeats.util.BadInputException;
import ecgbeats.util.FolderLock;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Split;
import ecgbeats.data.balance.BalanceMethod;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Trains one run from a dataset file into a run folder, in one stretch or several. The folder
 * holds the run's configuration from the start, a checkpoint and {@code state.json} after every
 * epoch, and the results (parameters, history, test metrics) only once training is complete, so
 * a folder without {@code metrics.json} never looks like a result. A run paused by its time
 * budget, or killed, goes on with {@link #resume}; one process at a time trains a folder.
 * The test split is evaluated once, at the end, only when asked.
 */
public final class TrainJob {

    /** What a job produced; when {@link #paused()}, the run is not complete and has no results yet. */
    public record Outcome(RunDirectory run, TrainingResult training, Metrics test, long parameters) {
        public boolean paused() {
            return training.stop() == TrainingResult.StopReason.PAUSED;
        }
    }

    private static final String LOCK = ".lock";

    private final Path dataFile;
    private final RunConfig config;
    private final Path out;
    private final boolean evaluateTest;
    private final boolean resuming;

    /** A new run into {@code out}, which must not exist or be empty. */
    public TrainJob(Path dataFile, RunConfig config, Path out, boolean evaluateTest) {
        this(dataFile, config, out, evaluateTest, false);
    }

    private TrainJob(Path dataFile, RunConfig config, Path out, boolean evaluateTest, boolean resuming) {
        this.dataFile = dataFile;
        this.config = config;
        this.out = out;
        this.evaluateTest = evaluateTest;
        this.resuming = resuming;
    }

    /**
     * The run in {@code dir}, paused or interrupted, to go on with its recorded data file,
     * configuration and test choice. A complete or failed run is a {@link BadInputException}.
     */
    public static TrainJob resume(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve(RunDirectory.CONFIG))) {
            throw new BadInputException(dir + ": not a run folder (no " + RunDirectory.CONFIG + ")");
        }
        RunState state = run.readState();
        if (!state.status().resumable()) {
            throw new BadInputException(dir + ": the run is " + state.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (state.reason() == null ? "" : " (" + state.reason() + ")") + "; there is nothing to resume");
        }
        RunRecord r = run.readRecord();
        return new TrainJob(Path.of(r.data().file()), r.runConfig(), dir, !r.testSkipped(), true);
    }

    public RunConfig config() {
        return config;
    }

    public Path dataFile() {
        return dataFile;
    }

    public Outcome run(EpochListener listener, PrintStream log) throws IOException {
        return run(listener, log, null, null, null);
    }

    /**
     * Runs the job.
     *
     * @param budget pause, ready to resume, after the last epoch that fits in this much wall time
     *               (estimated from the epoch just run), or null for no limit
     * @param from   a checkpoint to go on from (a trial moved to another worker), or null: a
     *               resumed job goes on from its folder's
     * @param sink   also hears each epoch's checkpoint, or null
     */
    public Outcome run(EpochListener listener, PrintStream log, Duration budget, Checkpoint from,
                       Training.CheckpointSink sink) throws IOException {
        long started = System.nanoTime();
        BeatDataset data = DatasetFile.read(dataFile);
        if (data.provenance().balancing() != null && config.training().balance() != BalanceMethod.NONE) {
            throw new BadInputException(dataFile + ": its train split is already balanced ("
                    + data.provenance().balancing().method().id() + "); train it with balance=none");
        }
        if (config.model().features().usesRr() && !data.hasRr()) {
            throw new BadInputException(dataFile + ": the dataset has no RR features (a Kaggle CSV import, or a "
                    + "dataset file of format 1), and features=" + config.model().features().id()
                    + " asks for them; build it from records with data build");
        }
        if (data.rrWidth() < config.model().features().inputWidth()) {
            throw new BadInputException(dataFile + ": the dataset holds the first " + data.rrWidth()
                    + " RR features (a dataset file of format 2), and features=" + config.model().features().id()
                    + " reads " + config.model().features().inputWidth() + "; rebuild it with data build");
        }
        if (config.model().template().usesRecord()) {
            requireRecords(data);
        }
        String sha = DatasetFile.sha256(dataFile);
        RunDirectory dir = new RunDirectory(out);
        RunRecord recorded = null;
        if (resuming) {
            recorded = dir.readRecord();
            if (!sha.equals(recorded.data().sha256())) {
                throw new BadInputException(dataFile + ": changed since the run in " + out
                        + " started (its SHA-256 differs); a run goes on only with the data it started with");
            }
        } else if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new BadInputException(out + ": already exists and is not empty (runs are never overwritten)");
        }
        Files.createDirectories(out);
        try (FolderLock lock = FolderLock.tryLock(out.resolve(LOCK))) {
            if (lock == null) {
                throw new BadInputException(out + ": another ecgbeats process is training this run");
            }
            return train(new Stretch(data, sha, dir, recorded, listener, log, budget, started, from, sink));
        }
    }

    /**
     * What one stretch of training works with.
     *
     * @param recorded the run's config.json when it goes on, null when it starts
     * @param budget   a time budget, or null
     * @param started  when the job started (System.nanoTime)
     * @param from     a checkpoint to go on from, or null
     * @param sink     also hears each epoch's checkpoint, or null
     */
    private record Stretch(BeatDataset data, String sha, RunDirectory dir, RunRecord recorded, EpochListener listener,
                           PrintStream log, Duration budget, long started, Checkpoint from,
                           Training.CheckpointSink sink) {
    }

    private Outcome train(Stretch s) throws IOException {
        BeatDataset data = s.data();
        RunDirectory dir = s.dir();
        // the protocol's objective when none is set: what was used is what config.json records
        RunConfig config = this.config.with(java.util.Map.of("objective",
                this.config.training().objective().resolve(data.provenance().protocol()).id()));
        BeatTable train = Training.prepare(data.train(), config.training());
        Checkpoint resume = s.from() != null ? s.from() : resuming ? dir.readCheckpoint() : null;
        try (Network net = Network.create(config.model(), config.training().seed())) {
            s.log().printf("%s: %,d parameters; %,d train beats (%s), %,d valid beats; seed %d%n",
                    config.model().architecture().id(), net.parameterCount(), train.size(),
                    config.training().balance().id() + (config.training().classWeights() ? ", class weights" : ""),
                    data.valid().size(), config.training().seed());
            RhythmScaling scaling = null;
            if (net.usesRr()) {
                scaling = RhythmScaling.of(data.train(), net.rrWidth());
                net.setRhythmScaling(scaling); // a resumed run's checkpoint holds the same values
            }
            RunRecord record = s.recorded() != null ? s.recorded() : RunRecord.start(config, net.parameterCount(),
                    dataFile, s.sha(), data, train.classCounts(), Training.classWeights(train, config.training()),
                    scaling, !evaluateTest);
            if (s.recorded() == null) {
                dir.writeRecord(record);
            }
            if (resume != null) {
                s.log().printf("going on from the checkpoint after epoch %d%n", resume.epoch());
                record = record.resumedAfter(resume.epoch());
            }
            dir.writeState(new RunState(RunState.Status.RUNNING, resume == null ? 0 : resume.epoch(), null));
            Training.CheckpointSink save = c -> {
                dir.writeCheckpoint(c);
                dir.writeHistory(c.history());
                dir.writeState(new RunState(RunState.Status.RUNNING, c.epoch(), null));
                if (s.sink() != null) {
                    s.sink().save(c);
                }
            };
            TrainingResult result;
            try {
                result = new Training(config.training(), withBudget(s.listener(), s.budget(), s.started())).run(net,
                        train, net.templatesOf(data.train()), data.valid(), resume, save);
            } catch (NonFiniteException e) {
                dir.writeState(new RunState(RunState.Status.FAILED, Math.max(0, e.epoch() - 1), e.getMessage()));
                throw e;
            }
            if (result.stop() == TrainingResult.StopReason.PAUSED) {
                dir.writeState(new RunState(RunState.Status.PAUSED, result.history().size(), null));
                return new Outcome(dir, result, null, net.parameterCount());
            }
            Metrics test = complete(s, config, net, train, record, result);
            Files.deleteIfExists(dir.checkpoint());
            dir.writeState(new RunState(RunState.Status.COMPLETE, result.history().size(), null));
            return new Outcome(dir, result, test, net.parameterCount());
        }
    }

    /**
     * Writes a complete run's results: the logit adjustment when asked for, config.json with how it
     * ended, the history, the parameters, and its one test evaluation when asked for (returned).
     */
    private Metrics complete(Stretch s, RunConfig config, Network net, BeatTable train, RunRecord record,
                             TrainingResult result) throws IOException {
        double seconds = result.history().stream().mapToDouble(EpochResult::seconds).sum();
        LogitAdjustment adjustment = null;
        if (config.training().logitAdjust() > 0) {
            adjustment = LogitAdjustment.choose(net.logProbabilities(s.data().valid(), net.inferenceBatch()),
                    s.data().valid(), train.classCounts(), config.training().logitAdjust());
            net.addToOutputBias(adjustment.bias());
            s.log().printf(java.util.Locale.ROOT, "logit adjustment: tau %.2f (validation accuracy %.4f -> %.4f, "
                    + "macro recall %.4f -> %.4f)%n", adjustment.tau(), adjustment.validBefore()[0],
                    adjustment.validAfter()[0], adjustment.validBefore()[1], adjustment.validAfter()[1]);
        }
        s.dir().writeRecord(record.completed(result.bestEpoch(), result.stop(), seconds, adjustment));
        s.dir().writeHistory(result.history());
        net.save(s.dir().params());
        if (!evaluateTest) {
            return null;
        }
        Evaluation e = Evaluation.of(net, s.data(), Split.TEST);
        e.writeTo(s.dir());
        return e.metrics();
    }

    /** A model with a template takes each record's median beat from the record's real beats, so they must be known. */
    private void requireRecords(BeatDataset data) {
        String template = "template=" + config.model().template().id();
        if (data.provenance().balancing() != null) {
            throw new BadInputException(dataFile + ": its train split is already balanced ("
                    + data.provenance().balancing().method().id() + "), and " + template
                    + " takes each record's median beat from its real beats; build the dataset unbalanced");
        }
        for (Split s : Split.values()) {
            if (!RecordTemplates.namesRecords(data.split(s))) {
                throw new BadInputException(dataFile + ": its beats do not name their records (a Kaggle CSV "
                        + "import), and " + template + " compares each beat with its record's median beat; build it with data build");
            }
        }
    }

    /** The listener, and a pause when the next epoch, as long as the last one, would end past the budget. */
    private static EpochListener withBudget(EpochListener listener, Duration budget, long started) {
        if (budget == null) {
            return listener;
        }
        return (r, max) -> {
            Decision d = listener.onEpoch(r, max);
            double elapsed = (System.nanoTime() - started) / 1e9;
            boolean nextFits = elapsed + r.seconds() <= budget.toNanos() / 1e9;
            return d == Decision.CONTINUE && !nextFits ? Decision.PAUSE : d;
        };
    }

    /** Whether {@code dir} holds nothing (a new output folder may be an empty one). */
    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
