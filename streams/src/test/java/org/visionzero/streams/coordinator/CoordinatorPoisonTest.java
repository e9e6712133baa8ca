package org.visionzero.streams.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnRequested;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.visionzero.game.testing.Events;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.streams.testing.CoordinatorHarness;
import org.visionzero.topics.TopicCatalog;

/**
 * Records with impossible values are dead-lettered by the coordinator with a specific reason, and the games it
 * runs go on as if they had never been written.
 */
class CoordinatorPoisonTest {
  private static final String GAME = "g-p1-0-1";

  @Test
  void givenARunningGame_whenAOneMegabyteClueAnswersItsDueTurn_thenDeadLetteredAndTheTurnStillOpen() {
    try (CoordinatorHarness coordinator = started()) {
      TurnRequested turn0 = coordinator.turns().get(0);

      coordinator.answer(Events.clue(turn0, "x".repeat(1_000_000), coordinator.now()));

      assertThat(coordinator.turns()).isEmpty();
      assertThat(reasons(coordinator)).containsExactly("clue-too-long");
      coordinator.answer(Events.clue(turn0, coordinator.now()));
      assertThat(coordinator.turns()).extracting(TurnRequested::getTurn).containsExactly(1);
    }
  }

  @Test
  void givenAGameInItsClueStage_whenAVoteArrives_thenDeadLetteredAsAVoteBeforeTheClueStage() {
    try (CoordinatorHarness coordinator = started()) {
      TurnRequested turn0 = coordinator.turns().get(0);
      TurnRequested observer = TurnRequested.newBuilder(turn0).setTurn(8).setSeat(0).setRound(0).setSamples(8)
          .setKind(org.visionzero.events.TurnKind.DECISION).build();

      coordinator.answer(Events.decision(observer, 1, coordinator.now()));

      assertThat(reasons(coordinator)).containsExactly("vote-before-clue-stage");
      assertThat(coordinator.events()).isEmpty();
    }
  }

  @Test
  void givenAStartWithANegativeSpySeat_whenRead_thenDeadLetteredAndNoTurnRequested() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.pair(Events.pair("p1"));
      GameEvent start = coordinator.events().get(0);
      coordinator.turns();
      GameStarted payload = GameStarted.newBuilder((GameStarted) start.getPayload()).setSpySeat(-1).build();

      coordinator.answer(GameEvent.newBuilder(start).setGameId("poison-g").setEventId("poison-g/started")
          .setPayload(payload).build());

