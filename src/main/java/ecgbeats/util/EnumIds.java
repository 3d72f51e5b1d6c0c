package ecgbeats.util;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The names the command line, config files and journals use for enum constants: the constant's
 * name in lower case ({@code RR_NORM} is {@code rr_norm}), read in any case. Each enum keeps its
 * own message for a name it does not know.
 */
public final class EnumIds {

    private EnumIds() {
    }

    /** {@code value}'s name in lower case. */
    public static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose id is {@code text} (any case, surrounding blanks ignored). */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
        String t = text.trim();
        return Arrays.stream(type.getEnumConstants()).filter(e -> id(e).equalsIgnoreCase(t)).findFirst();
    }

    /** Every id of {@code type}, in declaration order, separated by ", ". */
    public static String list(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumIds::id).collect(Collectors.joining(", "));
    }
}
