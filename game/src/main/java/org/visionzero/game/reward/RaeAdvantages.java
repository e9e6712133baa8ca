package org.visionzero.game.reward;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredTrajectory;

/**
 * Role-Advantage Estimation applied to one step's batch (VISION-ZERO.md section 2): the mean raw spy reward
 * and the mean raw civilian reward over all games of the batch update the baselines once, then every seat's
 * advantage is its raw reward minus the updated baseline of its role, used for all of its clues.
 *
 * @param baselines    the baselines after this step's update
 * @param meanSpy      mean raw spy clue reward of the batch (empty when the batch had no spy seats)
 * @param meanCivilian mean raw civilian clue reward of the batch
 * @param advantages   per game id, the advantage of each seat (index 0 = seat 1)
 */
public record RaeAdvantages(
    RaeBaselines baselines,
    OptionalDouble meanSpy,
    OptionalDouble meanCivilian,
    Map<String, double[]> advantages) {

  public RaeAdvantages {
    Objects.requireNonNull(baselines, "baselines");
    Objects.requireNonNull(meanSpy, "meanSpy");
    Objects.requireNonNull(meanCivilian, "meanCivilian");
    advantages = Collections.unmodifiableMap(new HashMap<>(advantages));
  }

  /** Updates {@code before} with the batch's raw clue rewards and computes every seat's advantage. */
  public static RaeAdvantages apply(RaeBaselines before, List<ScoredTrajectory> batch) {
    return apply(before, batch, true);
  }

  /**
   * With {@code enabled}, {@link #apply(RaeBaselines, List)}; without (the ablation without RAE), every seat's
   * advantage is its raw clue reward and the baselines stay as they were. The batch means are reported either way.
   */
  public static RaeAdvantages apply(RaeBaselines before, List<ScoredTrajectory> batch, boolean enabled) {
    Objects.requireNonNull(before, "before");
    double spySum = 0;
    int spyCount = 0;
    double civilianSum = 0;
    int civilianCount = 0;
    for (ScoredTrajectory game : batch) {
      List<Double> rewards = requireRewards(game);
      for (int seat = 1; seat <= rewards.size(); seat++) {
        double reward = rewards.get(seat - 1);
        if (seat == game.getSpySeat()) {
          spySum += reward;
          spyCount++;
        } else {
          civilianSum += reward;
          civilianCount++;
        }
      }
    }
    OptionalDouble meanSpy = spyCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(spySum / spyCount);
    OptionalDouble meanCivilian =
        civilianCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(civilianSum / civilianCount);
    RaeBaselines updated = enabled ? before.update(meanSpy, meanCivilian) : before;
    Map<String, double[]> advantages = new HashMap<>();
    for (ScoredTrajectory game : batch) {
      List<Double> rewards = game.getClueRewards();
      double[] perSeat = new double[rewards.size()];
      for (int seat = 1; seat <= rewards.size(); seat++) {
        Role role = seat == game.getSpySeat() ? Role.SPY : Role.CIVILIAN;
        double raw = rewards.get(seat - 1);
        perSeat[seat - 1] = enabled ? updated.advantage(role, raw) : raw;
      }
      advantages.put(game.getGameId(), perSeat);
    }
    return new RaeAdvantages(updated, meanSpy, meanCivilian, advantages);
  }

  /** The advantage of a seat's clues in a game of this batch. */
  public double advantage(String gameId, int seat) {
    double[] perSeat = advantages.get(gameId);
    if (perSeat == null) {
      throw new IllegalArgumentException("game " + gameId + " is not in this step's batch");
    }
    if (seat < 1 || seat > perSeat.length) {
      throw new IllegalArgumentException("game " + gameId + " has seats 1.." + perSeat.length + ", not " + seat);
    }
    return perSeat[seat - 1];
  }

  private static List<Double> requireRewards(ScoredTrajectory game) {
    List<Double> rewards = game.getClueRewards();
    if (rewards.size() != game.getNumPlayers()) {
      throw new IllegalArgumentException("game " + game.getGameId() + " has " + rewards.size()
          + " clue rewards for " + game.getNumPlayers() + " players");
    }
    if (game.getSpySeat() < 1 || game.getSpySeat() > rewards.size()) {
      throw new IllegalArgumentException("game " + game.getGameId() + " has spy seat " + game.getSpySeat()
          + " outside 1.." + rewards.size());
    }
    return rewards;
  }
}
