package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * When to kill next and whom: waits drawn uniformly in a {@link KillInterval}, victims drawn uniformly among the
 * processes, both from one seeded generator so that a seed replays the same sequence of choices. A broker is a
 * candidate only while the cluster is whole ({@code brokersWhole}): never two brokers down at once.
 */
public final class KillSchedule {

  private final KillInterval interval;
  private final Random random;

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
   * The next victim among {@code targets}, leaving out the brokers unless every broker is up and back in sync;
   * empty when no target is left.
   */
  public Optional<ChaosTarget> nextVictim(List<ChaosTarget> targets, boolean brokersWhole) {
    List<ChaosTarget> candidates = targets.stream().filter(target -> brokersWhole || !target.isBroker()).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(candidates.get(random.nextInt(candidates.size())));
  }
}
