package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.PatientFolds;
import ecgbeats.data.Protocol;
import ecgbeats.data.Split;
import ecgbeats.util.BadInputException;
import ecgbeats.util.FolderLock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-validation over whole patients ({@link PatientFolds}): one run per fold, trained on the
 * other folds and selected on its own held-out patients (early stopping, learning-rate
 * schedule), never tested; then the held-out predictions of all folds pooled into one set of
 * metrics, so that every training patient counts once as a validation patient. This is what
 * tells configurations apart when a few validation patients cannot; the pooled figure is
 * slightly optimistic (each fold chose its epoch on the patients it is scored on), alike for
 * every configuration.
 *
 * <p>The folder holds {@value #SUMMARY} (the plan, each finished fold's metrics, and the pooled
 * metrics once every fold is done), each fold's dataset ({@code fold-N.ecgb}, the source dataset
 * with fold N as its validation split) and its run ({@code fold-N/}, an ordinary run folder), so
 * a cross-validation paused by its time budget or killed goes on where it stopped, with the same
 * data, folds and configuration only.
 *
 * <p>Folds can also be trained side by side, one process each ({@code only}), on one machine's
 * cores or on machines sharing the folder: a process holds {@code fold-N.lock} (an operating-system
 * lock, let go when the process ends however it ends) while it works on fold N, so no two train
 * the same fold; a process working on one fold leaves {@value #SUMMARY} to the run over all folds
 * that pools them.
 */
public final class CrossValidation {

    public static final String SUMMARY = "crossval.json";

    /**
     * The folds finished by this run and, when all are, their pooled metrics; {@link #paused()}
     * otherwise, by the time budget, because this run worked on one fold, or because the folds
     * of {@link #elsewhere()} were being trained by other processes.
     */
    public record Outcome(List<CrossvalSummary.FoldResult> folds, Metrics pooled, List<Integer> elsewhere) {
        public Outcome {
            folds = List.copyOf(folds);
            elsewhere = List.copyOf(elsewhere);
        }

        public boolean paused() {
            return pooled == null;
        }
    }

    private final Path dataFile;
    private final RunConfig config;
    private final int folds;
    private final Set<Integer> apart;
    private final Path out;

    /**
     * Cross-validation in {@code folds} folds, the records of {@code apart} in different ones
     * ({@link PatientFolds}).
     */
    public CrossValidation(Path dataFile, RunConfig config, int folds, Set<Integer> apart, Path out) {
        this.dataFile = dataFile;
        this.config = config;
        this.folds = folds;
        this.apart = Set.copyOf(apart);
        this.out = out;
    }

    /**
     * Trains the folds not yet done and pools them.
     *
     * @param budget pause, ready to go on, after the last epoch that fits in this wall time; null: no limit
     * @param resume go on in {@code out}, whose plan must be this one; otherwise {@code out} must be new or empty
     * @param only   train and evaluate this fold only (1 to the number of folds), joining {@code out} when it
     *               already holds this plan, and leave {@value #SUMMARY} as it is; null: every fold, then pool
     */
    public Outcome run(EpochListener listener, PrintStream log, Duration budget, boolean resume, Integer only)
            throws IOException {
        long started = System.nanoTime();
        BeatDataset data = DatasetFile.read(dataFile);
        PatientFolds plan = PatientFolds.of(data, folds, apart);
        if (only != null && (only < 1 || only > plan.size())) {
            throw BadInputException.about(BadInputException.Subject.FOLD, only, "the cross-validation has "
                    + plan.size() + " folds, 1 to " + plan.size());
        }
        CrossvalSummary summary = CrossvalSummary.plan(
                new CrossvalSummary.DataFile(dataFile.toAbsolutePath().toString(), DatasetFile.sha256(dataFile)),
                config, List.copyOf(new TreeSet<>(apart)), plan.folds());
        Path file = out.resolve(SUMMARY);
        boolean joining = only != null && Files.exists(file);
        openFolder(file, summary, resume, joining, only != null);
        if (!joining) {
            summary.write(file);
        }
        double[] lastEpoch = {0}; // seconds of the last epoch trained, to judge whether another fits the budget
        EpochListener timed = timing(listener, lastEpoch);
        List<Integer> elsewhere = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            int number = i + 1;
            if (only != null && only != number) {
                continue;
            }
            try (FolderLock lock = FolderLock.tryLock(out.resolve("fold-" + number + ".lock"))) {
                if (lock == null) {
                    leaveToItsHolder(number, plan.size(), only != null, log);
                    elsewhere.add(number);
                    continue;
                }
                Duration left = budget == null ? null : budget.minusNanos(System.nanoTime() - started);
                Evaluation e = trainAndEvaluate(data, plan, i, timed, log, left, lastEpoch[0]);
                if (e == null) {
                    return paused(summary, file, elsewhere, only == null);
                }
                evaluations.add(e);
                // the folds this run finished; written only by the run over all folds (a one-fold run leaves the file)
                summary = summary.withFold(new CrossvalSummary.FoldResult(number, plan.fold(i), "fold-" + number,
                        e.metrics()));
                if (only == null) {
                    summary.write(file);
                }
                log.printf("fold %d of %d: %s%n", number, plan.size(), headline(e.metrics()));
            }
        }
        if (only != null || !elsewhere.isEmpty()) {
            return paused(summary, file, elsewhere, only == null);
        }
        Metrics pooled = pool(evaluations, data.provenance().protocol());
        summary.complete(pooled).write(file);
        return new Outcome(summary.foldResults(), pooled, elsewhere);
    }

    /** {@code listener}, and the seconds of each epoch it hears kept in {@code lastEpoch[0]}. */
    private static EpochListener timing(EpochListener listener, double[] lastEpoch) {
        return (r, max) -> {
            lastEpoch[0] = r.seconds();
            return listener.onEpoch(r, max);
        };
    }

    /** Fold {@code number} is another process's: a one-fold run asked for it is refused, a run over all leaves it. */
    private void leaveToItsHolder(int number, int folds, boolean oneFold, PrintStream log) {
        if (oneFold) {
            throw new BadInputException(out.resolve("fold-" + number) + ": fold " + number
                    + " is being trained by another process");
        }
        log.printf("fold %d of %d: being trained by another process, left to it%n", number, folds);
    }

    /** The folder, new or going on with the same plan (resumed, or joined by a one-fold process). */
    private void openFolder(Path file, CrossvalSummary summary, boolean resume, boolean joining, boolean oneFold)
            throws IOException {
        if (resume || joining) {
            requireSamePlan(file, summary);
        } else if (Files.exists(out) && (!Files.isDirectory(out) || !emptyButAPlanBeingWritten(out, oneFold))) {
            throw new BadInputException(out + ": already exists and is not empty (a paused or killed "
                    + "cross-validation goes on when resumed)");
        }
        Files.createDirectories(out);
    }

    /**
     * Fold {@code i}'s run on its held-out patients, trained or resumed first unless complete; null
     * when it paused, or when {@code left} is shorter than the last epoch took and it did not start.
     */
    private Evaluation trainAndEvaluate(BeatDataset data, PatientFolds plan, int i, EpochListener timed,
                                        PrintStream log, Duration left, double lastEpochSeconds) throws IOException {
        int number = i + 1;
        BeatDataset heldOut = plan.holdOut(data, i);
        Path foldData = out.resolve("fold-" + number + ".ecgb");
        if (!Files.exists(foldData)) {
            DatasetFile.write(heldOut, foldData);
        }
        RunDirectory run = new RunDirectory(out.resolve("fold-" + number));
        RunState.Status status = Files.exists(run.dir().resolve(RunDirectory.STATE))
                ? run.readState().status() : null;
        if (status == RunState.Status.FAILED) {
            throw new BadInputException(run.dir() + ": fold " + number + "'s run failed ("
                    + run.readState().reason() + "); remove its folder to train it again");
        }
        if (status != RunState.Status.COMPLETE) {
            log.printf("fold %d of %d: validation records %s%n", number, plan.size(), plan.fold(i));
            TrainJob job = status == null ? new TrainJob(foldData, config, run.dir(), false)
                    : TrainJob.resume(run.dir());
            if (left != null && left.toNanos() / 1e9 < lastEpochSeconds
                    || job.run(timed, log, left, null, null).paused()) {
                return null;
            }
        }
        try (Network net = run.loadNetwork()) {
            return Evaluation.of(net, heldOut, Split.VALID);
        }
    }

    /** The held-out predictions of every fold as one split, each record's share included. */
    static Metrics pool(List<Evaluation> folds, Protocol protocol) {
        int n = folds.stream().mapToInt(e -> e.truth().length).sum();
        short[] records = new short[n];
        int[] truth = new int[n];
        int[] pred = new int[n];
        int at = 0;
        for (Evaluation e : folds) {
            int len = e.truth().length;
            System.arraycopy(e.records(), 0, records, at, len);
            System.arraycopy(e.truth(), 0, truth, at, len);
            System.arraycopy(e.predictions(), 0, pred, at, len);
            at += len;
        }
        Metrics m = Metrics.of("crossval", truth, pred).withPerRecord(RecordMetrics.of(records, truth, pred));
        return protocol == Protocol.INTER ? m.withEc57() : m;
    }

    /** One line: accuracy, and the EC57 or macro averages. */
    public static String headline(Metrics m) {
        Metrics.Ec57 e = m.ec57();
        return String.format(Locale.ROOT, "%,d beats, accuracy %.4f, ", m.n(), m.accuracy())
                + (e == null ? String.format(Locale.ROOT, "macro recall %.4f", m.recallMacro())
                : String.format(Locale.ROOT, "EC57 macro Se %.4f, +P %.4f, F1 %.4f", e.seMacro(), e.ppvMacro(),
                e.f1Macro()));
    }

    /**
     * Whether {@code dir} is empty, or, for a one-fold run, holds only another one-fold process's
     * plan on its way in (the temporary file before {@value #SUMMARY} is moved into place), so that
     * processes started together on a new folder do not refuse each other.
     */
    private static boolean emptyButAPlanBeingWritten(Path dir, boolean oneFold) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> oneFold && p.getFileName().toString().startsWith("." + SUMMARY + "."));
        }
    }

    /** A folder to go on with must hold this plan: the same data, folds and configuration. */
    private void requireSamePlan(Path file, CrossvalSummary wanted) {
        if (!Files.exists(file)) {
            throw new BadInputException(out + ": not a cross-validation (no " + SUMMARY + ")");
        }
        CrossvalSummary had = CrossvalSummary.read(file);
        List<String> changed = new ArrayList<>();
        if (!wanted.data().sha256().equals(had.data().sha256())) {
            changed.add("data (" + had.data().file() + " then, " + dataFile + " now)");
        }
        if (!wanted.apart().equals(had.apart())) {
            changed.add("apart (" + had.apart() + " then, " + wanted.apart() + " now)");
        }
        if (!wanted.folds().equals(had.folds())) {
            changed.add("folds (" + had.folds() + " then, " + wanted.folds() + " now)");
        }
        RunConfig recorded;
        try {
            recorded = had.runConfig();
        } catch (BadInputException e) {
            throw BadInputException.inFile(file, "not a cross-validation's summary: " + e.getMessage());
        }
        changed.addAll(recorded.differences(config));
        if (!changed.isEmpty()) {
            throw new BadInputException(out + ": a cross-validation goes on with what it started with; these "
                    + "differ: " + String.join(", ", changed));
        }
    }

    /** Not pooled (yet); {@value #SUMMARY} says so unless this run worked on one fold and leaves it alone. */
    private static Outcome paused(CrossvalSummary summary, Path file, List<Integer> elsewhere,
                                  boolean writeSummary) throws IOException {
        if (writeSummary) {
            summary.with(CrossvalSummary.Status.PAUSED).write(file);
        }
        return new Outcome(summary.foldResults(), null, elsewhere);
    }
}
