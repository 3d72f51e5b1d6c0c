package ecgbeats.cli;

import ecgbeats.cluster.Coordinator;
import ecgbeats.util.BadInputException;
import ecgbeats.util.HostPort;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.util.Sha256;
import ecgbeats.model.Architecture;
import ecgbeats.train.BestRunEvaluation;
import ecgbeats.train.RunConfig;
import ecgbeats.tune.AshaScheduler;
import ecgbeats.tune.Domain;
import ecgbeats.tune.FifoScheduler;
import ecgbeats.tune.Sampler;
import ecgbeats.tune.Samplers;
import ecgbeats.tune.Scheduler;
import ecgbeats.tune.SearchSpace;
import ecgbeats.tune.SearchSpaces;
import ecgbeats.tune.StatusTable;
import ecgbeats.tune.Study;
import ecgbeats.tune.StudySettings;
import ecgbeats.tune.Trial;
import ecgbeats.tune.TrialFiles;
import ecgbeats.tune.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code tune}: a hyperparameter study, trials in worker processes, selection on validation. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Tune a model's hyperparameters on the validation split. The study's coordinator hands trials "
                + "to worker processes (local ones, and any that join from other machines); only the best trial is "
                + "evaluated on test, once, into OUT/best.")
final class TuneCommand implements Callable<Integer> {

    /** More trials than this never run at once, whatever the number of workers. */
    private static final int MAX_RUNNING = 256;

