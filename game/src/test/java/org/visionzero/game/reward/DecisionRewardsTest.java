package org.visionzero.game.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig.DecisionRewardShape;

class DecisionRewardsTest {
  private static final int SPY = 2;
  private static final int N = 4;

  @ParameterizedTest(name = "{0} vote, shape {1}, f={2} -> {3}")
  @CsvSource({
      "correct, CODE, true, 2.49",
      "correct, CODE, false, 1.89",
      "abstain, CODE, true, -0.30",
      "abstain, CODE, false, -0.90",
      "wrong, CODE, true, -0.90",
      "wrong, CODE, false, -1.50",
      "invalid, CODE, true, -0.90",
      "outOfRange, CODE, true, -0.90",
      "correct, PAPER, true, 1.0",
      "correct, PAPER, false, 1.0",
      "abstain, PAPER, true, -0.5",
      "abstain, PAPER, false, -0.5",
      "wrong, PAPER, true, -1.0",
      "wrong, PAPER, false, -1.0",
      "invalid, PAPER, false, -1.0",
      "outOfRange, PAPER, true, -1.0"})
  void shouldMatchTheRewardTableOfTheSpec(String vote, DecisionRewardShape shape, boolean formatOk, double expected) {
    DecisionSample sample = sample(vote, formatOk);

    assertThat(DecisionRewards.reward(shape, sample, SPY, N)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void shouldCountOnlyAnInRangeVoteForTheSpyAsCorrect() {
    assertThat(DecisionRewards.isCorrect(sample("correct", true), SPY, N)).isTrue();
    assertThat(DecisionRewards.isCorrect(sample("wrong", true), SPY, N)).isFalse();
    assertThat(DecisionRewards.isCorrect(sample("abstain", true), SPY, N)).isFalse();
    assertThat(DecisionRewards.isCorrect(sample("outOfRange", true), 7, N)).isFalse();
  }

  @Test
  void shouldUseTheAccuracyTermsOfTheSpec() {
    assertThat(DecisionRewards.accuracy(sample("correct", true), SPY, N)).isEqualTo(1.0);
    assertThat(DecisionRewards.accuracy(sample("abstain", true), SPY, N)).isEqualTo(-0.5);
    assertThat(DecisionRewards.accuracy(sample("invalid", true), SPY, N)).isEqualTo(-1.0);
  }

  static DecisionSample sample(String vote, boolean formatOk) {
    VoteKind kind = switch (vote) {
      case "correct", "wrong", "outOfRange" -> VoteKind.SEAT;
      case "abstain" -> VoteKind.ABSTAIN;
      default -> VoteKind.INVALID;
    };
    int seat = switch (vote) {
      case "correct" -> SPY;
      case "wrong" -> 1;
      case "outOfRange" -> 7;
      default -> 0;
    };
    return DecisionSample.newBuilder().setVoterSeat(0).setSampleIndex(0).setVoteKind(kind).setVotedSeat(seat)
        .setFormatOk(formatOk).setSample(new SampledTokens(List.of(seat), List.of(-0.1f))).build();
  }
}
