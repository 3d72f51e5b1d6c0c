package ecgbeats.train;

import ecgbeats.data.BeatDataset;
import ecgbeats.model.Architecture;
import ecgbeats.model.ChannelAlignment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No native-memory leak: a process's peak resident memory after 8 epochs stays within 15 %
 * of its peak after 2 epochs. Each count runs in its own JVM, since a process's peak only
 * grows; the Java heap is fixed and touched up front, so what can grow is native memory.
 * The convolutions run padded to 16 channels, the path AVX-512 processors take, whatever this
 * processor is.
 */
@org.junit.jupiter.api.Tag("process")
class NativeMemoryTest {

    /** Trains for args[0] epochs and prints the process's peak resident memory in kB. */
    public static void main(String[] args) throws IOException {
        BeatDataset d = SyntheticBeats.dataset(200, 1);
        RunConfig rc = RunConfig.defaults(Architecture.CNN2D).with(Map.of("hidden", "24", "batch", "16",
                "epochs", args[0], "patience", "100"));
        try (Network net = Network.create(rc.model(), 1)) {
            new Training(rc.training(), EpochListener.none()).run(net, d.train(), d.valid());
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println(line.replaceAll("\\D", ""));
            }
        }
    }

    private static long peakKb(int epochs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-Dai.djl.offline=true",
                "-D" + ChannelAlignment.PROPERTY + "=16", "-cp", System.getProperty("java.class.path"), NativeMemoryTest.class.getName(), Integer.toString(epochs));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> lines = out.lines().filter(l -> l.matches("\\d+")).toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    @Test
    void peakMemoryDoesNotGrowWithEpochs() throws Exception {
        assertTrue(Files.exists(Path.of("/proc/self/status")), "needs Linux /proc");
        long two = peakKb(2);
        long eight = peakKb(8);
        assertTrue(eight <= two * 1.15, "peak RSS " + two + " kB after 2 epochs, " + eight + " kB after 8");
    }
}
