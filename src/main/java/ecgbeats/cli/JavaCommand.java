package ecgbeats.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of another ecgbeats JVM: this process's java and class path, a heap limit, a subcommand. */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> of(String heap, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx" + heap);
        for (String property : List.of("ecgbeats.home", "ecgbeats.debug", "ai.djl.pytorch.num_threads",
                "ai.djl.pytorch.num_interop_threads")) {
            String v = System.getProperty(property);
            if (v != null) {
                cmd.add("-D" + property + "=" + v);
            }
        }
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.add(Path.of(entry).toAbsolutePath().toString());
        }
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
