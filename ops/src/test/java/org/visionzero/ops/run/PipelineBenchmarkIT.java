package org.visionzero.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** {@code vz bench pipeline} on a few games: every game played, turn latencies measured, the raw rate compared. */
@Isolated // a throughput benchmark: alone, not beside another IT
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PipelineBenchmarkIT {

  private static final int GAMES = 60;
  /** Code mode: 4 players give 2 rounds of clues (8 turns), then one decision turn. */
  private static final int MIN_TURNS_PER_GAME = 9;

  @TempDir
  Path dataDir;

  @BeforeAll
  static void createTheTemporaryDirectoryRocksDbUnpacksInto() throws Exception {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void shouldPlayEveryGameAndCompareThePipelineWithRawKafka() throws Exception {
    PipelineBenchmark.Result result = PipelineBenchmark.run(new PipelineBenchmark.Options(dataDir, GAMES, 1,
        PipelineBenchmark.DEFAULT_GAMES_IN_FLIGHT, 0, Duration.ofSeconds(120), Optional.empty()));

    assertThat(result.games()).isEqualTo(GAMES);
    assertThat(result.readBack().turnsRequested()).isEqualTo(result.readBack().turnsAnswered())
        .isGreaterThanOrEqualTo((long) (GAMES + PipelineBenchmark.WARM_UP_GAMES) * MIN_TURNS_PER_GAME);
    assertThat(result.readBack().duplicateTurns()).isZero();
    assertThat(result.readBack().gamesLost()).isZero();
    assertThat(result.complete()).isTrue();
    assertThat(result.cpuCoresUsed()).isPositive();
    assertThat(result.turns()).isGreaterThanOrEqualTo((long) GAMES * MIN_TURNS_PER_GAME);
    assertThat(result.records()).isGreaterThan(result.turns());
    assertThat(result.p50TurnMillis()).isPositive().isLessThanOrEqualTo(result.p99TurnMillis());
    assertThat(result.rawRecordsPerSecond()).isPositive();
    assertThat(result.ratio()).isEqualTo(result.pipelineRecordsPerSecond() / result.rawRecordsPerSecond());
    System.out.println("pipeline benchmark: " + result.toJson());
  }
}
