package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.visionzero.logtools.rescore.Rescore;
import org.visionzero.logtools.rescore.RescoreFrom;
import org.visionzero.logtools.rescore.RescoreReport;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.cli.Vz;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;

/**
 * The crash of issue 25, as a user meets it: the whole {@code vz run} process (broker, coordinator, scorer,
 * worker, trainer) is killed with SIGKILL while games are in flight, stays down for longer than the turn
 * timeout, and is started again on the same data. The log is then read back by {@link LogAudit}, which trusts
 * none of the components' bookkeeping: every turn answered once, no retry, every trajectory once and agreeing
 * with its own decisions, and {@code vz rescore} identical and consistent.
 */
@Isolated // child JVMs and a turn timeout: alone, not beside another IT
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class VzRunCrashIT {
  private static final Duration TURN_TIMEOUT = Duration.ofSeconds(15);
  private static final Pattern GAMES_PLAYED =
      Pattern.compile("self-play [0-9]*[1-9][0-9]*\\.[0-9] games/s|self-play 0\\.[1-9] games/s");
  // the restarted run ends on a stop request once it plays again (its deadline is only a backstop): a loaded
  // machine may need minutes for the broker's recovery, the rebalances and the stores' restoration
  private static final String SECOND_RUN_BACKSTOP = "10m";
  // once new games complete, the games in flight at the kill (whose requests come first) have had their turns
  private static final Duration AFTER_PLAY_RESUMES = Duration.ofSeconds(20);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failure keeps both runs' logs
  Path dir;

  @Test
  void givenAWholeProcessKill_whenRestartedAfterTheTurnTimeout_thenNoTurnIsAnsweredTwiceAndEveryTrajectoryAgrees()
      throws Exception {
    Path data = dir.resolve("data");
    Path settings = Files.writeString(dir.resolve("crash.properties"),
        VzRunConfig.TURN_TIMEOUT_MS + "=" + TURN_TIMEOUT.toMillis() + "\n");

    // given a run of the random policy, killed with games in flight
    RunProcess first = RunProcess.start(dir.resolve("first.log"), runArgs(data, settings, "10m"));
    // kill only once games are being played (a loaded machine can take half a minute to start)
    first.awaitLine(GAMES_PLAYED, Duration.ofMinutes(2));
    first.awaitAliveFor(Duration.ofSeconds(5));
    Instant killed = Instant.now();
    first.kill();

    // when it stays down past the turn timeout and is started again on the same data
    Thread.sleep(TURN_TIMEOUT.plusSeconds(2).toMillis());
    RunProcess second = RunProcess.start(dir.resolve("second.log"), runArgs(data, settings, SECOND_RUN_BACKSTOP));
    second.awaitLine(GAMES_PLAYED, Duration.ofMinutes(4));
    second.awaitAliveFor(AFTER_PLAY_RESUMES);
    second.stop(Duration.ofMinutes(1));
    assertThat(second.log()).contains("Stopping (stop_requested)");
    System.out.println("VzRunCrashIT: logs in " + dir + "; the second run's last lines:\n" + second.log());

    // then the log, read back independently, holds no second answer and no contradiction
    try (VzRun broker = VzRun.start(ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), Map.of("data.dir", data.toString(), "broker.port", "0"))))) {
      Map<String, Object> client = broker.clientProperties().asMap();
      LogAudit audit = LogAudit.read(client, broker.catalog(), Duration.ofSeconds(60));
      System.out.println("VzRunCrashIT: " + audit + ", completed across the kill " + audit.gamesCompletedAcross(killed));

      assertThat(audit.gamesStarted()).as(audit.toString()).isPositive();
      assertThat(audit.gamesCompletedAcross(killed)).as("games started before the kill, completed after: %s", audit)
          .isPositive();
      assertThat(audit.turnsAnsweredTwice()).as(audit.toString()).isEmpty();
      assertThat(audit.retries()).as(audit.toString()).isZero();
      assertThat(audit.aborted()).as(audit.toString()).isZero();
      assertThat(audit.trajectoriesTwice()).as(audit.toString()).isEmpty();
      assertThat(audit.inconsistentTrajectories()).as(audit.toString()).isEmpty();
      assertThat(audit.completedWithoutTrajectory()).as(audit.toString()).isEmpty();

      RescoreReport rescore = Rescore.run(client, broker.catalog(), RescoreFrom.beginning(), Duration.ofSeconds(120));
      assertThat(rescore.allIdentical()).as(rescore.toJson()).isTrue();
      assertThat(rescore.allConsistent()).as(rescore.toJson()).isTrue();
    }
  }

  private static List<String> runArgs(Path data, Path settings, String duration) {
    return List.of("run", "--policy", "random", "--duration", duration, "--eval-final-games", "0",
        "--data-dir", data.toString(), "--port", "0", "--config", settings.toString());
  }

  /** {@code vz} as a child JVM on the test classpath, its output in a file. */
  static final class RunProcess {
    private final Process process;
    private final Path output;

    private RunProcess(Process process, Path output) {
      this.process = process;
      this.output = output;
    }

    static RunProcess start(Path output, List<String> args) throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
          "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.visionzero", "-Dai.djl.offline=true",
          "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
          "-cp", System.getProperty("java.class.path"), Vz.class.getName()));
      command.addAll(args);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
          .start();
      return new RunProcess(process, output);
    }

    /** Waits until the child's output has a line matching {@code pattern}. */
    void awaitLine(Pattern pattern, Duration timeout) throws Exception {
      long until = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < until) {
        if (!process.isAlive()) {
          throw new AssertionError("vz run exited early (" + process.exitValue() + "): " + log());
        }
        if (Files.exists(output) && Files.readAllLines(output).stream().anyMatch(l -> pattern.matcher(l).find())) {
          return;
        }
        Thread.sleep(500);
      }
      throw new AssertionError("no line matching " + pattern + " within " + timeout + ": " + log());
    }

    void awaitAliveFor(Duration duration) throws InterruptedException {
      if (process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("vz run exited early (" + process.exitValue() + "): " + log());
      }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a user's Ctrl-C or a service manager: vz run stops its components and writes its report. */
    void stop(Duration timeout) throws InterruptedException {
      process.destroy();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("vz run did not stop within " + timeout + ": " + log());
      }
    }

    String log() {
      try {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }
}
