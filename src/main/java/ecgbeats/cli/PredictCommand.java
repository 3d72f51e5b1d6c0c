package ecgbeats.cli;

import ecgbeats.data.AtomicFile;
import ecgbeats.data.KaggleCsv;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.train.Network;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code predict}: classify beats with a trained run. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify beats in the Kaggle CSV layout (187 samples, optionally a label) with a trained run.")
final class PredictCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run folder (train --out).")
    Path run;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Beats, one per row.")
    Path csv;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write index,class,p_N,...,p_Q (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        StringBuilder sb = new StringBuilder("index,class,p_N,p_S,p_V,p_F,p_Q\n");
        BeatTable beats;
        try (Network net = new RunDirectory(run).loadNetwork()) {
            beats = KaggleCsv.readForPrediction(csv);
            float[] logp = net.logProbabilities(beats, 256);
            int[] classes = Training.argmax(logp);
            for (int i = 0; i < beats.size(); i++) {
                int best = classes[i];
                sb.append(i).append(',').append(AamiClass.ofLabel(best).name());
                for (int c = 0; c < AamiClass.COUNT; c++) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.6f", Math.exp(logp[i * AamiClass.COUNT + c])));
                }
                sb.append('\n');
            }
        }
        if (out == null) {
            System.out.print(sb);
        } else {
            AtomicFile.writeString(out, sb.toString());
            System.err.printf("%d beats classified -> %s%n", beats.size(), out);
        }
        return 0;
    }
}
