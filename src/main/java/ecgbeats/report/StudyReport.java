package ecgbeats.report;

import ecgbeats.tune.JournalEvent;

import ecgbeats.util.Decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.util.BadInputException;
import ecgbeats.tune.StudyHistory;
import ecgbeats.tune.Trial;
import ecgbeats.tune.TrialState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tuning study as one HTML page, from its journal and results table: each trial's objective
 * over time with the best so far, each hyperparameter against the objective, the results
 * table, and how many trials reached each epoch (ASHA's rungs show as steps).
 */
public final class StudyReport {

    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;
    private static final int TABLE_ROWS = 40;

    private StudyReport() {
    }

    static List<List<String>> csv(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(l -> Arrays.asList(l.split(",", -1))).toList();
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read the results: " + e.getMessage());
        }
    }

    public static String render(Path dir) {
        Path journalFile = dir.resolve("journal.jsonl");
        if (!Files.exists(journalFile)) {
            throw new BadInputException(dir + ": not a study folder (no journal.jsonl)");
        }
        // the study's own replay: epochs an attempt went back behind (a moved or resumed trial) do not count
        StudyHistory history = StudyHistory.read(journalFile);
        String objective = history.objective();
        Map<Integer, Double> best = new TreeMap<>();
        for (Trial t : history.trials()) {
            t.best().ifPresent(b -> best.put(t.number(), b));
        }
        Html page = new Html("ecgbeats study: " + dir.getFileName());
        page.paragraph(String.format(java.util.Locale.ROOT, "%d trials (%d completed, %d pruned, %d failed); "
                        + "objective: validation %s, maximised. %s", history.trials().size(),
                count(history, TrialState.COMPLETE), count(history, TrialState.PRUNED),
                count(history, TrialState.FAILED), objective, history.header().fingerprint()));
        best.entrySet().stream().filter(e -> history.trials().get(e.getKey()).state() == TrialState.COMPLETE)
                .max(Map.Entry.comparingByValue()).ifPresent(b -> page.paragraph(String.format(java.util.Locale.ROOT,
                        "Best complete trial: %d, validation %s %.4f.", b.getKey(), objective, b.getValue())));
        overTime(page, history, best);
        Path resultsFile = dir.resolve("results.csv");
        if (Files.exists(resultsFile)) {
            results(page, csv(resultsFile), objective);
        }
        rungs(page, history);
        return page.render();
    }

    /** Each finished trial's objective at the minute it finished, and the best so far. */
    private static void overTime(Html page, StudyHistory history, Map<Integer, Double> best) {
        page.heading("Objective per trial over time");
        Instant start = history.started();
        Map<Integer, Double> finishedAt = new TreeMap<>();
        for (Trial t : history.trials()) {
            Instant at = history.finished().get(t.number());
            if (at != null) {
                finishedAt.put(t.number(), (at.toEpochMilli() - start.toEpochMilli()) / 60000.0);
            }
        }
        List<Integer> done = finishedAt.keySet().stream().filter(best::containsKey)
                .sorted((a, b) -> Double.compare(finishedAt.get(a), finishedAt.get(b))).toList();
        if (done.isEmpty()) {
            page.paragraph("No trial has finished yet.");
            return;
        }
        double[] t = done.stream().mapToDouble(finishedAt::get).toArray();
        double[] v = done.stream().mapToDouble(best::get).toArray();
        double[] running = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            running[i] = i == 0 ? v[i] : Math.max(running[i - 1], v[i]);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("trial (best epoch)", v);
        series.put("best so far", running);
        var chart = Charts.lines("Objective as trials finished", "minutes since the study began", history.objective(),
                t, series);
        chart.getSeriesMap().get("trial (best epoch)")
                .setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        page.image(Charts.png(chart), "objective per trial over time, with the best so far");
    }

    /** Every hyperparameter against the objective, and the results table (best first). */
    private static void results(Html page, List<List<String>> rows, String objective) {
        List<String> header = rows.get(0);
        int firstParam = header.indexOf("worker") + 1;
        int objectiveColumn = header.indexOf(objective);
        page.heading("Hyperparameters against the objective");
        for (int p = firstParam; p > 0 && p < header.size(); p++) {
            byte[] png = parameterChart(header.get(p), rows.subList(1, rows.size()), p, objectiveColumn, objective);
            if (png != null) {
                page.image(png, header.get(p) + " against " + objective);
            }
        }
        page.heading("Results (best first)");
        List<List<String>> shown = new ArrayList<>();
        for (List<String> row : rows.subList(0, Math.min(rows.size(), TABLE_ROWS + 1))) {
            shown.add(shown.isEmpty() ? row : row.stream().map(StudyReport::forPeople).toList());
        }
        page.table(shown);
        if (rows.size() > TABLE_ROWS + 1) {
            page.paragraph((rows.size() - 1 - TABLE_ROWS) + " more rows in results.csv.");
        }
    }

    /** How many trials reached each epoch, and how many the scheduler stopped there (ASHA's rungs show as steps). */
    private static void rungs(Html page, StudyHistory history) {
        page.heading("Trials reaching each epoch");
        Map<Integer, Integer> reached = new HashMap<>();
        Map<Integer, Integer> stops = new TreeMap<>();
        for (Trial t : history.trials()) {
            reached.put(t.number(), t.epochs());
            for (JournalEvent.Epoch e : history.epochs().get(t.number())) {
                if (e.decision() == Decision.STOP) {
                    stops.merge(e.epoch(), 1, Integer::sum);
                }
            }
        }
        if (reached.isEmpty()) {
            return;
        }
        int max = reached.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double[] epochs = new double[max];
        double[] counts = new double[max];
        for (int e = 1; e <= max; e++) {
            int ep = e;
            epochs[e - 1] = e;
            counts[e - 1] = reached.values().stream().filter(r -> r >= ep).count();
        }
        var chart = Charts.lines("Trials reaching each epoch (scheduler survival)", "epoch", "trials", epochs,
                Map.of("trials", counts));
        chart.getStyler().setLegendVisible(false);
        page.image(Charts.png(chart), "number of trials that reached each epoch");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("epoch", "trials reaching it", "stopped there by the scheduler"));
        for (int e = 1; e <= max; e++) {
            rows.add(List.of(Integer.toString(e), Integer.toString((int) counts[e - 1]),
                    Integer.toString(stops.getOrDefault(e, 0))));
        }
        page.table(rows);
    }

    private static byte[] parameterChart(String name, List<List<String>> rows, int column, int objectiveColumn,
                                         String objective) {
        List<String> values = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (List<String> r : rows) {
            if (objectiveColumn >= 0 && objectiveColumn < r.size() && column < r.size()
                    && !r.get(objectiveColumn).isEmpty()) {
                values.add(r.get(column));
                y.add(Double.parseDouble(r.get(objectiveColumn)));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        boolean numeric = values.stream().allMatch(v -> v.matches("-?[0-9.]+(E-?[0-9]+)?"));
        double[] x = new double[values.size()];
        List<String> categories = null;
        if (numeric) {
            for (int i = 0; i < x.length; i++) {
                x[i] = Double.parseDouble(values.get(i));
            }
        } else {
            categories = values.stream().distinct().sorted().toList();
            for (int i = 0; i < x.length; i++) {
                x[i] = categories.indexOf(values.get(i));
            }
        }
        var chart = Charts.scatter(name, name, objective, x, y.stream().mapToDouble(Double::doubleValue).toArray(),
                categories);
        double min = Arrays.stream(x).min().orElse(0);
        double max = Arrays.stream(x).max().orElse(0);
        if (numeric && min > 0 && max / min > 100) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        return Charts.png(chart);
    }

    /** A number with 4 significant digits (0.3061, 0.000955, 1024); any other cell as it is. */
    static String forPeople(String cell) {
        if (!cell.matches("-?[0-9]*\\.[0-9]+([eE]-?[0-9]+)?|-?[0-9]+[eE]-?[0-9]+")) {
            return cell;
        }
        return new java.math.BigDecimal(cell).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static long count(StudyHistory h, TrialState state) {
        return h.trials().stream().filter(t -> t.state() == state).count();
    }
}
