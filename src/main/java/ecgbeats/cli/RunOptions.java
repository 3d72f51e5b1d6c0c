package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.model.Architecture;
import ecgbeats.train.RunConfig;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options that describe a model and how to train it, shared by {@code train} and {@code crossval}. */
final class RunOptions {

    @Option(names = "--model", paramLabel = "NAME",
            description = "cnn2d, cnngru1d, transformer2d, transformer1d, cnn1d or gru (default with --config "
                    + "RUN/config.json: the run's).")
    String model;

    @Option(names = "--recipe", paramLabel = "NAME", description = "A named recipe: fast (a strong intra model in "
            + "minutes), inter (the patient-independent model to adapt), study (the study's cnn2d); its model and "
            + "settings, which the options below can change.")
    String recipe;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A hyperparameter or training setting, e.g. "
            + "--set hidden=128 --set lr=5e-4 (all of them and their defaults below). Precedence: --recipe, "
            + "--config, then --set, then --balance, --class-weights, --epochs, --fraction and --seed; a later one "
            + "wins.")
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

    /** The model named by --model, else by the run's config.json given as --config; null when neither names one. */
    String modelName() {
        if (model != null) {
            return model;
        }
        String named = config != null ? modelNamedIn(config) : null;
        return named != null ? named : recipe != null ? ecgbeats.train.Recipe.parse(recipe).model().id() : null;
    }

    /** The configuration these options describe, from the model's defaults; {@link #modelName()} must not be null. */
    RunConfig runConfig() {
        return RunConfig.defaults(Architecture.parse(modelName())).with(settings());
    }

    /** The values of --config, --set and the single-setting options, in that order of precedence (later wins). */
    Map<String, String> settings() {
        Map<String, String> values = new LinkedHashMap<>();
        if (recipe != null) {
            values.putAll(ecgbeats.train.Recipe.parse(recipe).settings());
        }
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

    /** The model a run's config.json names, or null for a file of hyperparameters alone. */
    private static String modelNamedIn(Path file) {
        try {
            JsonNode root = ecgbeats.util.Json.MAPPER.readTree(Files.readString(file));
            return root != null && root.hasNonNull("model") ? root.get("model").asText() : null;
        } catch (IOException e) {
            return null; // readConfig names the file and what is wrong with it
        }
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
