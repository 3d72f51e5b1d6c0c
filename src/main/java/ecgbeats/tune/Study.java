package ecgbeats.tune;

import ecgbeats.util.Decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Seeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hyperparameter study: asks the sampler for trials, runs them on up to {@code workers} at
 * once through a {@link TrialRunner}, asks the scheduler after every epoch, and records every
 * event in the journal before acting on it. The journal is the source of truth: a study
 * reopened with {@link #resume} keeps its finished trials and runs the interrupted ones again.
 * Trial k's seed and its suggestion stream derive from the study seed and k alone.
 */
public final class Study implements AutoCloseable {

    public static final String JOURNAL = "journal.jsonl";
    /** The folder of the running trials' checkpoints, each named trial-epoch. */
    public static final String CHECKPOINTS = "checkpoints";

    private final Path dir;
    private final StudySettings settings;
    private final SearchSpace space;
    private final Sampler sampler;
    private final Scheduler scheduler;
    private final Journal journal;
    private final List<Trial> trials = new ArrayList<>(); // guarded by this
    /** Trials cut off by a crash, each with the epoch of its last checkpoint (0: none). */
    private final List<int[]> interrupted = new ArrayList<>();

    private Study(Path dir, StudySettings settings, SearchSpace space, Sampler sampler, Scheduler scheduler)
            throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.space = space;
        this.sampler = sampler;
        this.scheduler = scheduler;
        this.journal = new Journal(dir.resolve(JOURNAL));
    }

    /** A new study in {@code dir}, which must not hold one. */
    public static Study create(Path dir, StudySettings settings, SearchSpace space, Sampler sampler,
                               Scheduler scheduler) throws IOException {
        sampler.check(space);
        if (Files.exists(dir.resolve(JOURNAL))) {
            throw BadInputException.about(BadInputException.Subject.NEW_STUDY_FOLDER, dir,
                    "already holds a study (resume it to go on, or choose another folder)");
        }
        Files.createDirectories(dir);
        Study s = new Study(dir, settings, space, sampler, scheduler);
        s.journal.append(new JournalEvent.StudyBegan(JournalEvent.now(), settings.identity(), settings.fingerprint(),
                settings.seed(), settings.objective()));
        return s;
    }

    /** Reopens the study in {@code dir}; it must be a study made with the same fingerprint. */
    public static Study resume(Path dir, StudySettings settings, SearchSpace space, Sampler sampler,
                               Scheduler scheduler) throws IOException {
        sampler.check(space);
        Path file = dir.resolve(JOURNAL);
        if (!Files.exists(file)) {
            throw BadInputException.about(BadInputException.Subject.STUDY_TO_RESUME, dir,
                    "not a study folder (no " + JOURNAL + ")");
        }
        List<JournalEvent> events = StudyHistory.events(file);
        JournalEvent.StudyBegan head = (JournalEvent.StudyBegan) events.get(0);
        if (head.identity() != null) {
            List<String> differ = settings.differences(head.identity());
            if (!differ.isEmpty()) {
                throw new BadInputException(dir + ": the study there was made with other settings or data; these "
                        + "differ: " + String.join("; ", differ));
            }
        } else if (!settings.fingerprint().equals(head.fingerprint())) {
            throw new BadInputException(dir + ": the study there was made by an earlier ecgbeats, with other settings "
                    + "or data");
        }
        Study s = new Study(dir, settings, space, sampler, scheduler);
        s.replay(events);
        return s;
    }

    private void replay(List<JournalEvent> events) throws IOException {
        StudyHistory h = StudyHistory.replay(events);
        trials.addAll(h.trials());
        Map<Integer, List<JournalEvent.Epoch>> epochs = h.epochs();
        Map<Integer, Integer> checkpointed = h.checkpointed();
        // interrupted trials go on from their last checkpoint on disk, or from the start
        for (Trial t : trials) {
            if (t.state() == TrialState.RUNNING) {
                int from = checkpointed.getOrDefault(t.number(), 0);
                if (from > 0 && !Files.exists(checkpointFile(t.number(), from))) {
                    from = 0;
                }
                int keep = from;
                epochs.get(t.number()).removeIf(x -> x.epoch() > keep);
                interrupted.add(new int[] {t.number(), from});
            }
        }
        // the scheduler relearns its rungs from every epoch that still counts, in journal order
        List<JournalEvent.Epoch> all = new ArrayList<>();
        epochs.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(JournalEvent.Epoch::time));
        for (JournalEvent.Epoch e : all) {
            scheduler.onEpoch(e.trial(), e.epoch(), e.value());
        }
    }

    /** Where trial n's checkpoint after {@code epoch} epochs is kept. */
    Path checkpointFile(int n, int epoch) {
        return dir.resolve(CHECKPOINTS).resolve(String.format("%04d-%04d.ckpt", n, epoch));
    }

    /** Runs trials until the trial budget, the time budget or the sampler is exhausted. */
    public List<Trial> run(TrialRunner runner, int workers) throws InterruptedException {
        long deadline = settings.timeBudget() == null ? Long.MAX_VALUE
                : System.nanoTime() + settings.timeBudget().toNanos();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(workers);
        try {
            List<int[]> again = new ArrayList<>(interrupted);
            interrupted.clear();
            while (System.nanoTime() < deadline) {
                slots.acquire();
                boolean ready;
                try {
                    ready = runner.awaitCapacity(1, TimeUnit.SECONDS);
                } catch (IllegalStateException closed) {
                    slots.release();
                    break;
                }
                if (!ready) {
                    slots.release();
                    continue; // look at the deadline again
                }
                Optional<TrialTask> next;
                try {
                    next = again.isEmpty() ? create() : Optional.of(restart(again.remove(0)));
                } catch (IOException e) {
                    slots.release();
                    throw new UncheckedIOException(e);
                }
                if (next.isEmpty()) {
                    slots.release();
                    break;
                }
                TrialTask t = next.get();
                pool.submit(() -> {
                    try {
                        execute(t, runner);
                    } finally {
                        slots.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
        }
        return trials();
    }

    private synchronized Optional<TrialTask> create() {
        int n = trials.size();
        if (n >= settings.trials()) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> params = sampler.suggest(space, List.copyOf(trials),
                Seeds.random(settings.seed(), "suggest-" + n));
        if (params.isEmpty()) {
            return Optional.empty();
        }
        Trial t = new Trial(n, params.get(), Seeds.derive(settings.seed(), "trial-" + n), TrialState.RUNNING,
                List.of(), Map.of(), "", 0);
        append(new JournalEvent.Created(JournalEvent.now(), n, t.seed(), Journal.JSON.valueToTree(t.params())));
        trials.add(t);
        return Optional.of(TrialTask.fresh(n, t.params(), t.seed()));
    }

    private synchronized TrialTask restart(int[] cutOff) throws IOException {
        int n = cutOff[0];
        int from = cutOff[1];
        Trial t = trials.get(n).resumedAt(from);
        trials.set(n, t);
        append(new JournalEvent.Resumed(JournalEvent.now(), n, from));
        return from == 0 ? TrialTask.fresh(n, t.params(), t.seed())
                : new TrialTask(n, t.params(), t.seed(), from, Files.readAllBytes(checkpointFile(n, from)));
    }

    private void execute(TrialTask task, TrialRunner runner) {
        int n = task.number();
        long start = System.nanoTime();
        int[] lastCheckpoint = {task.fromEpoch()};
        boolean[] stopped = {false};
        TrialRunner.EpochReporter reporter = new TrialRunner.EpochReporter() {
            @Override
            public Decision report(int epoch, double value, Map<String, Double> m, byte[] checkpoint) {
                if (checkpoint != null) {
                    // on disk before the journal says so: a resume trusts only journaled checkpoints
                    writeCheckpoint(n, epoch, checkpoint);
                }
                synchronized (Study.this) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    trials.set(n, trials.get(n).withEpoch(value, seconds));
                    Decision d = scheduler.onEpoch(n, epoch, value);
                    append(new JournalEvent.Epoch(JournalEvent.now(), n, epoch, value, seconds, d, checkpoint != null, m));
                    stopped[0] |= d == Decision.STOP;
                    if (checkpoint != null) {
                        deleteCheckpoint(n, lastCheckpoint[0]);
                        lastCheckpoint[0] = epoch;
                    }
                    return d;
                }
            }

            @Override
            public void started(String worker, int fromEpoch) {
                synchronized (Study.this) {
                    trials.set(n, trials.get(n).resumedAt(fromEpoch).onWorker(worker));
                    append(new JournalEvent.Started(JournalEvent.now(), n, worker, fromEpoch));
                }
            }
        };
        if (!runner.reportsPlacement()) {
            reporter.started(Thread.currentThread().getName(), task.fromEpoch());
        }
        try {
            Map<String, Double> metrics = runner.run(task, reporter);
            finish(n, stopped[0] ? TrialState.PRUNED : TrialState.COMPLETE, metrics, start, null);
        } catch (TrialAbandoned e) {
            return; // stays RUNNING, checkpoint kept, for a resume
        } catch (Exception e) {
            finish(n, TrialState.FAILED, Map.of(), start, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        deleteCheckpoint(n, lastCheckpoint[0]);
    }

    private void writeCheckpoint(int n, int epoch, byte[] bytes) {
        try {
            Files.createDirectories(dir.resolve(CHECKPOINTS));
            AtomicFile.write(checkpointFile(n, epoch), out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteCheckpoint(int n, int epoch) {
        if (epoch > 0) {
            try {
                Files.deleteIfExists(checkpointFile(n, epoch));
            } catch (IOException e) {
                // a stale checkpoint costs disk space only; the journal says which one counts
            }
        }
    }

    private synchronized void finish(int n, TrialState state, Map<String, Double> metrics, long start, String error) {
        double seconds = (System.nanoTime() - start) / 1e9;
        trials.set(n, trials.get(n).finished(state, metrics, seconds));
        append(JournalEvent.Finished.of(state, JournalEvent.now(), n, seconds, trials.get(n).epochs(), metrics, error));
        writeResults();
    }

    private void append(JournalEvent e) {
        try {
            journal.append(e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** Snapshots of every trial, in creation order. */
    public synchronized List<Trial> trials() {
        return List.copyOf(trials);
    }

    /** Whether every trial the study may create exists and has finished: a resume has nothing to run. */
    public synchronized boolean isComplete() {
        return trials.size() >= settings.trials() && trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING);
    }

    /** The complete trial with the best objective, if any trial completed. */
    public synchronized Optional<Trial> best() {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE && t.best().isPresent())
                .max(Comparator.comparingDouble((Trial t) -> t.best().getAsDouble())
                        .thenComparing(Trial::number, Comparator.reverseOrder()));
    }

    /**
     * results.csv and results.md: one row per trial, best objective first; the columns are the
     * objective (each trial's best value of it), then the other metrics the trials report, by
     * their own names, then the hyperparameters.
     */
    synchronized void writeResults() {
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingDouble((Trial t) -> t.best().orElse(Double.NEGATIVE_INFINITY)).reversed()
                .thenComparingInt(Trial::number));
        List<String> names = new ArrayList<>(space.domains().keySet());
        java.util.LinkedHashSet<String> reported = new java.util.LinkedHashSet<>();
        trials.stream().sorted(Comparator.comparingInt(Trial::number)).forEach(t -> reported.addAll(t.metrics().keySet()));
        reported.remove(settings.objective());
        List<String> header = new ArrayList<>(List.of("trial", "state", "epochs", settings.objective()));
        header.addAll(reported);
        header.addAll(List.of("seconds", "worker"));
        header.addAll(names);
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|")
                .append("---|".repeat(header.size())).append('\n');
        for (Trial t : sorted) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(t.number()), t.state().name(),
                    Integer.toString(t.epochs()), t.best().isPresent() ? format(t.best().getAsDouble()) : ""));
            for (String m : reported) {
                cells.add(format(t.metrics().get(m)));
            }
            cells.add(String.format(java.util.Locale.ROOT, "%.1f", t.seconds()));
            cells.add(t.worker());
            List<String> mdCells = new ArrayList<>(cells);
            for (String p : names) {
                Object v = t.params().get(p);
                cells.add(String.valueOf(v));
                mdCells.add(v instanceof Double d ? format(d) : String.valueOf(v));
            }
            csv.append(String.join(",", cells)).append('\n');
            md.append("| ").append(String.join(" | ", mdCells)).append(" |\n");
        }
        try {
            AtomicFile.writeString(dir.resolve("results.csv"), csv.toString());
            AtomicFile.writeString(dir.resolve("results.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Double v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
