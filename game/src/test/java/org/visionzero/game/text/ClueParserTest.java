package org.visionzero.game.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.visionzero.game.text.ParsedClue.Source;

class ClueParserTest {

  @Test
  void shouldTakeTheFirstBoxedClueAndKeepTheReasoningApart() {
    ParsedClue clue = ClueParser.parse("<think>I see a red cube.</think> So: \\boxed{A red cube sits left.} "
        + "\\boxed{second}");

    assertThat(clue.clue()).isEqualTo("A red cube sits left.");
    assertThat(clue.reasoning()).isEqualTo("I see a red cube. So:");
    assertThat(clue.source()).isEqualTo(Source.BOXED);
    assertThat(clue.valid()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "\\boxed{a {nested} clue}|a {nested|BOXED",
      "\\boxed{unclosed <answer>tagged</answer>|tagged|ANSWER_TAG",
      "text <answer>cut off|cut off|OPEN_ANSWER_TAG",
      "\\boxed{   }<answer> spaced   out\\n clue </answer>|spaced out clue|ANSWER_TAG",
      "\\boxed{}|No valid clue provided.|PLACEHOLDER",
      "<answer></answer>|No valid clue provided.|PLACEHOLDER",
      "no markers at all|No valid clue provided.|PLACEHOLDER",
      "''|No valid clue provided.|PLACEHOLDER",
      "\\boxed{one} then \\boxed{two}|one|BOXED",
      "<answer>first</answer> \\boxed{boxed wins}|boxed wins|BOXED"})
  void shouldFollowTheClueRulesInOrder(String output, String expectedClue, Source expectedSource) {
    ParsedClue clue = ClueParser.parse(output.replace("\\n", "\n"));

    assertThat(clue.clue()).isEqualTo(expectedClue);
    assertThat(clue.source()).isEqualTo(expectedSource);
  }

  @Test
  void shouldKeepTheWholeOutputAsReasoningWhenNothingCanBeRead() {
    ParsedClue clue = ClueParser.parse("  I am not sure what to say  ");

    assertThat(clue.clue()).isEqualTo(ClueParser.PLACEHOLDER);
    assertThat(clue.reasoning()).isEqualTo("I am not sure what to say");
    assertThat(clue.valid()).isFalse();
  }

  @Test
  void shouldParseHundredKilobytesOfNoiseQuicklyWithoutThrowing() {
    String noise = "\\boxed{<answer>{{{".repeat(6_000) + "x".repeat(2_000);

    long start = System.nanoTime();
    ParsedClue clue = ClueParser.parse(noise);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(noise.length()).isGreaterThan(100_000);
    assertThat(clue.source()).isEqualTo(Source.OPEN_ANSWER_TAG);
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void shouldRejectNullWithAHint() {
    assertThatThrownBy(() -> ClueParser.parse(null)).hasMessageContaining("use \"\" for an empty output");
  }
}
