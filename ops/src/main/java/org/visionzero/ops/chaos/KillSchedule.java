package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * When to kill next and whom. Waits are drawn uniformly in a {@link KillInterval}; victims come from a shuffled
 * deck of every process, so each is killed once before any is killed twice (a short run still kills brokers and
 * every component), and the deck is shuffled again when it runs out. Both come from one seeded generator, so a
 * seed replays the same choices. A broker is a candidate only while the cluster is whole ({@code brokersWhole}):
 * never two brokers down at once; while it is not, a broker's turn waits and a component is killed instead.
 */
public final class KillSchedule {

  private final KillInterval interval;
  private final Random random;
  private final List<ChaosTarget> deck = new ArrayList<>();

  public KillSchedule(KillInterval interval, long seed) {
    this.interval = interval;
    this.random = new Random(seed);
  }

  /** The wait before the next kill, in [least, most]. */
  public Duration nextWait() {
    long least = interval.least().toMillis();
    long spread = interval.most().toMillis() - least;
    return Duration.ofMillis(least + (spread == 0 ? 0 : (long) (random.nextDouble() * (spread + 1))));
  }

  /**
   * The next victim among {@code targets} (the processes that are up), leaving out the brokers unless the cluster
   * is whole; empty when no target is left.
   */
  public Optional<ChaosTarget> nextVictim(List<ChaosTarget> targets, boolean brokersWhole) {
    deck.retainAll(targets);
    if (deck.isEmpty()) {
      deck.addAll(targets);
      Collections.shuffle(deck, random);
    }
    for (int i = 0; i < deck.size(); i++) {
      if (brokersWhole || !deck.get(i).isBroker()) {
        return Optional.of(deck.remove(i));
      }
    }
    // only brokers are left in this round and one is down: a component out of turn
    List<ChaosTarget> components = targets.stream().filter(target -> !target.isBroker()).toList();
    return components.isEmpty() ? Optional.empty()
        : Optional.of(components.get(random.nextInt(components.size())));
  }
}
