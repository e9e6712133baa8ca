package org.visionzero.trainer.state;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.TreeMap;
import org.visionzero.game.reward.RaeBaselines;
import org.visionzero.game.spo.PhaseControllerState;

/**
 * Everything besides the weights and optimizer that a resumed trainer needs to continue exactly where the
 * checkpoint was written.
 *
 * @param step           optimizer steps completed (applied or skipped)
 * @param policyVersion  version of the latest published checkpoint (0 = the base model)
 * @param baselines      RAE baselines after the last step
 * @param phase          the Iterative-SPO controller's state
 * @param offsets        per partition of {@code vz.trajectories}, the next offset to read
 * @param counters       running totals
 * @param ledger         which games were trained since the previous checkpoint, and that checkpoint
 */
public record TrainerState(
    long step,
    int policyVersion,
    RaeBaselines baselines,
    PhaseControllerState phase,
    Map<Integer, Long> offsets,
    Counters counters,
    Ledger ledger) {

  public TrainerState {
    Objects.requireNonNull(baselines, "baselines");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(ledger, "ledger");
    offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, was " + step);
    }
    if (policyVersion < 0) {
      throw new IllegalArgumentException("policyVersion must be >= 0, was " + policyVersion);
    }
    offsets.forEach((partition, offset) -> {
      if (partition < 0 || offset < 0) {
        throw new IllegalArgumentException("offsets must be >= 0, partition " + partition + " had " + offset);
      }
    });
  }

  /** The state of a trainer that has not taken a step. */
  public static TrainerState initial(int baseVersion, RaeBaselines baselines, PhaseControllerState phase) {
    return new TrainerState(0, baseVersion, baselines, phase, new TreeMap<>(), Counters.ZERO, Ledger.EMPTY);
  }

  /**
   * Running totals.
   *
   * @param gamesTrained   training games consumed into steps
   * @param stepsSkipped   steps skipped because the loss or gradients were not finite
   * @param samplesDroppedStale samples dropped for staleness
   */
  public record Counters(long gamesTrained, long stepsSkipped, long samplesDroppedStale) {
    public static final Counters ZERO = new Counters(0, 0, 0);

    public Counters {
      if (gamesTrained < 0 || stepsSkipped < 0 || samplesDroppedStale < 0) {
        throw new IllegalArgumentException("counters must be >= 0: " + gamesTrained + ", " + stepsSkipped + ", "
            + samplesDroppedStale);
      }
    }

    public Counters plus(long games, boolean skipped, long droppedStale) {
      return new Counters(gamesTrained + games, stepsSkipped + (skipped ? 1 : 0), samplesDroppedStale + droppedStale);
    }
  }

  /**
   * The audit trail that proves exact resume: the checkpoints form a chain, and each lists the games whose
   * steps it added, so walking the chain lists every game trained into the weights, each once.
   *
   * @param parentSha256 sha256 of the previous checkpoint blob, empty for the first
   * @param gameIds      games trained since the previous checkpoint, in step order
   */
  public record Ledger(String parentSha256, List<String> gameIds) {
    public static final Ledger EMPTY = new Ledger("", List.of());

    public Ledger {
      Objects.requireNonNull(parentSha256, "parentSha256");
      gameIds = List.copyOf(gameIds);
    }

    public Ledger plus(List<String> games) {
      List<String> all = new java.util.ArrayList<>(gameIds);
      all.addAll(games);
      return new Ledger(parentSha256, all);
    }

    /** A fresh ledger after a checkpoint whose blob hashes to {@code sha256}. */
    public static Ledger after(String sha256) {
      return new Ledger(sha256, List.of());
    }
  }
}
