package ecgbeats.cli;

import ecgbeats.util.Version;
import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Version.get()};
    }
}
