package org.visionzero.policy;

import java.util.List;
import org.visionzero.events.PolicyRef;

/**
 * A player of the game: answers batches of clue turns and decision turns.
 *
 * <p>Every answer carries the sampled token ids and the behaviour log-probability of each at the turn's
 * temperature, plus the policy version that produced it, so that the trainer can compute GRPO ratios later.
 * Sampling is driven by {@code view.samplingSeed()} of each turn alone, so the answer to a turn does not
 * depend on which other turns share its batch, and a turn can be replayed exactly.
 *
 * <p>Implementations: the in-JVM model ({@code VzModelPolicy}), scripted baselines ({@code RandomPolicy},
 * {@code OraclePolicy}), and text policies behind an OpenAI-compatible endpoint ({@code remote.RemotePolicy}).
 */
public interface Policy extends AutoCloseable {

  /** Name and version of the weights (or script) currently answering. */
  PolicyRef ref();

  /** Answers clue turns: one {@link ClueAnswer} per turn, in the same order. */
  List<ClueAnswer> clues(List<PolicyTurn> turns);

  /** Answers decision turns: one {@link DecisionAnswer} (with {@code view.samples()} votes) per turn, in order. */
  List<DecisionAnswer> decisions(List<PolicyTurn> turns);

  /**
   * Answers clue turns one by one: a policy that can fail a single turn (a remote model) says which and why; by
   * default all turns share the outcome of {@link #clues}.
   */
  default List<TurnResult<ClueAnswer>> tryClues(List<PolicyTurn> turns) {
    return clues(turns).stream().map(TurnResult::answered).toList();
  }

  /** Answers decision turns one by one, like {@link #tryClues}. */
  default List<TurnResult<DecisionAnswer>> tryDecisions(List<PolicyTurn> turns) {
    return decisions(turns).stream().map(TurnResult::answered).toList();
  }

  /** Releases native resources; scripted policies have none. */
  @Override
  default void close() {}
}
