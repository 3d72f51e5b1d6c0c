package ecgbeats.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A run folder as {@code --run} takes it: a path, or {@code pretrained:NAME} for a model shipped
 * with ecgbeats (the folder NAME under {@code models/} of the installation).
 */
final class RunFolder implements CommandLine.ITypeConverter<Path> {

    static final String PREFIX = "pretrained:";

    @Override
    public Path convert(String value) {
        if (!value.startsWith(PREFIX)) {
            return Path.of(value);
        }
        String name = value.substring(PREFIX.length());
        Path dir = models().resolve(name);
        if (name.isEmpty() || name.contains("/") || !Files.isDirectory(dir)) {
            throw new CommandLine.TypeConversionException(value + ": no such pretrained model (shipped: " + known()
                    + ")");
        }
        return dir;
    }

    /** Where the shipped models are. */
    static Path models() {
        return Home.dir().resolve("models");
    }

    private static String known() {
        try (Stream<Path> s = Files.list(models())) {
            return String.join(", ", s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .toList());
        } catch (IOException e) {
            return "none";
        }
    }
}
