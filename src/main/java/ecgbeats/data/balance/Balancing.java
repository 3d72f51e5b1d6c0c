package ecgbeats.data.balance;

/**
 * How a dataset's train split was balanced, kept in its provenance.
 *
 * @param method the sampling method
 * @param seed   the seed it drew from
 * @param before train beats per class before (N, S, V, F, Q)
 * @param after  train beats per class after
 */
public record Balancing(BalanceMethod method, long seed, int[] before, int[] after) {
}
