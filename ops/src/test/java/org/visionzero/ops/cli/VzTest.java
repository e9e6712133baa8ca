package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VzTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int vz(String... args) {
    CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void shouldListEverySubcommandOnOneLineInHelp() {
    int status = vz("--help");

    assertThat(status).isZero();
    assertThat(out.toString().lines().filter(line -> line.matches("^  (run|broker|topics) +\\S.*")))
        .hasSize(3);
    assertThat(out.toString().lines().filter(line -> line.matches("^  [a-z-]+ +\\S.*")))
        .hasSize(Vz.SUBCOMMANDS.size());
    assertThat(out.toString()).doesNotContain("\n            ");
  }

  @Test
  void shouldFailWithUsageWhenNoCommandIsGiven() {
    int status = vz();

    assertThat(status).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("Missing command: choose one of run, broker, topics");
  }

  @Test
  void shouldStopAtOnceNamingTheSettingWhenPortIsInvalid() {
    int status = vz("broker", "--port", "70000", "--data-dir", "target/never-created");

    assertThat(status).isEqualTo(ErrorReporter.CONFIG_ERROR);
    assertThat(err.toString())
        .contains("vz broker: Invalid value '70000' for setting 'broker.port' (from the command line)")
        .contains("[0,...,65535]");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldStopAtOnceWhenBootstrapServersAreNotHostPort() {
    int status = vz("topics", "describe", "--bootstrap-servers", "localhost");

    assertThat(status).isEqualTo(ErrorReporter.CONFIG_ERROR);
    assertThat(err.toString()).contains("vz topics describe: Invalid value 'localhost' for setting "
        + "'bootstrap.servers'").contains("is not host:port");
  }

  @Test
  void shouldOfferJsonAndBootstrapServersOnEveryKafkaCommand() {
    CommandLine commandLine = Vz.commandLine();

    for (String[] path : new String[][] {{"run"}, {"topics", "create"}, {"topics", "describe"}}) {
      CommandLine command = commandLine;
      for (String name : path) {
        command = command.getSubcommands().get(name);
      }
      assertThat(command.getCommandSpec().optionsMap()).containsKeys("--json", "--bootstrap-servers", "--config");
    }
    assertThat(commandLine.getSubcommands().get("broker").getCommandSpec().optionsMap())
        .containsKeys("--json", "--data-dir", "--port");
  }

  @Test
  void givenAValueThatWouldReorderTheTerminal_whenRefused_thenTheMessageShowsItEscaped() {
    int status = vz("broker", "--port", "90\u202E\n91", "--data-dir", "target/never-created");

    assertThat(status).isEqualTo(ErrorReporter.CONFIG_ERROR);
    assertThat(err.toString()).contains("Invalid value '90\\u202e\n91'").doesNotContain("\u202E");
  }

  @Test
  void givenADurationTooShortForWhatWasAsked_whenRun_thenRefusedWithWhatFitsBeforeAnythingStarts() {
    int status = vz("run", "--duration", "2m", "--v0", "pretrain", "--data-dir", "target/vz-test-never-created");

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("--duration 2m is too short for pretraining v0")
        .contains("give at least --duration 3m40s, or start from the shipped v0");
    assertThat(java.nio.file.Path.of("target/vz-test-never-created")).doesNotExist();
  }
}
