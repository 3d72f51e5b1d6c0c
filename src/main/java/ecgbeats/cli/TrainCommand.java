package ecgbeats.cli;

import ecgbeats.util.BadInputException;
import ecgbeats.data.DatasetFile;
import ecgbeats.model.Architecture;
import ecgbeats.train.ProgressPrinter;
import ecgbeats.train.RunConfig;
import ecgbeats.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code train}: one model on one dataset, selected on validation, evaluated once on test. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model; early stopping and learning-rate schedule watch validation only; "
                + "the test split is evaluated once at the end. A checkpoint after every epoch lets "
                + "--resume go on after a pause (--time-budget) or a crash.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--data", paramLabel = "FILE", description = "A dataset file (data build).")
    Path data;

    @Mixin
    RunOptions run;

    @Option(names = "--skip-test", description = "Do not evaluate on test (runs made for model selection).")
    boolean skipTest;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Pause after the last epoch that fits in this wall time (e.g. 90m, 2h), ready for --resume.")
    Duration timeBudget;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Go on with the paused or interrupted run in DIR, with its data and hyperparameters.")
    Path resume;

    @Option(names = "--out", paramLabel = "DIR", description = "The run folder to create.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TrainJob job = resume != null ? resumed() : fresh();
        Path dir = resume != null ? resume : out;
        TrainJob.Outcome o = job.run(new ProgressPrinter(System.out), System.out, timeBudget, null, null);
        if (o.paused()) {
            System.out.printf("paused after epoch %d of %d (time budget); go on with: ./ecgbeats train --resume %s%n",
                    o.training().history().size(), job.config().training().epochs(), dir);
            return 0;
        }
        System.out.printf("best epoch %d of %d (%s), %.0f s%n", o.training().bestEpoch(), o.training().history().size(),
                o.training().stop().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), o.training().seconds());
        System.out.print(o.training().bestValid().table());
        if (o.test() != null) {
            System.out.print(o.test().table());
        }
        System.out.println("run folder: " + dir);
        return 0;
    }

    private TrainJob fresh() {
        if (data == null || run.modelName() == null || out == null) {
            throw new BadInputException("train needs --data, --model (or --recipe, or a run's config.json as "
                    + "--config) and --out, or --resume DIR");
        }
        return new TrainJob(data, run.runConfig(), out, !skipTest);
    }

    /** The help's footer: every hyperparameter and setting with its default, from the code that applies them. */
    static String[] footer() {
        java.util.List<String> lines = new ArrayList<>(List.of("", "Model hyperparameters (--set NAME=VALUE), "
                + "with each model's defaults:"));
        for (Architecture a : Architecture.values()) {
            lines.add("  " + a.id() + ": " + join(ecgbeats.model.ModelSpec.defaults(a).asMap()));
        }
        lines.add("  features: none, rr (8 RR-interval features), rr_norm (the 4 divided by the record's mean RR)");
        lines.add("    or rr_local (those 4, and pre-RR, post-RR and irregularity against the 10 intervals around the beat)");
        lines.add("  rhythm_join: dense (default) or trunk, where the RR features meet the beat's shape");
        lines.add("  template: none (default) or median (a second channel: the beat minus its record's median beat)");
        lines.add("Training settings, with their defaults:");
        lines.add("  " + join(ecgbeats.train.TrainSettings.defaults().asMap()));
        return lines.toArray(String[]::new);
    }

    private static String join(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    /** The run in --resume; the options given beside it must describe that run, not another. */
    private TrainJob resumed() throws IOException {
        if (out != null && !out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
            throw new BadInputException("--out " + out + ": a resumed run stays in its folder (" + resume + ")");
        }
        TrainJob job = TrainJob.resume(resume);
        RunConfig asked = job.config();
        if (run.model != null && Architecture.parse(run.model) != asked.model().architecture()) {
            throw new BadInputException("--model " + run.model + ": the run in " + resume + " trains "
                    + asked.model().architecture().id());
        }
        List<String> changed = asked.differences(asked.with(run.settings()));
        if (!changed.isEmpty()) {
            throw new BadInputException("--resume " + resume + ": a resumed run keeps its hyperparameters; these differ: "
                    + String.join(", ", changed));
        }
        if (data != null && !DatasetFile.sha256(data).equals(DatasetFile.sha256(job.dataFile()))) {
            throw new BadInputException("--data " + data + ": the run in " + resume + " was trained on "
                    + job.dataFile() + ", which holds other data");
        }
        return job;
    }
}
