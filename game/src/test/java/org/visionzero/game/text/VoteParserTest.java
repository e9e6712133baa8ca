package org.visionzero.game.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig;

class VoteParserTest {
  private static final String REASONING = "Player 3 described a blue sphere, unlike the others. ";

  @ParameterizedTest(name = "[{index}] {0} -> {1} {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "\\boxed{3}|SEAT|3",
      "\\boxed{Player 3}|SEAT|3",
      "\\boxed{ player 2 is the spy }|SEAT|2",
      "\\boxed{N/A}|ABSTAIN|0",
      "\\boxed{ n/a }|ABSTAIN|0",
      "\\boxed{NA}|ABSTAIN|0",
      "\\boxed{N/A.}|INVALID|0",
      "\\boxed{7}|INVALID|0",
      "\\boxed{0}|INVALID|0",
      "\\boxed{10}|INVALID|0",
      "\\boxed{Player3}|INVALID|0",
      "\\boxed{3rd}|INVALID|0",
      "\\boxed{1 or 2}|SEAT|1",
      "\\boxed{#4}|SEAT|4",
      "\\boxed{2} and \\boxed{3}|SEAT|2",
      "\\boxed{{\"spy\": 4}}|SEAT|4",
      "{\"spy\": 2}|SEAT|2",
      "{\"SPY\":\"3\"}|SEAT|3",
      "{\"spy\": 6}|INVALID|0",
      "{\"spy\": -1}|INVALID|0",
      "\\boxed{unsure} {\"spy\": 1}|SEAT|1",
      "\\boxed{unsure}|INVALID|0",
      "\\boxed{3|INVALID|0",
      "The spy is 3.|INVALID|0",
      "''|INVALID|0"})
  void shouldFollowTheVoteRules(String answer, VoteKind kind, int seat) {
    ParsedVote vote = VoteParser.parse(REASONING + answer, 5);

    assertThat(vote.kind()).isEqualTo(kind);
    assertThat(vote.seat()).isEqualTo(seat);
  }

  @Test
  void shouldParseAnEmptyOutputAsInvalidWithoutFormat() {
    ParsedVote vote = VoteParser.parse("", 4);

    assertThat(vote).isEqualTo(new ParsedVote(VoteKind.INVALID, 0, "", "", false));
  }

  @Test
  void shouldSetTheFormatFlagFromReasoningLengthAndAnswer() {
    assertThat(VoteParser.parse("0123456789A \\boxed{2}", 4).formatOk()).isTrue();
    assertThat(VoteParser.parse("0123456789 \\boxed{2}", 4).formatOk()).isFalse();
    assertThat(VoteParser.parse(REASONING + "\\boxed{ }", 4).formatOk()).isFalse();
    assertThat(VoteParser.parse(REASONING + "\\boxed{N/A}", 4).formatOk()).isTrue();
    assertThat(VoteParser.parse(REASONING + "\\boxed{9}", 4))
        .satisfies(v -> assertThat(v.kind()).isEqualTo(VoteKind.INVALID))
        .satisfies(v -> assertThat(v.formatOk()).isTrue());
    assertThat(new VoteParser(4, 0).parse("x\\boxed{1}").formatOk()).isTrue();
    assertThat(VoteParser.forConfig(GameConfig.code()).parse("short\\boxed{1}").formatOk()).isFalse();
  }

  @Test
  void shouldKeepTheReasoningBeforeTheAnswer() {
    ParsedVote vote = VoteParser.parse("<think>Seat 1 is odd.</think>\\boxed{1}", 4);

    assertThat(vote.reasoning()).isEqualTo("Seat 1 is odd.");
    assertThat(vote.answer()).isEqualTo("1");
  }

  @Test
  void shouldNeverThrowOnNoiseAndParseHundredKilobytesQuickly() {
    String noise = "\\boxed{{\"spy\" : ".repeat(7_000);
    long start = System.nanoTime();
    ParsedVote vote = VoteParser.parse(noise, 4);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(noise.length()).isGreaterThan(100_000);
    assertThat(vote.kind()).isEqualTo(VoteKind.INVALID);
    assertThat(millis).isLessThan(2_000);

    Random random = new Random(7);
    String alphabet = "\\boxed{}<answer>N/A0123456789 {\"spy\":}Player";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(80);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      ParsedVote parsed = VoteParser.parse(text.toString(), 4);
      assertThat(parsed.seat()).isBetween(0, 4);
      ClueParser.parse(text.toString());
    }
  }

  @Test
  void shouldBuildTheDecisionSampleOfAVote() {
    SampledTokens tokens = new SampledTokens(List.of(5, 6), List.of(-0.2f, -0.3f));
    String output = REASONING + "\\boxed{3}";

    DecisionSample sample = VoteParser.parse(output, 4).toSample(0, 5, output, tokens);

    assertThat(sample.getVoteKind()).isEqualTo(VoteKind.SEAT);
    assertThat(sample.getVotedSeat()).isEqualTo(3);
    assertThat(sample.getSampleIndex()).isEqualTo(5);
    assertThat(sample.getFormatOk()).isTrue();
    assertThat(sample.getText()).isEqualTo(output);
    assertThat(sample.getSample()).isEqualTo(tokens);
  }

  @Test
  void shouldRejectInconsistentVotesAndBadParsers() {
    assertThatThrownBy(() -> new ParsedVote(VoteKind.SEAT, 0, "", "", true)).hasMessageContaining("exactly when");
    assertThatThrownBy(() -> new ParsedVote(VoteKind.ABSTAIN, 2, "", "", true)).hasMessageContaining("exactly when");
    assertThatThrownBy(() -> new VoteParser(0, 10)).hasMessageContaining("numPlayers");
    assertThatThrownBy(() -> new VoteParser(4, -1)).hasMessageContaining("minReasoningChars");
    assertThatThrownBy(() -> VoteParser.parse(null, 4)).isInstanceOf(NullPointerException.class);
  }
}