      assertThat(reasons(coordinator)).containsExactly("seat-out-of-range");
      assertThat(coordinator.turns()).isEmpty();
    }
  }

  @Test
  void givenAKnownVersion_whenACheckpointFromTheFutureArrives_thenRefusedAndTrainingGamesKeepTheKnownVersion() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.checkpoint(Events.checkpoint("vz", 3));
      CheckpointPublished future = CheckpointPublished.newBuilder(Events.checkpoint("vz", 1_000_000))
          .setParentVersion(999_999).build();

      coordinator.checkpoint(future);
      coordinator.checkpoint(Events.checkpoint("vz", 3)); // replayed: tolerated
      coordinator.pair(Events.pair("p1"));

      assertThat(reasons(coordinator)).containsExactly("version-from-the-future");
      assertThat(coordinator.started("g-p1-3-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 3));
      assertThat(coordinator.counter(CoordinatorMetrics.RECORDS_IGNORED, "reason", "duplicate")).isEqualTo(1.0);
    }
  }

  @Test
  void givenSignedCheckpoints_whenAnUnsignedOrWronglySignedOneArrives_thenRefusedAndOnlyTheSignedOneIsPlayed() {
    CheckpointSignature signature = CheckpointSignature.withKey(new byte[CheckpointSignature.MIN_KEY_BYTES]);
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of(), Events.T0, signature)) {
      CheckpointPublished v3 = Events.checkpoint("vz", 3);
      CheckpointPublished v4 = Events.checkpoint("vz", 4);
      byte[] key = "vz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] v3Bytes = TopicCatalog.defaults().checkpoints().valueSerde().serializer().serialize("t", v3);

      coordinator.checkpoint(v3, new RecordHeaders().add(CheckpointSignature.HEADER,
          signature.sign(key, v3Bytes).orElseThrow()));
      coordinator.checkpoint(v4, new RecordHeaders());
      coordinator.checkpoint(v4, new RecordHeaders().add(CheckpointSignature.HEADER, new byte[32]));
      coordinator.pair(Events.pair("p1"));

      assertThat(coordinator.deadLetters()).extracting(DeadLetter::getError)
          .satisfiesExactly(e -> assertThat(e).startsWith("UntrustedCheckpointException: unsigned"),
              e -> assertThat(e).contains("signature does not match"));
      assertThat(coordinator.started("g-p1-3-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 3));
    }
  }

  @Test
  void givenAKnownVersion_whenANewerOneArrivesWhoseParentWasCompactedAway_thenItsHistoryVouchesForIt() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.checkpoint(Events.checkpoint("vz", 3));
      CheckpointPublished v7 = CheckpointPublished.newBuilder(Events.checkpoint("vz", 7))
          .setHistory(Map.of("3", Events.checkpoint("vz", 3).getCheckpoint())).build();

      coordinator.checkpoint(v7);
      coordinator.pair(Events.pair("p1"));

      assertThat(coordinator.deadLetters()).isEmpty();
      assertThat(coordinator.started("g-p1-7-1").getCivilianPolicy()).isEqualTo(new PolicyRef("vz", 7));
    }
  }

  @Test
  void givenAPairWithoutAValidImageHash_whenRead_thenDeadLetteredAndNoGameStarts() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      ImagePairCreated pair = Events.pair("p1");
      BlobRef broken = BlobRef.newBuilder(pair.getOriginal()).setSha256("not-a-hash").build();

      coordinator.pair(ImagePairCreated.newBuilder(pair).setOriginal(broken).build());

      assertThat(reasons(coordinator)).containsExactly("blob-ref-invalid");
      assertThat(coordinator.events()).isEmpty();
    }
  }

  @Test
  void givenARequestPinningAVersionFarInTheFuture_whenRead_thenDeadLetteredAndNoGameStarts() {
    try (CoordinatorHarness coordinator = new CoordinatorHarness(Map.of())) {
      coordinator.pair(Events.pair("held", true));
      coordinator.checkpoint(Events.checkpoint("vz", 4));

      coordinator.request(Events.request("eval/run-1/1", "held", new PolicyRef("vz", 4),
          new PolicyRef("vz", 4 + AdmissionChecks.MAX_VERSIONS_AHEAD + 1), new PolicyRef("vz", 4)));
      coordinator.request(Events.request("eval/run-1/2", "held", new PolicyRef("vz", -7),
          new PolicyRef("vz", 4), new PolicyRef("vz", 4)));
      coordinator.request(Events.request("eval/run-1/3", "no-such-pair", new PolicyRef("vz", 4),
          new PolicyRef("vz", 4), new PolicyRef("vz", 4)));

      assertThat(reasons(coordinator))
          .containsExactly("version-from-the-future", "version-out-of-range", "unknown-pair");
      assertThat(coordinator.events()).isEmpty();
    }
  }

  private static List<String> reasons(CoordinatorHarness coordinator) {
    return coordinator.deadLetters().stream().map(DeadLetter::getError)
        .map(error -> error.replaceFirst("^InvalidRecordException: ([a-z0-9-]+): .*", "$1")).toList();
  }

  private static CoordinatorHarness started() {
    CoordinatorHarness coordinator = new CoordinatorHarness(Map.of());
    coordinator.pair(Events.pair("p1"));
    assertThat(coordinator.events()).extracting(GameEvent::getEventId).containsExactly(GAME + "/started");
    return coordinator;
  }
}
