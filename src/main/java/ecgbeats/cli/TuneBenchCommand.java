package ecgbeats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.tune.SamplerBenchmark;
import ecgbeats.tune.Samplers;
import ecgbeats.tune.TestFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code tune-bench}: sampler quality on standard test functions, without training. */
@Command(name = "tune-bench", mixinStandardHelpOptions = true,
        description = "Run a sampler on a test function (branin, hartmann6, mixed) over several seeds; "
                + "print the best value found per seed (functions are minimised).")
final class TuneBenchCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "branin, hartmann6 or mixed.")
    String function;

    @Option(names = "--search", required = true, paramLabel = "random|tpe", description = "The sampler.")
    String search;

    @Mixin
    TpeOption tpe;

    @Option(names = "--trials", defaultValue = "60", description = "Trials per seed. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--seeds", defaultValue = "10", description = "Seeds 0..K-1. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0", paramLabel = "N",
            description = "Seeds N..N+K-1 (keep choices about the sampler off the published seeds). "
                    + "Default: ${DEFAULT-VALUE}.")
    int firstSeed;

    @Option(names = "--json", description = "One JSON object (docs/reference.md §6).")
    boolean json;

    @Override
    public Integer call() {
        if (trials < 1 || seeds < 1) {
            throw new ecgbeats.util.BadInputException("--trials and --seeds must be at least 1");
        }
        TestFunction f = TestFunction.parse(function);
        String label = tpe.label(search);
        SamplerBenchmark.Result r = SamplerBenchmark.run(f, label, Samplers.create(search, tpe.preset), trials, seeds,
                firstSeed);
        if (json) {
            ObjectMapper m = ecgbeats.util.Json.MAPPER;
            ObjectNode o = m.createObjectNode();
            o.put("function", f.id()).put("search", search).put("trials", trials).put("seeds", seeds)
                    .put("best_mean", r.mean()).put("best_median", r.median());
            if (search.equals("tpe")) {
                o.put("tpe", tpe.id());
            }
            o.set("best_per_seed", m.valueToTree(r.bestPerSeed()));
            System.out.println(o);
        } else {
            System.out.printf("%s, %s, %d trials, %d seeds: best mean %.6f, median %.6f (minimum %.6f)%n", f.id(),
                    label, trials, seeds, r.mean(), r.median(), f.minimum());
            StringBuilder perSeed = new StringBuilder("best per seed (from seed " + firstSeed + "):");
            for (double v : r.bestPerSeed()) {
                perSeed.append(String.format(java.util.Locale.ROOT, " %.6f", v));
            }
            System.out.println(perSeed);
        }
        return 0;
    }
}
