package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.ops.probe.ProbeSuite;
import org.visionzero.ops.probe.ProbeTask;
import org.visionzero.ops.run.ShippedV0;

/** {@code vz probe} on the shipped v0: no broker is needed, so this is a unit test. */
class ProbeCommandTest {

  private static final int ITEMS = 40;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private int vz(String... args) {
    picocli.CommandLine commandLine = Vz.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  @Timeout(300)
  void givenTheShippedV0AsAFile_whenProbedAsJson_thenEveryTaskWithItsInterval_andV0AboveChanceOnSceneCaptions()
      throws Exception {
    Path file = dir.resolve("copy-of-v0.vzck");
    Files.write(file, ShippedV0.bytes());

    int status = vz("probe", "--checkpoint", file.toString(), "--items", "" + ITEMS, "--json");

    assertThat(status).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("itemsPerTask").asInt()).isEqualTo(ITEMS);
    JsonNode v0 = report.get("v0");
    JsonNode checkpoint = report.get("checkpoints").get(0);
    assertThat(checkpoint.get("label").asText()).isEqualTo(file.toString());
    assertThat(checkpoint.get("sha256").asText()).isEqualTo(ShippedV0.SHA256).isEqualTo(v0.get("sha256").asText());
    List<String> keys = new ArrayList<>();
    v0.get("tasks").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(ProbeSuite.TASKS.stream().map(ProbeTask::key).toList());
    for (JsonNode result : List.of(v0, checkpoint)) {
      for (ProbeTask task : ProbeSuite.TASKS) {
        JsonNode figures = result.get("tasks").get(task.key());
        JsonNode accuracy = figures.get("accuracy");
        assertThat(accuracy.get("n").asInt()).as(task.key()).isEqualTo(ITEMS);
        assertThat(accuracy.get("low").asDouble()).isLessThanOrEqualTo(accuracy.get("rate").asDouble());
        assertThat(accuracy.get("high").asDouble()).isGreaterThanOrEqualTo(accuracy.get("rate").asDouble());
        assertThat(figures.get("chance").asDouble()).isEqualTo(1.0 / task.choices());
        assertThat(figures.get("source").asText()).isEqualTo(task.source());
      }
    }
    JsonNode sceneMatch = v0.get("tasks").get("caption-match/scenes");
    assertThat(sceneMatch.get("accuracy").get("low").asDouble())
        .as("v0, pretrained as a captioner of scenes, picks the captioned scene above chance")
        .isGreaterThan(sceneMatch.get("chance").asDouble());
    assertThat(sceneMatch.has("noImageAccuracy")).as("several images per item: no blank control").isFalse();
    assertThat(v0.get("tasks").get("colour-count/scenes").get("noImageAccuracy").get("n").asInt()).isEqualTo(ITEMS);
  }

  @Test
  void givenACheckpointWhoseSha256FileDisagrees_whenProbed_thenRefusedNamingBothHashes() throws Exception {
    Path file = dir.resolve("v0.vzck");
    Files.write(file, ShippedV0.bytes());
    Files.writeString(file.resolveSibling("v0.vzck.sha256"), "0".repeat(64) + "\n", StandardCharsets.US_ASCII);

    int status = vz("probe", "--checkpoint", file.toString(), "--items", "1");

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains(ShippedV0.SHA256).contains("0".repeat(64));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void givenNoSuchFile_whenProbed_thenAClearError() {
    int status = vz("probe", "--checkpoint", dir.resolve("missing.vzck").toString());

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("missing.vzck").contains("is not a file");
  }
}
