package ecgbeats.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.Split;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.RrFeatures;

import java.util.Map;

/** Per-split, per-class beat counts of a dataset, as a text table or as docs/reference.md §6's JSON. */
public final class DatasetSummary {

    private DatasetSummary() {
    }

    public static String json(BeatDataset d) {
        ObjectMapper m = ecgbeats.util.Json.MAPPER;
        ObjectNode root = m.createObjectNode();
        root.put("protocol", d.provenance().protocol().id());
        ObjectNode splits = root.putObject("splits");
        for (Map.Entry<Split, int[]> e : d.classCounts().entrySet()) {
            ObjectNode s = splits.putObject(e.getKey().id());
            for (AamiClass c : AamiClass.values()) {
                s.put(c.name(), e.getValue()[c.label()]);
            }
        }
        if (d.provenance().balancing() != null) {
            root.put("balancing", d.provenance().balancing().method().id());
        }
        root.put("rr_features", d.hasRr());
        root.put("rr_feature_count", d.rrWidth());
        return root.toString();
    }

    public static String table(BeatDataset d) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("protocol %s, seed %d%s%n", d.provenance().protocol().id(), d.provenance().seed(),
                d.provenance().balancing() == null ? ""
                        : ", train balanced by " + d.provenance().balancing().method().id()
                        + " (seed " + d.provenance().balancing().seed() + ")"));
        sb.append(String.format("%-6s", "split"));
        for (AamiClass c : AamiClass.values()) {
            sb.append(String.format("%9s", c.name()));
        }
        sb.append(String.format("%10s%n", "total"));
        int[] total = new int[AamiClass.COUNT];
        for (Map.Entry<Split, int[]> e : d.classCounts().entrySet()) {
            sb.append(String.format("%-6s", e.getKey().id()));
            int sum = 0;
            for (int i = 0; i < AamiClass.COUNT; i++) {
                sb.append(String.format("%9d", e.getValue()[i]));
                sum += e.getValue()[i];
                total[i] += e.getValue()[i];
            }
            sb.append(String.format("%10d%n", sum));
        }
        sb.append(String.format("%-6s", "all"));
        int all = 0;
        for (int t : total) {
            sb.append(String.format("%9d", t));
            all += t;
        }
        sb.append(String.format("%10d%n", all));
        if (d.provenance().validRecords() != null) {
            sb.append("validation: records " + d.provenance().validRecords().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ", held out whole (patients training does not see)\n");
        } else if (d.provenance().validFraction() > 0) {
            sb.append(String.format("validation: %.0f %% of the training beats, drawn at random (the same patients as training)%n",
                    100 * d.provenance().validFraction()));
        }
        if (d.rrWidth() == RrFeatures.COUNT) {
            sb.append("RR features: yes (" + String.join(", ", RrFeatures.NAMES) + ")\n");
        } else if (d.hasRr()) {
            sb.append("RR features: the first " + d.rrWidth() + " (" + String.join(", ",
                    java.util.Arrays.copyOf(RrFeatures.NAMES, d.rrWidth())) + "; a dataset file of format 2: "
                    + "rebuild it with data build for features=rr_local)\n");
        } else {
            sb.append("RR features: none (a Kaggle CSV import, or a dataset file of format 1: rebuild it with data build)\n");
        }
        return sb.toString();
    }
}
