package org.visionzero.logtools.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;

class ClueStatsTest {
  private static final PolicyRef V1 = new PolicyRef("vz", 1);
  private static final PolicyRef V2 = new PolicyRef("vz", 2);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClueStats stats = new ClueStats(registry);

  @Test
  void shouldCountLengthVocabularyAndRepeatsPerPolicyVersion() {
    stats.clue("g1", "g1/0/1/answer", V1, "A red cube.");
    stats.clue("g1", "g1/1/1/answer", V1, "a red  CUBE.");
    stats.clue("g1", "g1/2/1/answer", V1, "Blue sphere on the left");
    stats.clue("g2", "g2/0/1/answer", V1, "A red cube.");
    stats.clue("g2", "g2/1/1/answer", V2, "something shiny");

    ClueStats.Snapshot v1 = stats.snapshot(V1);
    assertThat(v1.clues()).isEqualTo(4);
    assertThat(v1.repeated()).isEqualTo(1); // the same text in another game is no repeat
    assertThat(v1.vocabulary()).isEqualTo(8); // a red cube blue sphere on the left
    assertThat(v1.meanLength()).isEqualTo((3 + 3 + 5 + 3) / 4.0);
    assertThat(stats.snapshot(V2).clues()).isEqualTo(1);
    assertThat(registry.get(ClueStats.REPEATED_SHARE).tags("policy", "vz", "version", "1").gauge().value())
        .isEqualTo(0.25);
    assertThat(registry.get(ClueStats.VOCABULARY).tags("version", "2").gauge().value()).isEqualTo(2.0);
    assertThat(registry.get(ClueStats.LENGTH).tags("version", "1").summary().count()).isEqualTo(4);
  }

  @Test
  void shouldCountAClueOnceWhenItsEventIsRecordedTwice() {
    assertThat(stats.clue("g1", "g1/0/1/answer", V1, "red")).isTrue();
    assertThat(stats.clue("g1", "g1/0/1/answer", V1, "red")).isFalse();

    assertThat(stats.snapshot(V1).clues()).isEqualTo(1);
    assertThat(stats.snapshot(V1).repeated()).isZero();
  }

  @Test
  void shouldForgetAGameWhenItEnds() {
    stats.clue("g1", "g1/0/1/answer", V1, "red");
    stats.gameEnded("g1");

    assertThat(stats.gamesTracked()).isZero();
    assertThat(ClueStats.words("  ... ")).isEmpty();
  }
}
