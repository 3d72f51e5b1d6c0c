package ecgbeats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training run as one HTML page, from its folder's files: learning curves (loss, accuracy
 * and macro recall on validation, learning rate), the confusion matrix normalised per true
 * class and per-class precision, recall and F1 of its evaluation, and its provenance.
 */
public final class RunReport {

    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;
    private static final List<String> CLASSES = List.of("N", "S", "V", "F", "Q");

    private RunReport() {
    }

    /** The columns of history.csv, by name. */
    static Map<String, double[]> history(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read the training history: " + e.getMessage());
        }
        if (lines.size() < 2) {
            throw BadInputException.inFile(file, "no epochs in the training history");
        }
        String[] header = lines.get(0).split(",");
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String h : header) {
            columns.put(h, new double[lines.size() - 1]);
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            if (cells.length != header.length) {
                throw BadInputException.inFile(file, "line " + (i + 1) + " has " + cells.length + " columns, not "
                        + header.length);
            }
            for (int j = 0; j < header.length; j++) {
                try {
                    columns.get(header[j])[i - 1] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw BadInputException.inFile(file, "line " + (i + 1) + ", column " + header[j] + ": not a number");
                }
            }
        }
        return columns;
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw BadInputException.inFile(file, "not readable JSON: " + e.getMessage());
        }
    }

    /** The page for the run in {@code dir}. */
    public static String render(Path dir) {
        Path configFile = dir.resolve("config.json");
        Path historyFile = dir.resolve("history.csv");
        if (!Files.exists(configFile) || !Files.exists(historyFile)) {
            throw new BadInputException(dir + ": not a run folder (no config.json and history.csv)");
        }
        JsonNode config = json(configFile);
        Map<String, double[]> h = history(historyFile);
        Html page = new Html("ecgbeats run: " + config.path("model").asText("?") + " (" + dir.getFileName() + ")");
        Path metricsFile = dir.resolve("metrics.json");
        JsonNode metrics = Files.exists(metricsFile) ? json(metricsFile) : null;
        page.paragraph(summary(config, metrics, h));

        page.heading("Learning curves");
        double[] epochs = h.get("epoch");
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("train loss", h.get("train_loss"));
        loss.put("valid loss", h.get("valid_loss"));
        page.image(Charts.png(Charts.lines("Loss", "epoch", "weighted cross-entropy", epochs, loss)), "loss per epoch");
        Map<String, double[]> quality = new LinkedHashMap<>();
        quality.put("valid accuracy", h.get("valid_accuracy"));
        quality.put("valid macro recall", h.get("valid_recall_macro"));
        page.image(Charts.png(Charts.lines("Validation", "epoch", "accuracy, macro recall", epochs, quality)),
                "validation accuracy and macro recall per epoch");
        var lr = Charts.lines("Learning rate", "epoch", "lr", epochs, Map.of("lr", h.get("lr")));
        lr.getStyler().setYAxisLogarithmic(true).setLegendVisible(false);
        page.image(Charts.png(lr), "learning rate per epoch");

        if (metrics != null) {
            String split = metrics.path("split").asText("?");
            page.heading("Evaluation on " + split + " (" + metrics.path("n").asInt() + " beats)");
            double[][] z = new double[5][5];
            JsonNode cm = metrics.get("confusion");
            for (int r = 0; r < 5; r++) {
                double total = 0;
                for (int c = 0; c < 5; c++) {
                    total += cm.get(r).get(c).asDouble();
                }
                for (int c = 0; c < 5; c++) {
                    z[4 - r][c] = total == 0 ? 0 : cm.get(r).get(c).asDouble() / total; // N on top
                }
            }
            page.image(Charts.png(Charts.heatMap("Confusion, share of each true class", CLASSES,
                    List.of("Q", "F", "V", "S", "N"), z)), "confusion matrix normalised per true class");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("class", "precision", "recall", "F1", "support"));
            for (String c : CLASSES) {
                JsonNode m = metrics.path("per_class").path(c);
                rows.add(List.of(c, f(m.path("precision").asDouble()), f(m.path("recall").asDouble()),
                        f(m.path("f1").asDouble()), Integer.toString(m.path("support").asInt())));
            }
            rows.add(List.of("macro", f(metrics.path("precision_macro").asDouble()),
                    f(metrics.path("recall_macro").asDouble()), f(metrics.path("f1_macro").asDouble()),
                    Integer.toString(metrics.path("n").asInt())));
            page.table(rows);
            if (metrics.has("per_record")) {
                page.heading("By record");
                page.paragraph("Where the errors fall: on the inter-patient protocol each record is a patient "
                        + "training never saw. 'found' counts a class's beats classified as that class; 'false' "
                        + "counts beats of other classes classified as it.");
                page.table(perRecordRows(metrics.get("per_record")));
            }
        } else {
            page.paragraph("No metrics.json: this run was not evaluated (a tuning trial is never evaluated on test).");
        }

        page.heading("Provenance");
        try {
            page.pre(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return page.render();
    }

    private static String summary(JsonNode config, JsonNode metrics, Map<String, double[]> h) {
        StringBuilder s = new StringBuilder();
        s.append(config.path("model").asText()).append(", ").append(String.format(Locale.ROOT, "%,d",
                config.path("parameters").asLong())).append(" parameters; ").append(h.get("epoch").length)
                .append(" epochs, best epoch ").append(config.path("best_epoch").asText("?")).append(" (stop: ")
                .append(config.path("stop").asText("?")).append("); data ")
                .append(config.path("data").path("file").asText("?")).append(", protocol ")
                .append(config.path("data").path("protocol").asText("?")).append(", seed ")
                .append(config.path("seed").asText()).append('.');
        if (metrics != null) {
            s.append(String.format(Locale.ROOT, " On %s: accuracy %.4f, macro recall %.4f.",
                    metrics.path("split").asText(), metrics.path("accuracy").asDouble(),
                    metrics.path("recall_macro").asDouble()));
        }
        return s.toString();
    }

    private static List<List<String>> perRecordRows(JsonNode records) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("record", "beats", "accuracy", "S found", "V found", "F found", "S false", "V false"));
        for (JsonNode r : records) {
            JsonNode cm = r.get("confusion");
            List<String> row = new ArrayList<>(List.of(r.path("record").asText(), r.path("n").asText(),
                    f(r.path("accuracy").asDouble())));
            for (int c = 1; c <= 3; c++) {
                int support = 0;
                for (JsonNode v : cm.get(c)) {
                    support += v.asInt();
                }
                row.add(cm.get(c).get(c).asInt() + " / " + support);
            }
            for (int c = 1; c <= 2; c++) {
                int called = 0;
                for (int t = 0; t < 5; t++) {
                    called += t == c ? 0 : cm.get(t).get(c).asInt();
                }
                row.add(Integer.toString(called));
            }
            rows.add(row);
        }
        return rows;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
