package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
  void shouldRenderEveryCommandsHelpWithoutAFormatWarning() {
    // picocli formats descriptions with String.format: a lone '%' (as in "95 % interval") makes it print a
    // warning to standard error and show the raw text instead.
    PrintStream standardError = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      List<CommandLine> commands = new ArrayList<>(List.of(Vz.commandLine()));
      for (int i = 0; i < commands.size(); i++) {
        commands.get(i).getUsageMessage();
        commands.addAll(commands.get(i).getSubcommands().values());
      }
      assertThat(commands).hasSizeGreaterThan(Vz.SUBCOMMANDS.size());
    } finally {
      System.setErr(standardError);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
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
