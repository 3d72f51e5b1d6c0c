package ecgbeats.study;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of another ecgbeats JVM: this process's java and class path, a heap limit, the
 * program's main class and its arguments. The main class is the front end's (the command line),
 * named by whoever starts the study machinery, which does not know it.
 */
public record JavaCommand(String mainClass) {

    /** The command that runs {@code args} in a JVM of at most {@code heap} (e.g. "4g"). */
    public List<String> of(String heap, String... args) {
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
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }
}
