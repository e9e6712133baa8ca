package org.visionzero.ops.run;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@code vz run} spends its {@code --duration}, counted from the moment the command starts: v0 (pretraining,
 * when asked for), self-play, the final evaluation and stopping all fit inside it, so a run ends when its duration
 * says (start-up, about 15 s, comes out of self-play). Without a duration, pretraining and the
 * final evaluation get their own budgets and self-play runs until its steps are done or Ctrl-C.
 *
 * @param pretrain   time for pretraining v0 (zero when v0 is shipped or given)
 * @param selfPlay   time for self-play, from the start of the run, after pretraining; empty: no limit
 * @param finalEval  time for the final evaluation (zero when there is none)
 * @param refusal    why the duration is too short, saying what would fit; empty when the plan fits
 */
public record RunPlan(Duration pretrain, Optional<Duration> selfPlay, Duration finalEval, Optional<String> refusal) {
  /** Self-play shorter than this teaches nothing worth evaluating. */
  static final Duration MIN_SELF_PLAY = Duration.ofMinutes(1);
  /** Pretraining shorter than this does not learn to caption. */
  static final Duration MIN_PRETRAIN = Duration.ofMinutes(2);
  /** The final evaluation's share of a run's duration, at least {@link #MIN_FINAL_EVAL}. */
  static final double FINAL_EVAL_SHARE = 0.2;
  static final Duration MIN_FINAL_EVAL = Duration.ofSeconds(30);
  /**
   * Kept for stopping after the final evaluation or after self-play: the producer and trainer stop, the scorer reads
   * the last games, the report is written and every component closed (5-10 s on 2 cores).
   */
  static final Duration STOPPING = Duration.ofSeconds(10);

  /**
   * @param duration        the whole run, if bounded
   * @param pretrains       whether v0 is pretrained now
   * @param pretrainBudget  the longest pretraining asked for
   * @param finalEvalGames  games per arm of the final evaluation (0: none)
   * @param finalEvalBudget the longest final evaluation asked for
   */
  public static RunPlan of(Optional<Duration> duration, boolean pretrains, Duration pretrainBudget,
      int finalEvalGames, Duration finalEvalBudget) {
    if (duration.isEmpty()) {
      return new RunPlan(pretrains ? pretrainBudget : Duration.ZERO, Optional.empty(),
          finalEvalGames == 0 ? Duration.ZERO : finalEvalBudget, Optional.empty());
    }
    Duration total = duration.get();
    Duration finalEval = finalEvalGames == 0 ? Duration.ZERO
        : min(finalEvalBudget, max(MIN_FINAL_EVAL, Duration.ofMillis((long) (total.toMillis() * FINAL_EVAL_SHARE))));
    Duration needed = MIN_SELF_PLAY.plus(finalEval).plus(STOPPING).plus(pretrains ? MIN_PRETRAIN : Duration.ZERO);
    if (total.compareTo(needed) < 0) {
      return new RunPlan(Duration.ZERO, Optional.of(total), finalEval, Optional.of("--duration " + text(total)
          + " is too short for "
          + (pretrains ? "pretraining v0 (at least " + text(MIN_PRETRAIN) + "), " : "")
          + "self-play (at least " + text(MIN_SELF_PLAY) + ")"
          + (finalEval.isZero() ? "" : ", the final evaluation (" + text(finalEval) + ")")
          + " and stopping (" + text(STOPPING) + ")"
          + ": give at least --duration " + text(needed)
          + (pretrains ? ", or start from the shipped v0 (leave out --v0 pretrain)" : "")));
    }
    Duration rest = total.minus(finalEval).minus(STOPPING);
    Duration pretrain = pretrains ? min(pretrainBudget, rest.minus(MIN_SELF_PLAY)) : Duration.ZERO;
    return new RunPlan(pretrain, Optional.of(rest.minus(pretrain)), finalEval, Optional.empty());
  }

  /** When self-play ends, counted from the start of the run (pretraining included); empty: no limit. */
  public Optional<Duration> selfPlayEnds() {
    return selfPlay.map(pretrain::plus);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** "5m", "1m30s", "45s". */
  static String text(Duration duration) {
    long s = duration.toSeconds();
    if (s >= 60) {
      return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
    return s + "s";
  }
}
