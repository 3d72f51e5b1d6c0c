package ecgbeats.train;
import ecgbeats.data.*;
import ecgbeats.data.beat.*;
import ecgbeats.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.Map;
class ScratchRrTest {
    @TempDir Path dir;
    @Test
    void go() throws Exception {
        BeatDataset d = DatasetBuilder.build(new BuildRequest(ecgbeats.TestData.fullDatabase(), Protocol.INTER,
                java.util.List.of(118, 209, 220, 223, 222, 232), 1, 0, 0.1, ExtractionSettings.KACHUEE, null));
        Path a = dir.resolve("a.ecgb"); DatasetFile.write(d, a);
        for (String cfg : System.getProperty("x.cfgs").split(";")) {
            Map<String, String> m = new java.util.LinkedHashMap<>(Map.of("batch", "32", "epochs", "3", "class_weights", "true"));
            for (String kv : cfg.split(",")) m.put(kv.split("=")[0], kv.split("=")[1]);
            RunConfig rc = RunConfig.defaults(Architecture.CNN2D).with(m);
            long t0 = System.nanoTime();
            TrainJob.Outcome o = new TrainJob(a, rc, dir.resolve("r" + System.nanoTime()), true).run(EpochListener.none(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            System.out.printf("RESULT %s S Se %.3f +P %.3f | V Se %.3f +P %.3f | acc %.3f best %d %.0fs%n", cfg, o.test().perClass().get("S").recall(), o.test().perClass().get("S").precision(), o.test().perClass().get("V").recall(), o.test().perClass().get("V").precision(), o.test().accuracy(), o.training().bestEpoch(), (System.nanoTime()-t0)/1e9);
        }
    }
}
