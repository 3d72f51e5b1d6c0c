package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.data.BadInputException;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code train}: one model on one dataset, selected on validation, evaluated once on test. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model; early stopping and learning-rate schedule watch validation only; "
                + "the test split is evaluated once at the end.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A dataset file (data build).")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "cnn2d, cnngru1d, transformer2d, transformer1d, cnn1d or gru.")
    String model;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A hyperparameter, e.g. --set hidden=128 --set lr=5e-4.")
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

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default 42).")
    Long seed;

    @Option(names = "--skip-test", description = "Do not evaluate on test (runs made for model selection).")
    boolean skipTest;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run folder to create.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RunConfig rc = RunConfig.defaults(Architecture.parse(model));
        if (config != null) {
            rc = rc.with(readConfig(config));
        }
        Map<String, String> values = new LinkedHashMap<>();
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
        if (seed != null) {
            values.put("seed", seed.toString());
        }
        rc = rc.with(values);
        TrainJob.Outcome o = new TrainJob(data, rc, out, !skipTest).run(new ProgressPrinter(System.out), System.out);
        System.out.printf("best epoch %d of %d (%s), %.0f s%n", o.training().bestEpoch(), o.training().history().size(),
                o.training().stop().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), o.training().seconds());
        System.out.print(o.training().bestValid().table());
        if (o.test() != null) {
            System.out.print(o.test().table());
        }
        System.out.println("run folder: " + out);
        return 0;
    }

    /** Hyperparameters from a JSON object, or from a run's config.json. */
    static Map<String, String> readConfig(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
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
