package ecgbeats.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: print stack traces of failures (read by {@link CommandLines}). */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of a failure.")
    boolean debug;
}
