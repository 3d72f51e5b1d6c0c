package ecgbeats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.util.BadInputException;
import ecgbeats.data.qrs.PanTompkins;
import ecgbeats.data.qrs.QrsEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code detect-bench}: the QRS detector against reference annotations, record by record. */
@Command(name = "detect-bench", mixinStandardHelpOptions = true,
        description = "Run the QRS detector on WFDB records and compare its beats with their .atr beats (AAMI EC57: "
                + "match window, ventricular flutter episodes left out); print sensitivity and positive "
                + "predictivity per record and overall.")
final class DetectBenchCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--source", required = true, paramLabel = "DIR", description = "The folder of the records.")
    Path source;

    @Option(names = "--records", split = ",", paramLabel = "LIST", description = "Records (default all with an .atr): " + RecordList.GRAMMAR + ".")
    List<String> records = List.of();

    @Option(names = "--window", defaultValue = "0.15", paramLabel = "SECONDS", description = "Default: ${DEFAULT-VALUE}.")
    double window;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(source)) {
            throw new BadInputException("--source " + source + ": not a folder");
        }
        List<String> names = RecordList.expand(records.isEmpty() ? List.of("all") : records,
                () -> ecgbeats.data.wfdb.AnnotatedRecords.in(source));
        if (names.isEmpty()) {
            throw new BadInputException("--source " + source + ": no records with an .atr file");
        }
        PanTompkins detector = new PanTompkins();
        List<QrsEvaluation.RecordResult> results = new ArrayList<>();
        for (String name : names) {
            results.add(QrsEvaluation.evaluate(source.resolve(name), detector, window));
        }
        int tp = results.stream().mapToInt(QrsEvaluation.RecordResult::truePositives).sum();
        int fn = results.stream().mapToInt(QrsEvaluation.RecordResult::falseNegatives).sum();
        int fp = results.stream().mapToInt(QrsEvaluation.RecordResult::falsePositives).sum();
        QrsEvaluation.RecordResult total = new QrsEvaluation.RecordResult("total", tp, fn, fp);
        if (json) {
            ObjectMapper m = ecgbeats.util.Json.MAPPER;
            ObjectNode root = m.createObjectNode().put("window_s", window);
            ArrayNode rows = root.putArray("records");
            for (QrsEvaluation.RecordResult r : results) {
                rows.add(node(m, r));
            }
            root.set("total", node(m, total));
            System.out.println(root);
        } else {
            System.out.println("record      TP     FN     FP      Se      +P");
            for (QrsEvaluation.RecordResult r : results) {
                System.out.print(row(r));
            }
            System.out.print(row(total));
        }
        return 0;
    }

    private static String row(QrsEvaluation.RecordResult r) {
        return String.format(Locale.ROOT, "%-7s %6d %6d %6d  %6.2f%% %6.2f%%%n", r.record(), r.truePositives(),
                r.falseNegatives(), r.falsePositives(), 100 * r.sensitivity(), 100 * r.positivePredictivity());
    }

    private static ObjectNode node(ObjectMapper m, QrsEvaluation.RecordResult r) {
        return m.createObjectNode().put("record", r.record()).put("tp", r.truePositives())
                .put("fn", r.falseNegatives()).put("fp", r.falsePositives()).put("se", r.sensitivity())
                .put("ppv", r.positivePredictivity());
    }
}
