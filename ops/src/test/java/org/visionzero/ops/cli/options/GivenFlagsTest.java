package org.visionzero.ops.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class GivenFlagsTest {

  @Command(name = "deployable")
  static final class Deployable {
    @ConfigKey("run.steps")
    @Option(names = "--steps")
    String steps;
    @ConfigKey("run.id")
    @Option(names = "--run-id")
    String runId;
    @Option(names = "--not-a-setting")
    String other;
    @Mixin
    StreamsOptions streams;
  }

  private static Deployable parsed(String... args) {
    Deployable command = new Deployable();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void givenSomeFlags_whenCollected_thenOnlyTheGivenOnesAreSetUnderTheirKeys() {
    Deployable command = parsed("--steps", "12", "--not-a-setting", "x");

    Map<String, String> flags = GivenFlags.of(command);

    assertThat(flags).containsExactly(Map.entry("run.steps", "12"));
  }

  @Test
  void givenAMixinThatIsAFlagSource_whenCollected_thenItsComputedSettingFollowsItsMarkedOnes() {
    Deployable defaults = parsed("--application-id", "app-1");
    Deployable stateDirGiven = parsed("--state-dir", "/tmp/state");

    assertThat(GivenFlags.of(defaults.streams)).containsEntry("application.id", "app-1")
        .containsEntry("state.dir", StreamsOptions.DEFAULT_STATE_DIR).hasSize(2);
    assertThat(GivenFlags.of(stateDirGiven.streams)).containsExactly(Map.entry("state.dir", "/tmp/state"));
  }

  @Test
  void givenSeveralGroups_whenCollected_thenEachAddsItsFlagsInOrder() {
    Deployable command = parsed("--run-id", "r-2");
    FlagSource override = flags -> flags.put("run.id", "from-the-last-group");

    assertThat(GivenFlags.of(command, override)).containsEntry("run.id", "from-the-last-group");
    assertThat(GivenFlags.of(override, command)).containsEntry("run.id", "r-2");
  }
}