    @Mixin
    DebugOption debug;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A dataset file.")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The architecture to tune.")
    String model;

    @Option(names = "--space", required = true, paramLabel = "PRESET|FILE",
            description = "seed-cnngru1d, seed-cnn2d, or a YAML/JSON space file.")
    String space;

    @Option(names = "--search", defaultValue = "tpe", paramLabel = "random|tpe|grid", description = "Default: ${DEFAULT-VALUE}.")
    String search;

    @Option(names = "--trials", required = true, paramLabel = "N", description = "Trials to run.")
    int trials;

    @Option(names = "--epochs", defaultValue = "30", paramLabel = "N", description = "Epoch limit per trial. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--fraction", defaultValue = "1.0", paramLabel = "F", description = "Share of the train split per trial. Default: ${DEFAULT-VALUE}.")
    double fraction;

    @Option(names = "--scheduler", defaultValue = "fifo", paramLabel = "fifo|asha", description = "Default: ${DEFAULT-VALUE}.")
    String scheduler;

    @Option(names = "--grace", defaultValue = "1", paramLabel = "N", description = "ASHA grace period in epochs. Default: ${DEFAULT-VALUE}.")
    int grace;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
            description = "Local worker processes to start; each runs one trial at a time (0: only workers that "
                    + "join with `worker --join`). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Where the study's coordinator listens for workers. Default: 127.0.0.1 (loopback only), "
                    + "the first free port from 5710.")
    String listen;

    @Option(names = "--worker-threads", defaultValue = "0", paramLabel = "N",
            description = "PyTorch threads per trial in the local workers (0: PyTorch's default). "
                    + "Default: ${DEFAULT-VALUE}.")
    int workerThreads;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "No new trial after this long, e.g. 90m, 2h, 45s.")
    Duration timeBudget;

    @Option(names = "--objective", defaultValue = "default", paramLabel = "NAME",
            description = "recall_macro, recall_macro_nsvf (EC57: N, S, V, F), accuracy, or default: recall_macro "
                    + "for intra datasets, recall_macro_nsvf for inter.")
    String objective;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    TpeOption tpe;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The study folder.")
    Path out;

    @Option(names = "--status-every", defaultValue = "30", paramLabel = "SECONDS",
            description = "Print the table of running and finished trials this often (0: only at the end). "
                    + "Default: ${DEFAULT-VALUE}.")
    int statusEvery;

    @Option(names = "--resume", description = "Continue the study in --out after a crash or kill.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        Architecture arch = Architecture.parse(model);
        SearchSpace sp = SearchSpaces.load(space);
        Sampler sampler = Samplers.create(search, tpe.preset);
        sampler.check(sp); // before anything is written or started
        if (trials < 1 || epochs < 1 || workers < 0 || workerThreads < 0) {
            throw new BadInputException("--trials and --epochs must be at least 1, --workers and --worker-threads "
                    + "at least 0");
        }
        ListenAddress.parse(listen); // refused before anything is written
        objective = ecgbeats.train.Objective.parse(objective)
                .resolve(ecgbeats.data.DatasetFile.provenance(data).protocol()).id();
        checkSpaceFitsModel(RunConfig.defaults(arch).with(Map.of("epochs", Integer.toString(epochs),
                "fraction", Double.toString(fraction), "objective", objective)), sp);
        Scheduler sched = switch (scheduler) {
            case "fifo" -> new FifoScheduler();
            case "asha" -> new AshaScheduler(grace, 3, epochs);
            default -> throw new BadInputException("--scheduler " + scheduler + ": expected fifo or asha");
        };
        Duration budget = timeBudget;
        BeatDataset dataset = DatasetFile.read(data);
        String sha = DatasetFile.sha256(data);
        // what a resume must match; also names the study's cluster
        Map<String, String> what = new LinkedHashMap<>();
        what.put("data", sha);
        what.put("model", arch.id());
        what.put("search", search.equals("tpe") ? "tpe/" + tpe.id() : search);
        what.put("scheduler", scheduler + "/" + grace);
        what.put("epochs", Integer.toString(epochs));
        what.put("fraction", Double.toString(fraction));
        what.put("objective", objective);
        what.put("seed", Long.toString(seed));
        StudySettings settings = new StudySettings(trials, seed, budget, objective, StudySettings.identity(what, sp));
        String fingerprint = settings.fingerprint();
        TrialFiles trialFiles = new TrialFiles(out.resolve("trials"), TrialLauncher.RESULT_FILES);
        StudyJob job = new StudyJob(data.toAbsolutePath().toString(), sha, arch.id(), epochs, fraction, objective);
        String cluster = "ecgbeats-" + Sha256.of((fingerprint + "|" + out.toAbsolutePath())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 10);
        List<Trial> result;
        try (Study study = resume ? Study.resume(out, settings, sp, sampler, sched)
                : Study.create(out, settings, sp, sampler, sched)) {
            List<String> names = List.copyOf(sp.domains().keySet());
            long started = System.nanoTime();
            Runnable print = () -> System.out.print(StatusTable.render(study.trials(), names, objective,
                    Duration.ofNanos(System.nanoTime() - started), 20));
            if (study.isComplete()) {
                System.out.printf("study %s: all %d trials have finished; nothing to run%n", out, trials);
                result = study.trials();
            } else {
                result = runTrials(study, cluster, job, trialFiles, print);
            }
            print.run();
            printStatus(result);
            Optional<Trial> best = study.best();
            if (best.isEmpty()) {
                System.err.println("ecgbeats: no trial completed: nothing to evaluate on test");
                return 1;
            }
            evaluateBest(best.get(), dataset, trialFiles);
        }
        return 0;
    }

    /** Starts the coordinator and the local workers and runs the study's trials on them. */
    private List<Trial> runTrials(Study study, String cluster, StudyJob job, TrialFiles trialFiles, Runnable print)
            throws Exception {
        ListenAddress address = ListenAddress.parse(listen);
        try (Coordinator coordinator = Coordinator.start(cluster, address.host(), address.port(), listen == null,
                job.toJson(), trialFiles::save);
             LocalWorkers local = LocalWorkers.start(workers, coordinator.address(), cluster, workerThreads,
                     out.resolve("workers"))) {
            System.out.printf("study %s: %s, %s search, %s scheduler, %d trials, %d local worker(s)%n", out, model,
                    search, scheduler, trials, workers);
            System.out.printf("coordinator at %s; add a machine with:%n  ./ecgbeats worker --join %s --study %s%n",
                    coordinator.address(), coordinator.address(), cluster);
            ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "status");
                t.setDaemon(true);
                return t;
            });
            if (statusEvery > 0) {
                status.scheduleAtFixedRate(print, statusEvery, statusEvery, TimeUnit.SECONDS);
            }
            // local workers that all died (and no other worker) would leave the study waiting for ever
            status.scheduleAtFixedRate(() -> {
                if (local.allExited() && coordinator.connectedWorkers() == 0) {
                    System.err.println("ecgbeats: the local workers have exited and no other worker is connected; "
                            + "see " + out.resolve("workers"));
                    coordinator.close();
                }
            }, 5, 5, TimeUnit.SECONDS);
            try {
                return study.run(coordinator, MAX_RUNNING);
            } finally {
                status.shutdownNow();
                coordinator.close(); // the local workers leave now
            }
        }
    }

    /** Where the coordinator listens: loopback and the first free port from 5710 unless given. */
    record ListenAddress(String host, int port) {
        static ListenAddress parse(String listen) {
            if (listen == null) {
                return new ListenAddress("127.0.0.1", 5710);
            }
            try {
                HostPort a = HostPort.parse(listen);
                return new ListenAddress(a.host(), a.port());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--listen " + e.getMessage());
            }
        }
    }

    /** Every value the space can give (each choice, both bounds) must suit the model: checked before anything is written. */
    private static void checkSpaceFitsModel(RunConfig base, SearchSpace sp) {
        for (Map.Entry<String, Domain> d : sp.domains().entrySet()) {
            List<Object> values;
            if (d.getValue() instanceof Domain.Choice c) {
                values = c.values();
            } else {
                Domain.Numeric n = (Domain.Numeric) d.getValue();
                values = List.of(n.fromInternal(n.internalLo()), n.fromInternal(n.internalHi()));
            }
            for (Object v : values) {
                base.with(Map.of(d.getKey(), String.valueOf(v)));
            }
        }
    }

    /** The best trial's one test evaluation, or the earlier one when a finished study is resumed. */
    private void evaluateBest(Trial best, BeatDataset dataset, TrialFiles trialFiles) throws Exception {
        Path bestDir = out.resolve("best");
        BestRunEvaluation.Result r = BestRunEvaluation.evaluateOnce(trialFiles.folder(best.number()).resolve("run"),
                best.number(), bestDir, dataset);
        if (r.earlier()) {
            System.out.printf("best trial %d, evaluated on test when the study first finished -> %s%n",
                    best.number(), bestDir);
            System.out.println(r.metricsJson());
        } else {
            System.out.printf("best trial %d (validation %s %.4f), evaluated once on test -> %s%n", best.number(),
                    objective, best.best().getAsDouble(), bestDir);
            System.out.print(r.metrics().table());
        }
    }

    private static void printStatus(List<Trial> trials) {
        long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        long failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
        System.out.printf("%d trials: %d complete, %d pruned, %d failed (results.csv, results.md)%n", trials.size(),
                complete, pruned, failed);
    }
}
