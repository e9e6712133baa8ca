package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vz eval --policy-url} and {@code vz checkpoint publish-remote} refuse what cannot work before any I/O. */
class RemoteEvalOptionsTest {
  private final StringWriter err = new StringWriter();

  private int vz(String... args) {
    CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void givenAnUnknownSeat_thenTheChoicesAreNamed() {
    int status = vz("eval", "--policy-url", "http://127.0.0.1:9/v1", "--seat", "referee");

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("unknown seat 'referee'").contains("decision|spy|civilians");
  }

  @Test
  void givenARefereeForTheDecisionSeat_thenItIsRefused() {
    int status = vz("eval", "--policy-url", "http://127.0.0.1:9/v1", "--referee-checkpoint", "r.vzck");

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("use it with --seat spy|civilians");
  }

  @Test
  void givenAModelNameWithWhitespace_thenPublishRemoteRefusesItBeforeReadingTheCluster() {
    int status = vz("checkpoint", "publish-remote", "--policy", "outside", "--version", "1", "--model", "two words",
        "--bootstrap-servers", "127.0.0.1:9");

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("no whitespace");
  }
}
