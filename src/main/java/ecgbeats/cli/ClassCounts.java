package ecgbeats.cli;

import ecgbeats.data.beat.AamiClass;

/** Beats per class as people read them: "N 80 S 215", classes without beats left out. */
final class ClassCounts {

    private ClassCounts() {
    }

    static String text(int[] counts) {
        StringBuilder b = new StringBuilder();
        for (AamiClass k : AamiClass.values()) {
            if (counts[k.label()] > 0) {
                b.append(b.length() == 0 ? "" : " ").append(k.name()).append(' ').append(counts[k.label()]);
            }
        }
        return b.toString();
    }
}
