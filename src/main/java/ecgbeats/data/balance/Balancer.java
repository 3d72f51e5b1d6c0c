package ecgbeats.data.balance;

import ecgbeats.data.beat.BeatTable;

import java.util.SplittableRandom;

/**
 * Rebalances a training split's classes. Implementations keep every original beat unless they
 * undersample, draw only from {@code random} (so the same seed gives the same table), and
 * never see validation or test beats.
 */
public interface Balancer {

    BeatTable balance(BeatTable train, SplittableRandom random);
}
