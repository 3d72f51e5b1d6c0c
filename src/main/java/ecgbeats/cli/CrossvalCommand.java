package ecgbeats.cli;

import ecgbeats.train.CrossValidation;
import ecgbeats.train.ProgressPrinter;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code crossval}: one configuration judged on every training patient, a fold of patients at a time. */
@Command(name = "crossval", mixinStandardHelpOptions = true,
        description = "Cross-validate a configuration over whole patients: the records of the dataset's train and "
                + "validation splits are dealt into --folds folds (balancing S, V and F beats, the records of "
                + "--apart in different folds); each fold is held out in turn as the validation split of a run "
                + "trained on the others; the held-out predictions of all folds are pooled into one set of metrics "
                + "(crossval.json). The test split is never read. A paused (--time-budget) or killed "
                + "cross-validation goes on with --resume and the same options. With --fold N, one process per fold "
                + "can train folds side by side; the same command with --resume and without --fold then pools them.")
final class CrossvalCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A dataset file (data build).")
    Path data;

    @Option(names = "--folds", defaultValue = "4", paramLabel = "K", description = "Folds of patients. "
            + "Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--apart", split = ",", paramLabel = "RECORDS", description = "Records the deal puts in "
            + "different folds (dealt first), e.g. 201,203, DS1's patients with atrial fibrillation, so that every "
            + "fold's model trains on one of them.")
    Set<Integer> apart;

    @Mixin
    RunOptions run;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Pause after the last epoch that fits in this wall time (e.g. 90m, 2h), ready for --resume.")
    Duration timeBudget;

    @Option(names = "--resume", description = "Go on in --out, a paused or killed cross-validation of the same "
            + "data, folds and configuration.")
    boolean resume;

    @Option(names = "--fold", paramLabel = "N", description = "Train and evaluate fold N only (1 to K), joining "
            + "--out when it holds the same plan, so that folds run side by side, one process (and core, or "
            + "machine sharing the folder) each; crossval.json is left to the run over all folds, which pools them.")
    Integer fold;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder of the cross-validation: crossval.json, fold-N.ecgb and the run folder fold-N of each fold.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (run.modelName() == null) {
            throw new BadInputException("crossval needs --model (or a run's config.json as --config)");
        }
        CrossValidation cv = new CrossValidation(data, run.runConfig(), folds, apart == null ? Set.of() : apart, out);
        CrossValidation.Outcome o = cv.run(new ProgressPrinter(System.out), System.out, timeBudget, resume, fold);
        if (fold != null) {
            System.out.println(o.folds().isEmpty()
                    ? "fold " + fold + " paused (time budget); go on with the same command"
                    : "fold " + fold + " done; once every fold is, the same command with --resume and without --fold "
                    + "pools them");
            return 0;
        }
        if (o.paused()) {
            System.out.printf("paused with %d of %d folds done (%s); go on with the same command and --resume%n",
                    o.folds().size(), folds, o.elsewhere().isEmpty() ? "time budget"
                            : "folds " + o.elsewhere() + " are being trained by other processes");
            return 0;
        }
        System.out.printf("pooled over %d folds: %s%n", folds, CrossValidation.headline(o.pooled()));
        System.out.print(o.pooled().table());
        System.out.println("cross-validation folder: " + out);
        return 0;
    }
}
