package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefereeChoiceTest {

  private static final int MIN_SAMPLES = 10;

  @TempDir
  Path dir;

  @Test
  void shouldChooseTheFirstVersionReachingTheThresholdOverEnoughSamples() throws IOException {
    Path file = dir.resolve("run/referee");
    RefereeChoice choice = new RefereeChoice(settings(OptionalInt.empty(), Optional.of(file)));

    choice.chooseFrom(List.of(accuracy(1, 9, 9), accuracy(2, 8, 10), accuracy(3, 9, 10), accuracy(4, 10, 10)));

    // v1 is perfect but on too few samples, v2 is below 0.9: v3 is the first that qualifies
    assertThat(choice.current()).hasValue(3);
    assertThat(Files.readString(file)).isEqualTo("3");
  }

  @Test
  void givenAChoice_thenItIsNeverChangedAndAResumedRunReadsIt() {
    Path file = dir.resolve("referee");
    RefereeChoice choice = new RefereeChoice(settings(OptionalInt.empty(), Optional.of(file)));
    choice.chooseIfNone(5, "final evaluation");

    choice.chooseFrom(List.of(accuracy(1, 10, 10)));
    choice.chooseIfNone(7, "another final evaluation");

    assertThat(choice.current()).hasValue(5);
    assertThat(new RefereeChoice(settings(OptionalInt.empty(), Optional.of(file))).current()).hasValue(5);
  }

  @Test
  void givenAConfiguredReferee_thenNoThresholdAppliesAndNoFileIsWritten() {
    Path file = dir.resolve("referee");
    RefereeChoice choice = new RefereeChoice(settings(OptionalInt.of(2), Optional.of(file)));

    choice.chooseFrom(List.of(accuracy(1, 10, 10)));

    assertThat(choice.current()).hasValue(2);
    assertThat(file).doesNotExist();
  }

  @Test
  void shouldHaveNoRefereeUntilOneQualifies() {
    RefereeChoice choice = new RefereeChoice(settings(OptionalInt.empty(), Optional.empty()));

    choice.chooseFrom(List.of(accuracy(1, 5, 10)));

    assertThat(choice.current()).isEmpty();
  }

  @Test
  void shouldRefuseAnUnreadableRefereeFileSayingHowToRecover() throws IOException {
    Path file = Files.writeString(dir.resolve("referee"), "v3");

    assertThatThrownBy(() -> new RefereeChoice(settings(OptionalInt.empty(), Optional.of(file))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreadable")
        .hasMessageContaining("delete it");
  }

  private static EvaluatorSettings settings(OptionalInt fixed, Optional<Path> file) {
    return new EvaluatorSettings("run", "vz", 4, 4, 0.9, MIN_SAMPLES, fixed, file, Duration.ofMinutes(2),
        Duration.ZERO, EnumSet.allOf(EvalArm.class));
  }

  private static VersionResult accuracy(int version, long correct, long samples) {
    VersionResult empty = VersionResult.empty(version, EvalTags.NO_REFEREE);
    return new VersionResult(version, ClusteredProportion.independent(new Proportion(correct, samples)),
        empty.noImageAccuracyVotes(), empty.naRateVotes(), empty.clueWinsAsSpy(), empty.clueWinsAsCivilians(),
        empty.clueFidelity(), empty.paperWinRate(), EvalTags.NO_REFEREE, 1, empty.spyEchoRate(),
        empty.decisionAccuracyPerGame(), empty.noImageAccuracyPerGame(), 1, 0);
  }
}
