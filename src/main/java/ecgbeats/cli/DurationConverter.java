package ecgbeats.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** A wall-time option: {@code 45s}, {@code 90m}, {@code 2h}, or ISO-8601 ({@code PT1H30M}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String s) {
        try {
            String t = s.trim().toLowerCase(Locale.ROOT);
            Duration d;
            if (t.matches("\\d+[smh]")) {
                long v = Long.parseLong(t.substring(0, t.length() - 1));
                d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(v);
                    case 'm' -> Duration.ofMinutes(v);
                    default -> Duration.ofHours(v);
                };
            } else {
                d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("expected a duration such as 45s, 90m or 2h, not '" + s + "'");
        }
    }
}
