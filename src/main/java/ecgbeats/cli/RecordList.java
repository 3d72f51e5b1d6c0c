package ecgbeats.cli;

import ecgbeats.data.Protocol;
import ecgbeats.util.BadInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What every {@code --records} option accepts: record names or numbers, {@code DS1} and
 * {@code DS2} (de Chazal's MIT-BIH sets) and {@code all}, separated by commas, in any case.
 * Expansion keeps the order given and drops repeats.
 */
final class RecordList {

    /** The help text of every --records option, after what "all" means there. */
    static final String GRAMMAR = "names or numbers (100,101), DS1, DS2 or all, separated by commas";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private RecordList() {
    }

    /**
     * The record names {@code tokens} stand for; {@code all} supplies every record of the
     * source. An empty list stays empty (the caller's default).
     */
    static List<String> expand(List<String> tokens, Supplier<List<String>> all) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : tokens) {
            String t = raw.trim();
            switch (t.toUpperCase(Locale.ROOT)) {
                case "DS1" -> Protocol.DS1.forEach(n -> out.add(n.toString()));
                case "DS2" -> Protocol.DS2.forEach(n -> out.add(n.toString()));
                case "ALL" -> out.addAll(all.get());
                default -> {
                    if (!NAME.matcher(t).matches()) {
                        throw new BadInputException("--records: '" + t + "' is not a record; expected " + GRAMMAR);
                    }
                    out.add(t);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Record names as numbers, for commands that read MIT-BIH-style numbered records. */
    static List<Integer> numbers(List<String> names) {
        List<Integer> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Integer.parseInt(name));
            } catch (NumberFormatException e) {
                throw new BadInputException("--records: '" + name + "' is not a record number; expected " + GRAMMAR);
            }
        }
        return out;
    }

    /** True when one of the tokens asks for every record (so a command can use its own default). */
    static boolean includesAll(List<String> tokens) {
        return tokens.stream().anyMatch(t -> t.trim().equalsIgnoreCase("all"));
    }

    /**
     * For commands whose empty list means every record: the records the tokens name, or an
     * empty list when {@code all} is among them.
     */
    static List<String> orEmptyForAll(List<String> tokens) {
        return includesAll(tokens) ? List.of() : expand(tokens, List::of);
    }
}
