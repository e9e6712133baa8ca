package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;

class ChaosReportTest {

  private static final Instant DRAIN = Instant.parse("2026-12-06T06:00:00Z");
  private static final CheckpointAudit CLEAN_CHECKPOINTS = new CheckpointAudit(List.of(), 120, List.of(), List.of(), 7);

  @Test
  void givenACleanRun_whenWritten_thenEveryKeyOfTheIssueIsThereAndNothingIsBroken() throws Exception {
    ChaosReport report = report(games(false), 0, CLEAN_CHECKPOINTS, 10, 10);

    JsonNode json = Json.mapper().readTree(report.toJson());

    assertThat(report.broken()).isEmpty();
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("topicReplicas").asInt()).isEqualTo(3);
    assertThat(json.get("kills").get("broker").asInt()).isEqualTo(2);
    assertThat(json.get("kills").get("worker").asInt()).isEqualTo(3);
    assertThat(json.get("kills").get("total").asInt()).isEqualTo(5);
    assertThat(json.get("recoveryMs").get("p50").asLong()).isEqualTo(2000);
    assertThat(json.get("recoveryMs").get("p99").asLong()).isEqualTo(4000);
    assertThat(json.get("recoveryMs").get("unobserved").asInt()).isEqualTo(1);
    assertThat(json.get("gamesStarted").asLong()).isEqualTo(3);
    assertThat(json.get("gamesFinished").asLong()).isEqualTo(2);
    assertThat(json.get("gamesInFlight").asLong()).isEqualTo(1);
    assertThat(json.get("gamesLost").asLong()).isZero();
    // a late answer beside its retry's is no duplicate (the first in log order counts): reported, not broken
    assertThat(json.get("turnsAnsweredTwice").asInt()).isEqualTo(3);
    assertThat(json.get("turnsAnsweredToTwoAttempts").asInt()).isEqualTo(3);
    assertThat(json.get("turnsAnsweredTwiceSameAttempt").asInt()).isZero();
    assertThat(json.get("trajectoriesTrainedTwice").asInt()).isZero();
    assertThat(json.get("rescoredIdentical").asInt()).isEqualTo(10);
    assertThat(json.get("rescoredTotal").asInt()).isEqualTo(10);
    assertThat(json.get("badCheckpointsLoaded").asInt()).isZero();
    assertThat(json.get("poison").get("written").asInt()).isZero();
    assertThat(json.get("accuracyAtFirstKill").get("version").asInt()).isEqualTo(1);
    assertThat(json.get("accuracyAtEnd").get("decisionAccuracy").asDouble()).isEqualTo(0.75);
    assertThat(json.get("unplannedExits").get("trainer").asInt()).isEqualTo(1);
    assertThat(json.get("restartBackoff").get("trainer").get("delayedRestarts").asInt()).isEqualTo(2);
    assertThat(json.get("restartBackoff").get("trainer").get("longestMs").asLong()).isEqualTo(2_000);
    assertThat(json.get("restartBackoff").get("trainer").get("totalMs").asLong()).isEqualTo(3_000);
  }

  @Test
  void givenEachBrokenGuarantee_whenReported_thenEachIsNamed() throws Exception {
    CheckpointAudit bad = new CheckpointAudit(List.of("g-7"), 120, List.of("vz/3: CheckpointRejectedException: x"),
        List.of(), 7);

    ChaosReport report = report(games(true), 2, bad, 9, 10);

    assertThat(report.broken()).hasSize(5);
    assertThat(String.join("\n", report.broken()))
        .contains("1 game(s) lost", "[stuck]", "2 turn(s) with the same attempt answered more than once", "trained more than once",
            "1 of 10 trajectories differ", "vz/3");
    assertThat(Json.mapper().readTree(report.toJson()).get("ok").asBoolean()).isFalse();
  }

  private static GameEnds.Tally games(boolean withLost) {
    GameEnds games = new GameEnds();
    games.started("a", DRAIN.minusSeconds(10));
    games.completed("a");
    games.started("b", DRAIN.minusSeconds(10));
    games.completed("b");
    games.started("late", DRAIN.plusSeconds(1));
    if (withLost) {
      games.started("stuck", DRAIN.minusSeconds(10));
    }
    return games.tally(DRAIN, DRAIN.plusSeconds(30));
  }

  private static ChaosReport report(GameEnds.Tally games, int twice, CheckpointAudit checkpoints, int identical,
      int total) {
    RecoveryTimes recovery = new RecoveryTimes();
    recovery.recovered(1000);
    recovery.recovered(2000);
    recovery.recovered(4000);
    recovery.unobserved();
    return new ChaosReport(140, List.of("broker-1", "worker-1"), 3, Map.of("broker", 2, "worker", 3),
        Map.of("trainer", 1), Map.of("trainer", new RestartBackoff.Waits(2, 2_000, 3_000)), recovery, games, twice + 3, twice, 3, 5, 0, 0, 0, checkpoints, identical, total,
        Map.of("written", 0, "deadLettered", Map.of()), Optional.of(new AccuracyPoint(1, 0.5, 40, 5)),
        Optional.of(new AccuracyPoint(4, 0.75, 40, 5)), 0);
  }
}
