package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    @Option(names = "--model", paramLabel = "NAME",
            description = "cnn2d, cnngru1d, transformer2d, transformer1d, cnn1d or gru (default with --config "
                    + "RUN/config.json: the run's).")
    String model;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A hyperparameter or training setting, e.g. "
            + "--set hidden=128 --set lr=5e-4 (all of them and their defaults below). Precedence: --config, then "
            + "--set, then --balance, --class-weights, --epochs, --fraction and --seed; a later one wins.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON hyperparameters ({\"hidden\": 128, ...}) or a run's config.json.")
    Path config;

    @Option(names = "--balance", paramLabel = "none|oversample|smote|undersample", description = "Sampling of the train split.")
    String balance;

    @Option(names = "--class-weights", description = "Weight the loss by balanced class weights.")
    boolean classWeights;

    @Option(names = "--epochs", paramLabel = "N", description = "Epoch limit (default 30).")
    Integer epochs;

    // the name tune uses for the same setting
    @Option(names = "--fraction", paramLabel = "F", description = "Stratified share of the train split (default 1).")
    Double fraction;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default 42).")
    Long seed;

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
        String name = model != null ? model : config != null ? modelNamedIn(config) : null;
        if (data == null || name == null || out == null) {
            throw new BadInputException("train needs --data, --model (or a run's config.json as --config) and --out, "
                    + "or --resume DIR");
        }
        return new TrainJob(data, RunConfig.defaults(Architecture.parse(name)).with(settings()), out, !skipTest);
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

    /** The model a run's config.json names, or null for a file of hyperparameters alone. */
    private static String modelNamedIn(Path file) {
        try {
            JsonNode root = ecgbeats.util.Json.MAPPER.readTree(Files.readString(file));
            return root != null && root.hasNonNull("model") ? root.get("model").asText() : null;
        } catch (IOException e) {
            return null; // readConfig names the file and what is wrong with it
        }
    }

    /** The run in --resume; the options given beside it must describe that run, not another. */
    private TrainJob resumed() throws IOException {
        if (out != null && !out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
            throw new BadInputException("--out " + out + ": a resumed run stays in its folder (" + resume + ")");
        }
        TrainJob job = TrainJob.resume(resume);
        RunConfig asked = job.config();
        if (model != null && Architecture.parse(model) != asked.model().architecture()) {
            throw new BadInputException("--model " + model + ": the run in " + resume + " trains "
                    + asked.model().architecture().id());
        }
        List<String> changed = asked.differences(asked.with(settings()));
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

    /** The values of --config, --set and the single-setting options, in that order of precedence (later wins). */
    private Map<String, String> settings() {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null) {
            values.putAll(readConfig(config));
        }
        for (String s : sets) {
            Map.Entry<String, String> e = RunConfig.parseAssignment(s);
            values.put(e.getKey(), e.getValue());
        }
        if (balance != null) {
            values.put("balance", balance);
        }
        if (classWeights) {
            values.put("class_weights", "true");
        }
        if (epochs != null) {
            values.put("epochs", epochs.toString());
        }
        if (fraction != null) {
            values.put("fraction", fraction.toString());
        }
        if (seed != null) {
            values.put("seed", seed.toString());
        }
        return values;
    }

    /** Hyperparameters from a JSON object, or from a run's config.json. */
    static Map<String, String> readConfig(Path file) {
        JsonNode root;
        try {
            root = ecgbeats.util.Json.MAPPER.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw BadInputException.inFile(file, "not found");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw BadInputException.inFile(file, "expected a JSON object of hyperparameters");
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (root.has("hyperparameters") && root.has("training")) { // a run's config.json
            copy(root.get("hyperparameters"), m);
            copy(root.get("training"), m);
        } else {
            copy(root, m);
        }
        return m;
    }

    private static void copy(JsonNode node, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            into.put(e.getKey(), e.getValue().asText());
        }
    }
}
