package ecgbeats.cli;

import ecgbeats.util.BadInputException;
import ecgbeats.util.HostPort;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.model.Architecture;
import ecgbeats.train.BestRunEvaluation;
import ecgbeats.tune.Sampler;
import ecgbeats.tune.Samplers;
import ecgbeats.tune.Scheduler;
import ecgbeats.tune.Schedulers;
import ecgbeats.tune.SearchSpace;
import ecgbeats.tune.SearchSpaces;
import ecgbeats.tune.StatusTable;
import ecgbeats.tune.Study;
import ecgbeats.tune.Trial;
import ecgbeats.tune.TrialFiles;
import ecgbeats.tune.TrialState;
import ecgbeats.study.StudyPlan;
import ecgbeats.study.StudyRun;
import ecgbeats.study.TrialLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tune}: a hyperparameter study, trials in worker processes, selection on validation. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Tune a model's hyperparameters on the validation split. The study's coordinator hands trials "
                + "to worker processes (local ones, and any that join from other machines); only the best trial is "
                + "evaluated on test, once, into OUT/best.")
final class TuneCommand implements Callable<Integer> {

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
        ListenAddress address = ListenAddress.parse(listen); // refused before anything is written
        Scheduler sched = Schedulers.create(scheduler, grace, epochs);
        StudyPlan plan = StudyPlan.of(data, arch, sp, space, search.equals("tpe") ? "tpe/" + tpe.id() : search,
                scheduler + "/" + grace, trials, epochs, fraction, objective, seed, timeBudget, out);
        String objectiveName = plan.job().objective();
        BeatDataset dataset = DatasetFile.read(data);
        TrialFiles trialFiles = new TrialFiles(out.resolve("trials"), TrialLauncher.RESULT_FILES);
        List<Trial> result;
        try (Study study = resume ? Study.resume(out, plan.settings(), sp, sampler, sched)
                : Study.create(out, plan.settings(), sp, sampler, sched)) {
            List<String> names = List.copyOf(sp.domains().keySet());
            long started = System.nanoTime();
            Runnable print = () -> System.out.print(StatusTable.render(study.trials(), names, objectiveName,
                    Duration.ofNanos(System.nanoTime() - started), 20));
            if (study.isComplete()) {
                System.out.printf("study %s: all %d trials have finished; nothing to run%n", out, trials);
                result = study.trials();
            } else {
                StudyRun run = new StudyRun(plan, new StudyProcesses(), address.host(),
                        address.port(), listen == null, workers, workerThreads, statusEvery, out);
                result = run.run(study, trialFiles, at -> {
                    System.out.printf("study %s: %s, %s search, %s scheduler, %d trials, %d local worker(s)%n", out,
                            model, search, scheduler, trials, workers);
                    System.out.printf("coordinator at %s; add a machine with:%n  ./ecgbeats worker --join %s --study %s%n",
                            at, at, plan.cluster());
                }, print, System.err);
            }
            print.run();
            printStatus(result);
            Optional<Trial> best = study.best();
            if (best.isEmpty()) {
                System.err.println("ecgbeats: no trial completed: nothing to evaluate on test");
                return 1;
            }
            evaluateBest(best.get(), dataset, trialFiles, objectiveName);
        }
        return 0;
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

    /** The best trial's one test evaluation, or the earlier one when a finished study is resumed. */
    private void evaluateBest(Trial best, BeatDataset dataset, TrialFiles trialFiles, String objective)
            throws Exception {
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
