package ecgbeats.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads search spaces from YAML or JSON files, one entry per hyperparameter:
 * {@code choice: [..]}, {@code randint: [lo, hi]} (both inclusive), {@code uniform: [lo, hi]},
 * {@code loguniform: [lo, hi]}, {@code quniform: [lo, hi, q]}; and names the built-in presets.
 */
public final class SearchSpaces {

    /** The study's table for the 1D CNN + GRU (docs/reference.md §5). */
    public static final String SEED_CNNGRU1D = """
            gru_hidden: {choice: [32, 64, 128, 256, 512]}
            batch: {choice: [16, 32, 48, 60]}
            num_layers: {choice: [2, 3, 4]}
            num_blocks: {randint: [1, 5]}
            dropout: {choice: [0.2, 0.3, 0.4]}
            optimizer: {choice: [adam, adamw]}
            balance: {choice: [smote, oversample]}
            factor: {uniform: [0.1, 0.4]}
            """;

    /** The study's table for the 2D CNN (docs/reference.md §5). */
    public static final String SEED_CNN2D = """
            batch: {choice: [16, 32, 48]}
            hidden: {randint: [62, 256]}
            num_layers: {choice: [2, 3, 4]}
            num_blocks: {randint: [1, 7]}
            dropout: {uniform: [0.1, 0.4]}
            factor: {uniform: [0.1, 0.4]}
            """;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SearchSpaces() {
    }

    /** A preset name (seed-cnngru1d, seed-cnn2d) or a file. */
    public static SearchSpace load(String presetOrFile) {
        return switch (presetOrFile) {
            case "seed-cnngru1d" -> parse("preset seed-cnngru1d", SEED_CNNGRU1D);
            case "seed-cnn2d" -> parse("preset seed-cnn2d", SEED_CNN2D);
            default -> {
                Path file = Path.of(presetOrFile);
                try {
                    yield parse(file.toString(), Files.readString(file));
                } catch (NoSuchFileException e) {
                    throw BadInputException.about(BadInputException.Subject.SEARCH_SPACE, presetOrFile,
                            "neither a preset (seed-cnngru1d, seed-cnn2d) nor an existing file");
                } catch (IOException e) {
                    throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
                }
            }
        };
    }

    /** Parses YAML or JSON text (JSON is YAML); {@code source} names it in messages. */
    public static SearchSpace parse(String source, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new BadInputException(source + (at == null ? "" : ", line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": not valid YAML or JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadInputException(source + ": not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new BadInputException(source + ": expected a mapping of hyperparameters to domains");
        }
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int line = lineOf(text, e.getKey());
            domains.put(e.getKey(), domain(source + (line > 0 ? ", line " + line : "") + ": " + e.getKey(),
                    e.getValue()));
        }
        return new SearchSpace(domains);
    }

    private static Domain domain(String where, JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw new BadInputException(where + ": expected one of {choice: [..]}, {randint: [lo, hi]}, "
                    + "{uniform: [lo, hi]}, {loguniform: [lo, hi]}, {quniform: [lo, hi, q]}");
        }
        String kind = node.fieldNames().next();
        JsonNode args = node.get(kind);
        if (!args.isArray()) {
            throw new BadInputException(where + ": " + kind + " takes a list");
        }
        if (kind.equals("choice")) {
            if (args.isEmpty()) {
                throw new BadInputException(where + ": empty choice");
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode v : args) {
                values.add(value(v));
            }
            return new Domain.Choice(values);
        }
        Domain.Numeric.Kind k;
        try {
            k = Domain.Numeric.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": unknown kind '" + kind
                    + "' (expected choice, randint, uniform, loguniform or quniform)");
        }
        int arity = k == Domain.Numeric.Kind.QUNIFORM ? 3 : 2;
        if (args.size() != arity) {
            throw new BadInputException(where + ": " + kind + " takes " + arity + " numbers");
        }
        for (JsonNode a : args) {
            if (!a.isNumber()) {
                throw new BadInputException(where + ": " + kind + " bounds must be numbers, not '" + a.asText() + "'");
            }
        }
        double lo = args.get(0).asDouble();
        double hi = args.get(1).asDouble();
        if (lo > hi) {
            throw new BadInputException(where + ": lo > hi (" + args.get(0) + " > " + args.get(1) + ")");
        }
        if (k == Domain.Numeric.Kind.RANDINT && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
            throw new BadInputException(where + ": randint bounds must be integers");
        }
        if (k == Domain.Numeric.Kind.LOGUNIFORM && lo <= 0) {
            throw new BadInputException(where + ": loguniform needs lo > 0");
        }
        double q = arity == 3 ? args.get(2).asDouble() : 1;
        if (!(q > 0)) {
            throw new BadInputException(where + ": quniform needs q > 0");
        }
        return new Domain.Numeric(k, lo, hi, q);
    }

    /** The line (from 1) where the top-level entry {@code key} starts, or 0 when it is not found so. */
    static int lineOf(String text, String key) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*[\"']?" + java.util.regex.Pattern.quote(key)
                + "[\"']?\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /**
     * A hyperparameter value as spaces and the journal hold it: an int, a double, a boolean or a
     * text. The one decoder of both, so that a value read back from the journal equals the
     * space's (a choice of true and false stays Boolean after a resume).
     */
    public static Object value(JsonNode v) {
        return v.isInt() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble()
                : v.isBoolean() ? (Object) v.asBoolean() : v.asText();
    }
}
