package ecgbeats.report;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.train.ClassMetrics;
import ecgbeats.train.Metrics;
import ecgbeats.train.RecordMetrics;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunRecord;

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

    /** The page for the run in {@code dir}. */
    public static String render(Path dir) {
        Path historyFile = dir.resolve(RunDirectory.HISTORY);
        if (!Files.exists(dir.resolve(RunDirectory.CONFIG)) || !Files.exists(historyFile)) {
            throw new BadInputException(dir + ": not a run folder (no config.json and history.csv)");
        }
        RunDirectory run = new RunDirectory(dir);
        RunRecord config = run.readRecord();
        Map<String, double[]> h = history(historyFile);
        Metrics metrics = run.readMetrics();
        Html page = new Html("ecgbeats run: " + config.model() + " (" + dir.getFileName() + ")");
        page.paragraph(summary(config, metrics, h));
        curves(page, h);
        if (metrics != null) {
            evaluation(page, metrics);
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

    /** The loss, the validation figures and the learning rate per epoch. */
    private static void curves(Html page, Map<String, double[]> h) {
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
    }

    /** The confusion, per-class figures and each record's share of the evaluated split. */
    private static void evaluation(Html page, Metrics metrics) {
        page.heading("Evaluation on " + metrics.split() + " (" + metrics.n() + " beats)");
        double[][] z = new double[5][5];
        int[][] cm = metrics.confusion();
        for (int r = 0; r < 5; r++) {
            double total = java.util.Arrays.stream(cm[r]).sum();
            for (int c = 0; c < 5; c++) {
                z[4 - r][c] = total == 0 ? 0 : cm[r][c] / total; // N on top
            }
        }
        page.image(Charts.png(Charts.heatMap("Confusion, share of each true class", CLASSES,
                List.of("Q", "F", "V", "S", "N"), z)), "confusion matrix normalised per true class");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("class", "precision", "recall", "F1", "support"));
        for (String c : CLASSES) {
            ClassMetrics m = metrics.perClass().get(c);
            rows.add(List.of(c, f(m.precision()), f(m.recall()), f(m.f1()), Integer.toString(m.support())));
        }
        rows.add(List.of("macro", f(metrics.precisionMacro()), f(metrics.recallMacro()), f(metrics.f1Macro()),
                Integer.toString(metrics.n())));
        page.table(rows);
        if (metrics.perRecord() != null) {
            page.heading("By record");
            page.paragraph("Where the errors fall: on the inter-patient protocol each record is a patient "
                    + "training never saw. 'found' counts a class's beats classified as that class; 'false' "
                    + "counts beats of other classes classified as it.");
            page.table(perRecordRows(metrics.perRecord()));
        }
    }

    private static String summary(RunRecord config, Metrics metrics, Map<String, double[]> h) {
        StringBuilder s = new StringBuilder();
        s.append(config.model()).append(", ").append(String.format(Locale.ROOT, "%,d", config.parameters()))
                .append(" parameters; ").append(h.get("epoch").length).append(" epochs, best epoch ")
                .append(config.bestEpoch() == null ? "?" : config.bestEpoch()).append(" (stop: ")
                .append(config.stop() == null ? "?" : config.stop()).append("); data ")
                .append(config.data() == null ? "?" : config.data().file()).append(", protocol ")
                .append(config.data() == null ? "?" : config.data().protocol()).append(", seed ")
                .append(config.seed()).append('.');
        if (metrics != null) {
            s.append(String.format(Locale.ROOT, " On %s: accuracy %.4f, macro recall %.4f.", metrics.split(),
                    metrics.accuracy(), metrics.recallMacro()));
        }
        return s.toString();
    }

    private static List<List<String>> perRecordRows(List<RecordMetrics> records) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("record", "beats", "accuracy", "S found", "V found", "F found", "S false", "V false"));
        for (RecordMetrics r : records) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.record()), Integer.toString(r.n()),
                    f(r.accuracy())));
            for (AamiClass c : List.of(AamiClass.S, AamiClass.V, AamiClass.F)) {
                row.add(r.found(c) + " / " + r.support(c));
            }
            row.add(Integer.toString(r.falseAlarms(AamiClass.S)));
            row.add(Integer.toString(r.falseAlarms(AamiClass.V)));
            rows.add(row);
        }
        return rows;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
