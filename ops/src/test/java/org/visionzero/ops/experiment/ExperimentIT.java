package org.visionzero.ops.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.visionzero.json.Json;
import org.visionzero.ops.cli.Vz;
import picocli.CommandLine;

/**
 * CI's experiment: two arms, each a real vz run (a child JVM, an embedded broker), then the same command resumes.
 * Isolated: beside another IT a 72-s run got too few cores to finish one evaluation (0 games evaluated).
 */
@Isolated // child vz runs: alone, not beside another IT
class ExperimentIT {

  @TempDir
  Path dir;

  @Test
  void shouldRunBothArmsReportThemAndKeepThemWhenRunAgain() throws Exception {
    Path file = Path.of(ExperimentIT.class.getResource("/experiments/ci.properties").toURI());

    Result first = vz("experiment", file.toString(), "--dir", dir.toString(), "--json");

    assertThat(first.exit).as(first.err).isZero();
    JsonNode json = Json.mapper().readTree(Files.readString(dir.resolve("experiment.json")));
    assertThat(json.path("complete").asBoolean()).isTrue();
    assertThat(json.path("arms")).hasSize(2);
    for (JsonNode arm : json.path("arms")) {
      JsonNode run = arm.path("runs").get(0);
      assertThat(run.path("finished").asBoolean()).as(arm.path("name").asText()).isTrue();
      JsonNode accuracy = arm.path("pooled").path("decisionAccuracyPerGame");
      assertThat(accuracy.path("n").asLong()).as(arm.path("name").asText() + " evaluated games; its log ends:\n"
          + logTail(arm.path("name").asText())).isPositive();
      assertThat(accuracy.path("low").asDouble()).isLessThanOrEqualTo(accuracy.path("value").asDouble());
    }
    assertThat(json.path("arms").get(0).path("settings").path("trainer.rae.enabled").asText()).isEqualTo("true");
    assertThat(json.path("arms").get(1).path("settings").path("trainer.rae.enabled").asText()).isEqualTo("false");
    assertThat(Files.readString(dir.resolve("experiment.html"))).contains("rae-on").contains("rae-off")
        .contains("base64,");

    Result again = vz("experiment", file.toString(), "--dir", dir.toString());

    assertThat(again.exit).as(again.err).isZero();
    assertThat(again.err).contains("run 1/2 (rae-on, seed 1): finished before, kept")
        .contains("run 2/2 (rae-off, seed 1): finished before, kept");
  }

  private String logTail(String arm) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("runs").resolve(arm).resolve("seed-1").resolve("vz-run.log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private record Result(int exit, String out, String err) {
  }

  private static Result vz(String... args) throws URISyntaxException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Vz.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
