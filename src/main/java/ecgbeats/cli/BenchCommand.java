package ecgbeats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.model.Architecture;
import ecgbeats.model.ModelSpec;
import ecgbeats.train.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench}: training and inference throughput of the study's two best configurations. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput of cnn2d (batch 16) and cnngru1d (batch 32) at the study's best configurations, "
                + "measured as the repository's bench/pytorch_reference.py measures PyTorch.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--model", paramLabel = "NAME", description = "cnn2d or cnngru1d (default: both).")
    List<String> models = List.of("cnn2d", "cnngru1d");

    @Option(names = "--steps", defaultValue = "30", description = "Timed training steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--infer-batch", defaultValue = "256", description = "Inference batch. Default: ${DEFAULT-VALUE}.")
    int inferBatch;

    @Option(names = "--batch", paramLabel = "N", description = "Training batch (default: the study's, 16 for cnn2d "
            + "and 32 for cnngru1d).")
    Integer trainBatch;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        ObjectMapper mapper = ecgbeats.util.Json.MAPPER;
        for (String name : models) {
            Architecture a = Architecture.parse(name);
            if (a != Architecture.CNN2D && a != Architecture.CNNGRU1D) {
                throw new ecgbeats.util.BadInputException("--model " + name + ": bench runs cnn2d or cnngru1d");
            }
            int batch = trainBatch != null ? trainBatch : a == Architecture.CNN2D ? 16 : 32;
            if (batch < 1 || inferBatch < 1 || steps < 1) {
                throw new ecgbeats.util.BadInputException("--batch, --infer-batch and --steps must be at least 1");
            }
            for (Benchmark.Result r : Benchmark.measure(ModelSpec.studyBest(a), batch, steps, inferBatch, 0)) {
                if (json) {
                    ObjectNode o = mapper.createObjectNode();
                    o.put("impl", "ecgbeats").put("version", r.engine()).put("model", r.model())
                            .put("params", r.params()).put("threads", r.threads()).put("phase", r.phase())
                            .put("batch", r.batch()).put("beats_per_s", Math.round(r.beatsPerSecond() * 10) / 10.0);
                    System.out.println(o);
                } else {
                    System.out.printf("%-9s %-6s batch %4d  %9.1f beats/s  (%,d parameters)%n", r.model(), r.phase(),
                            r.batch(), r.beatsPerSecond(), r.params());
                }
            }
        }
        return 0;
    }
}
