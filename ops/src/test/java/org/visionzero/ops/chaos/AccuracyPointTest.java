package org.visionzero.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.eval.ClusteredProportion;
import org.visionzero.ops.eval.VersionResult;

class AccuracyPointTest {

  private static final Instant T0 = Instant.parse("2026-12-06T06:00:00Z");

  @Test
  void shouldTakeTheNewestEvaluatedVersionAtOrBeforeTheOnePublishedByTheFirstKill() {
    List<CheckpointPublished> events = List.of(checkpoint(0, T0), checkpoint(1, T0.plusSeconds(10)),
        checkpoint(2, T0.plusSeconds(20)), checkpoint(3, T0.plusSeconds(30)));
    List<VersionResult> results = List.of(result(0, 2, 8, 2), result(2, 5, 8, 2), result(3, 1, 4, 1),
        result(4, 0, 0, 0));

    int atFirstKill = AccuracyPoint.versionPublishedBy(events, "vz", T0.plusSeconds(25));

    assertThat(atFirstKill).isEqualTo(2);
    assertThat(AccuracyPoint.atOrBefore(results, 1, 2)).contains(new AccuracyPoint(0, 0.25, 8, 2));
    assertThat(AccuracyPoint.atOrBefore(results, atFirstKill, 2)).contains(new AccuracyPoint(2, 0.625, 8, 2));
    // v3 is mid-evaluation (1 of 2 games), v4 has none: the newest complete one is v2
    assertThat(AccuracyPoint.newest(results, 2)).contains(new AccuracyPoint(2, 0.625, 8, 2));
    assertThat(AccuracyPoint.newest(results, 1)).contains(new AccuracyPoint(3, 0.25, 4, 1));
    assertThat(AccuracyPoint.versionPublishedBy(events, "other", T0.plusSeconds(25))).isZero();
  }

  private static CheckpointPublished checkpoint(int version, Instant at) {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/vz/" + version).setOccurredAt(at)
        .setPolicy(new PolicyRef("vz", version)).setCheckpoint(new BlobRef("blob:x", "x", "m", 1L))
        .setTrainerStep(version).setParentVersion(version - 1).setArchitecture("a").setRunId("chaos")
        .setHistory(Map.of()).build();
  }

  /** {@code games} games sharing {@code votes} votes, {@code correct} of them right. */
  private static VersionResult result(int version, long correct, long votes, int games) {
    VersionResult empty = VersionResult.empty(version, version);
    ClusteredProportion decisions = ClusteredProportion.EMPTY;
    for (int game = 0; game < games; game++) {
      long gameVotes = votes / games;
      long gameCorrect = Math.min(gameVotes, Math.max(0, correct - game * gameVotes));
      decisions = decisions.plusGame(gameCorrect, gameVotes);
    }
    return new VersionResult(version, decisions,
        empty.noImageAccuracyVotes(), empty.naRateVotes(), empty.clueWinsAsSpy(), empty.clueWinsAsCivilians(),
        empty.clueFidelity(), empty.paperWinRate(), version, votes == 0 ? 0 : 1, empty.spyEchoRate(),
        empty.decisionAccuracyPerGame(), empty.noImageAccuracyPerGame(), 1, 0);
  }
}
