package ecgbeats.tune;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study's state as a text table, as Ray Tune prints while trials run: a summary line
 * (trials per state, best so far) and one row per trial, running trials first, then the
 * finished ones by objective; at most {@code maxRows} rows.
 */
public final class StatusTable {

    private StatusTable() {
    }

    public static String render(List<Trial> trials, List<String> params, String objective, Duration elapsed,
                                int maxRows) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        long s = elapsed.toSeconds();
        b.append(String.format(Locale.ROOT, "== status %d:%02d:%02d == %d trials:", s / 3600, s / 60 % 60, s % 60,
                trials.size()));
        counts.forEach((state, n) -> b.append(' ').append(n).append(' ').append(state));
        trials.stream().filter(t -> t.state() == TrialState.COMPLETE && t.best().isPresent())
                .max(Comparator.comparingDouble(t -> t.best().getAsDouble()))
                .ifPresent(t -> b.append(String.format(Locale.ROOT, "; best trial %d, %s %.4f", t.number(), objective,
                        t.best().getAsDouble())));
        b.append('\n');
        List<Trial> rows = new ArrayList<>(trials);
        rows.sort(Comparator.comparing((Trial t) -> t.state() != TrialState.RUNNING)
                .thenComparing(Comparator.comparingDouble((Trial t) -> t.best().orElse(Double.NEGATIVE_INFINITY))
                        .reversed())
                .thenComparingInt(Trial::number));
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trial", "state", "worker", "epochs", "last", "best"));
        header.addAll(params);
        cells.add(header.toArray(String[]::new));
        for (Trial t : rows.subList(0, Math.min(maxRows, rows.size()))) {
            List<String> c = new ArrayList<>(List.of(Integer.toString(t.number()), t.state().name(), t.worker(),
                    Integer.toString(t.epochs()),
                    t.values().isEmpty() ? "" : format(t.values().get(t.values().size() - 1)),
                    t.best().isPresent() ? format(t.best().getAsDouble()) : ""));
            for (String p : params) {
                Object v = t.params().get(p);
                c.add(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v));
            }
            cells.add(c.toArray(String[]::new));
        }
        int[] width = new int[header.size()];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", row[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        if (rows.size() > maxRows) {
            b.append("... ").append(rows.size() - maxRows).append(" more in results.csv\n");
        }
        return b.toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
