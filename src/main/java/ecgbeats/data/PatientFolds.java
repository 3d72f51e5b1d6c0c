package ecgbeats.data;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.util.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The records of a dataset's train and validation splits dealt into k folds of whole patients,
 * for cross-validation: each fold in turn is held out as validation while the others train, so
 * that every training patient is judged once by a model that never saw them. Three held-out
 * patients cannot tell two configurations apart (docs/results.md); all of DS1, a fold at a time,
 * can. The test split is never read.
 *
 * <p>The deal is deterministic and balances the rare classes: records go in order of their
 * weight (their shares of the pool's S, V and F beats and of all its beats, summed; heaviest
 * first, then by number), each to the fold where the sum of squares of those four shares, after
 * adding it, is smallest (ties: the fold with fewer records, then the lower index), among the
 * folds that hold fewer than ⌈records / k⌉ records. The cap keeps folds alike in size when one
 * patient holds nearly all of a class (DS1's F beats are 90 % record 208's, which the shares
 * alone would leave in a fold by itself). A fold's records are listed in ascending order.
 *
 * <p>Records that must be <em>apart</em> (patients who share something the classes do not show,
 * such as DS1's two with atrial fibrillation, 201 and 203) are dealt first, in the same order,
 * each to a different fold, so that every fold's model trains on some of them; the others
 * follow as above.
 *
 * @param folds the records of each fold
 */
public record PatientFolds(List<List<Integer>> folds) {

    /** The rare classes each fold should hold some of, and then all beats. */
    private static final int[] BALANCED = {AamiClass.S.label(), AamiClass.V.label(), AamiClass.F.label()};

    public PatientFolds {
        folds = folds.stream().map(List::copyOf).toList();
    }

    /**
     * The {@code k} folds of {@code data}'s train and validation records. Refused: fewer than
     * two folds, more folds than records, a balanced dataset (copied or synthetic beats would
     * leak between folds) and beats that name no record (a Kaggle CSV import).
     */
    public static PatientFolds of(BeatDataset data, int k) {
        return of(data, k, Set.of());
    }

    /**
     * The {@code k} folds of {@code data}'s train and validation records with the records of
     * {@code apart} in different folds. Refused, besides as {@link #of(BeatDataset, int)}: more
     * records apart than folds, and a record apart that is not in the train or validation split.
     */
    public static PatientFolds of(BeatDataset data, int k, Set<Integer> apart) {
        if (k < 2) {
            throw BadInputException.about(BadInputException.Subject.FOLDS, k, "cross-validation needs at least 2 folds");
        }
        if (data.provenance().balancing() != null) {
            throw new BadInputException("the dataset's train split is balanced ("
                    + data.provenance().balancing().method().id() + "); folds of patients need the real beats: use the "
                    + "unbalanced dataset and balance each fold's training instead (balance=...)");
        }
        Map<Integer, int[]> counts = countsByRecord(data.train(), data.valid());
        if (k > counts.size()) {
            throw BadInputException.about(BadInputException.Subject.FOLDS, k, "the dataset's train and validation "
                    + "splits hold " + counts.size() + " records, fewer than the folds");
        }
        if (apart.size() > k) {
            throw BadInputException.about(BadInputException.Subject.RECORDS_APART, joined(apart),
                    apart.size() + " records cannot be in different folds of " + k);
        }
        Set<Integer> unknown = new TreeSet<>(apart);
        unknown.removeAll(counts.keySet());
        if (!unknown.isEmpty()) {
            throw BadInputException.about(BadInputException.Subject.RECORDS_APART, joined(unknown),
                    "not in the dataset's train or validation split (its records there: " + counts.keySet() + ")");
        }
        double[] totals = new double[BALANCED.length + 1];
        counts.values().forEach(c -> {
            double[] w = weights(c, null);
            for (int j = 0; j < w.length; j++) {
                totals[j] += w[j];
            }
        });
        List<Integer> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing((Integer r) -> !apart.contains(r))
                .thenComparingDouble((Integer r) -> -sum(weights(counts.get(r), totals)))
                .thenComparing(Comparator.naturalOrder()));
        double[][] load = new double[k][totals.length];
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int cap = (counts.size() + k - 1) / k;
        for (int r : order) {
            double[] w = weights(counts.get(r), totals);
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                if (folds.get(f).size() >= cap || apart.contains(r) && !folds.get(f).isEmpty()) {
                    continue;
                }
                double cost = 0;
                for (int j = 0; j < w.length; j++) {
                    cost += (load[f][j] + w[j]) * (load[f][j] + w[j]);
                }
                if (cost < bestCost - 1e-12
                        || Math.abs(cost - bestCost) <= 1e-12 && folds.get(f).size() < folds.get(best).size()) {
                    best = f;
                    bestCost = cost;
                }
            }
            for (int j = 0; j < w.length; j++) {
                load[best][j] += w[j];
            }
            folds.get(best).add(r);
        }
        folds.forEach(f -> f.sort(Comparator.naturalOrder()));
        return new PatientFolds(folds);
    }

    public int size() {
        return folds.size();
    }

    /** The records of fold {@code index} (0-based). */
    public List<Integer> fold(int index) {
        return folds.get(index);
    }

    /**
     * {@code data} with fold {@code index} as its validation split and the other folds' beats
     * as its train split (each in the order they had); the test split is unchanged.
     */
    public BeatDataset holdOut(BeatDataset data, int index) {
        List<Integer> held = fold(index);
        BeatTable pool = data.train().concat(data.valid());
        short[] records = pool.records();
        int[] keep = new int[pool.size()];
        int[] out = new int[pool.size()];
        int nk = 0;
        int no = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (held.contains((int) records[i])) {
                out[no++] = i;
            } else {
                keep[nk++] = i;
            }
        }
        Provenance p = data.provenance();
        Provenance folded = new Provenance(p.protocol(), p.seed(), p.testFraction(), 0, p.source(), p.sourceFiles(),
                p.records(), p.leads(), p.extraction(), p.balancing(), p.software(), held);
        return new BeatDataset(folded, pool.select(Arrays.copyOf(keep, nk)), pool.select(Arrays.copyOf(out, no)),
                data.test());
    }

    /** Beats per class of each record of the tables; every beat must name a real record. */
    private static Map<Integer, int[]> countsByRecord(BeatTable... tables) {
        Map<Integer, int[]> counts = new TreeMap<>();
        for (BeatTable t : tables) {
            for (int i = 0; i < t.size(); i++) {
                int r = t.records()[i];
                if (r == BeatTable.SYNTHETIC || r == BeatTable.UNKNOWN_RECORD) {
                    throw new BadInputException("the dataset's beats do not name their records (a Kaggle CSV import); "
                            + "folds of patients need a dataset built from records with data build");
                }
                counts.computeIfAbsent(r, x -> new int[AamiClass.COUNT])[t.label(i)]++;
            }
        }
        return counts;
    }

    /** A record's S, V, F and all beats, as shares of {@code totals} (raw counts when null). */
    private static double[] weights(int[] classCounts, double[] totals) {
        double[] w = new double[BALANCED.length + 1];
        for (int j = 0; j < BALANCED.length; j++) {
            w[j] = classCounts[BALANCED[j]];
        }
        w[BALANCED.length] = Arrays.stream(classCounts).sum();
        if (totals != null) {
            for (int j = 0; j < w.length; j++) {
                w[j] = totals[j] == 0 ? 0 : w[j] / totals[j];
            }
        }
        return w;
    }

    private static String joined(Set<Integer> records) {
        return String.join(",", new TreeSet<>(records).stream().map(String::valueOf).toList());
    }

    private static double sum(double[] w) {
        return Arrays.stream(w).sum();
    }
}
