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
    List<VersionResult> results = List.of(result(0, 2, 8), result(2, 5, 8), result(3, 0, 0));

    int atFirstKill = AccuracyPoint.versionPublishedBy(events, "vz", T0.plusSeconds(25));

    assertThat(atFirstKill).isEqualTo(2);
    assertThat(AccuracyPoint.atOrBefore(results, 1)).contains(new AccuracyPoint(0, 0.25, 8));
    assertThat(AccuracyPoint.atOrBefore(results, atFirstKill)).contains(new AccuracyPoint(2, 0.625, 8));
    // v3 has no decision votes yet: the newest with votes is v2
    assertThat(AccuracyPoint.newest(results)).contains(new AccuracyPoint(2, 0.625, 8));
    assertThat(AccuracyPoint.versionPublishedBy(events, "other", T0.plusSeconds(25))).isZero();
  }

  private static CheckpointPublished checkpoint(int version, Instant at) {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/vz/" + version).setOccurredAt(at)
        .setPolicy(new PolicyRef("vz", version)).setCheckpoint(new BlobRef("blob:x", "x", "m", 1L))
        .setTrainerStep(version).setParentVersion(version - 1).setArchitecture("a").setRunId("chaos")
        .setHistory(Map.of()).build();
  }

  private static VersionResult result(int version, long correct, long votes) {
    VersionResult empty = VersionResult.empty(version, version);
    return new VersionResult(version, ClusteredProportion.EMPTY.plusGame(correct, votes),
        empty.noImageAccuracyVotes(), empty.naRateVotes(), empty.clueWinsAsSpy(), empty.clueWinsAsCivilians(),
        empty.clueFidelity(), empty.paperWinRate(), version, votes == 0 ? 0 : 1, empty.spyEchoRate(),
        empty.decisionAccuracyPerGame(), empty.noImageAccuracyPerGame(), 1, 0);
  }
}
