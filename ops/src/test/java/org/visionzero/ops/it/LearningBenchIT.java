package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.visionzero.ops.cli.Vz;
import picocli.CommandLine;

/**
 * {@code vz bench learning --json} end to end at a smoke size: both arms run (streaming on a fresh embedded
 * broker, then the synchronous loop) from the policy module's committed test v0, and the JSON has both arms
 * with numeric figures. About a minute; it checks the wiring, not learning.
 */
@Isolated // child JVMs timed against each other: alone, not beside another IT
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LearningBenchIT {

  /** The policy module's committed v0 (pretrained on test scenes), reached from the ops module's directory. */
  private static final Path V0 = Path.of("..", "policy", "src", "test", "resources", "org", "visionzero", "policy",
      "v0-testscenes.vzck").toAbsolutePath().normalize();

  @TempDir
  Path work;

  @BeforeAll
  static void needsTheCommittedV0() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(V0), "no committed test v0 at " + V0);
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void shouldRunBothArmsAndReportTheirFiguresAsOneJsonObject() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine vz = Vz.commandLine();
    vz.setOut(new PrintWriter(out, true));
    vz.setErr(new PrintWriter(err, true));

    int status = vz.execute("bench", "learning", "--duration", "10s", "--steps", "6", "--eval-interval", "1s",
        "--eval-games", "4", "--final-games", "4", "--v0", V0.toString(), "--data-dir", work.toString(), "--json");

    assertThat(status).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("target").asDouble()).isEqualTo(0.8);
    assertThat(json.get("streamingToSyncGamesPerSecond").isNumber()).isTrue();
    assertThat(json.has("syncToStreamingSecondsToTarget")).isTrue();
    for (String arm : new String[] {"streaming", "sync"}) {
      JsonNode figures = json.get(arm);
      assertThat(figures).as(arm).isNotNull();
      assertThat(figures.has("secondsToTarget")).as(arm).isTrue();
      JsonNode last = figures.get("last");
      assertThat(last.get("decisionAccuracy").isNumber()).as(arm).isTrue();
      assertThat(last.get("noImageAccuracy").isNumber()).as(arm).isTrue();
      assertThat(last.get("naRate").isNumber()).as(arm).isTrue();
      assertThat(last.get("games").asLong()).as(arm).isNotNegative();
      assertThat(last.get("gamesPerSecond").isNumber()).as(arm).isTrue();
      assertThat(figures.get("steps").asLong()).as(arm).isNotNegative();
      assertThat(figures.get("points").size()).as(arm).isPositive();
      assertThat(figures.get("points").get(0).get("step").asLong()).as(arm).isNotNegative();
    }
    // Sync evaluates v0 before its first step; streaming's evaluator may not finish v0's games within 10 s on a
    // loaded machine (the final evaluation of the last version takes over), so only sync must start at step 0.
    assertThat(json.get("sync").get("points").get(0).get("step").asLong()).isZero();
    // On a loaded machine the streaming arm may play only evaluation games in 10 s; the sync loop trains, at most
    // its 6 steps (its evaluations count in its clock, so on a loaded machine its 10 s may end sooner).
    long syncSteps = json.get("sync").get("steps").asLong();
    assertThat(syncSteps).isBetween(1L, 6L);
    assertThat(json.get("sync").get("last").get("games").asLong()).isEqualTo(syncSteps * 8);
    assertThat(json.get("sync").get("points").size()).isGreaterThanOrEqualTo(2);
    // Each arm ran in its own JVM, with its data under the seed's directory, and reported the CPU it used.
    assertThat(work.resolve("seed-1").resolve("streaming").resolve("runs")).isDirectory();
    assertThat(work.resolve("seed-1").resolve("sync.log")).isRegularFile();
    assertThat(json.get("sync").get("cpuSeconds").asDouble()).isPositive();
    assertThat(json.get("streaming").get("coresUsed").asDouble()).isPositive();
    assertThat(json.get("streamingToSyncSecondsToTarget")).isNotNull();
    assertThat(json.get("seeds")).hasSize(1);
  }
}
