package org.visionzero.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.ClueRecord;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.DecisionMode;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.Difference;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.Outcome;
import org.visionzero.events.Phase;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.TurnRetried;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;

/** One fully populated instance of every event type, for round-trip tests. */
final class SampleEvents {
  static final Instant T = Instant.ofEpochMilli(1_790_000_000_000L);
  static final BlobRef IMAGE = BlobRef.newBuilder().setUri("blob:sha256/" + "a".repeat(64))
      .setSha256("a".repeat(64)).setMediaType("image/png").setSize(1234).build();
  static final PolicyRef V3 = new PolicyRef("vz", 3);
  static final SampledTokens TOKENS = new SampledTokens(List.of(4, 9, 2), List.of(-0.1f, -1.5f, -0.01f));

  private SampleEvents() {}

  static ImagePairCreated imagePair() {
    return ImagePairCreated.newBuilder().setEventId("pair/p1").setOccurredAt(T).setPairId("p1")
        .setSource(ImageSource.SCENES).setOriginal(IMAGE).setModified(IMAGE)
        .setDifferences(List.of(new Difference("object", "red cube -> blue sphere", 1, 2, 3, 4)))
        .setSpyHint("in the odd picture two objects differ").setSceneGraphJson("{}").setBroken(null)
        .setHeldOut(true).setSeed(42L).setWidth(128).setHeight(128).build();
  }

  static GameRequested gameRequested() {
    return GameRequested.newBuilder().setEventId("eval/r1/1").setOccurredAt(T).setPairId("p1")
        .setPurpose(Purpose.EVALUATION).setCivilianPolicy(V3).setSpyPolicy(new PolicyRef("vz", 0))
        .setDecisionPolicy(V3).setBlankDecisionImage(true).setSeed(7L).setRequestedBy("evaluator")
        .setTags(Map.of("arm", "spy")).build();
  }

  static TurnRequested turnRequested() {
    return TurnRequested.newBuilder().setEventId("g1/2/1").setOccurredAt(T).setGameId("g1").setTurn(2)
        .setAttempt(1).setKind(TurnKind.CLUE).setSeat(3).setRound(1).setRole(Role.SPY).setNumPlayers(4)
        .setPolicy(V3).setImage(IMAGE).setSpyHint("hint")
        .setHistory(List.of(new ClueRecord(1, 1, "red cube", List.of(4, 9))))
        .setOwnReasoning(List.of()).setSamples(1).setTemperature(0.8f).setSamplingSeed(99L)
        .setPurpose(Purpose.TRAINING).setDeadlineAt(T.plusSeconds(30)).build();
  }

  static List<GameEvent> gameEvents() {
    GameStarted started = GameStarted.newBuilder().setPairId("p1").setPurpose(Purpose.TRAINING).setMode("code")
        .setNumPlayers(4).setSpySeat(2).setClueRounds(2).setDecisionMode(DecisionMode.OBSERVER)
        .setDecisionSamples(8).setMaxAttempts(3).setCivilianImage(IMAGE).setSpyImage(IMAGE)
        .setDecisionImage(null).setSpyHint("hint").setCivilianPolicy(V3).setSpyPolicy(V3)
        .setDecisionPolicy(V3).setSeed(5L).setRequestId(null).setTags(Map.of()).build();
    ClueGiven clue = ClueGiven.newBuilder().setTurn(0).setAttempt(1).setSeat(1).setRound(1).setText("red cube")
        .setRawOutput("red cube").setReasoning("").setSample(TOKENS).setPolicy(V3).setWorkerId("w1").build();
    DecisionSample vote = DecisionSample.newBuilder().setVoterSeat(0).setSampleIndex(0)
        .setVoteKind(VoteKind.SEAT).setVotedSeat(2).setText("2").setReasoning("").setFormatOk(true)
        .setSample(new SampledTokens(List.of(2), List.of(-0.3f))).build();
    DecisionSampled decision = DecisionSampled.newBuilder().setTurn(8).setAttempt(1).setVoterSeat(0)
        .setSamples(List.of(vote)).setPolicy(V3).setWorkerId("w1").build();
    Outcome outcome = new Outcome(2, List.of(0, 1, 0, 0), 0, 0, 1, Winner.CIVILIANS, 1.0);
    return List.of(
        envelope("g1/started", started),
        envelope("g1/0/1/answer", clue),
        envelope("g1/8/1/answer", decision),
        envelope("g1/3/2/retry", new TurnRetried(3, 2, "timeout after 30000 ms")),
        envelope("g1/completed", new GameCompleted(outcome)),
        envelope("g1/aborted", new GameAborted(3, 3, "turn 3 unanswered after 3 attempts")));
  }

  static ScoredTrajectory trajectory() {
    Outcome outcome = new Outcome(2, List.of(0, 1, 0, 0), 0, 0, 1, Winner.CIVILIANS, 1.0);
    DecisionSample vote = DecisionSample.newBuilder().setVoterSeat(0).setSampleIndex(0)
        .setVoteKind(VoteKind.ABSTAIN).setVotedSeat(0).setSample(new SampledTokens(List.of(5), List.of(-2f)))
        .build();
    return ScoredTrajectory.newBuilder().setEventId("g1/scored").setOccurredAt(T).setGameId("g1")
        .setPairId("p1").setPurpose(Purpose.TRAINING).setMode("code").setNumPlayers(4).setSpySeat(2)
        .setCivilianPolicy(V3).setSpyPolicy(V3).setDecisionPolicy(V3)
        .setClueRewards(List.of(0.1, -0.3, 0.1, 0.1))
        .setClues(List.of(new ScoredClue(1, 1, Role.CIVILIAN, "red cube", TOKENS, V3, 0.1)))
        .setDecisions(List.of(new ScoredDecision(vote, V3, false, -0.3, 0.0)))
        .setOutcome(outcome).setBlankDecisionImage(false).setTags(Map.of()).build();
  }

  static CheckpointPublished checkpoint() {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/vz/3").setOccurredAt(T).setPolicy(V3)
        .setCheckpoint(IMAGE).setTrainerStep(30).setParentVersion(2).setArchitecture("arch-1").setRunId("run1")
        .setHistory(Map.of("2", IMAGE)).build();
  }

  static List<TrainingEvent> trainingEvents() {
    TrainingStepCompleted step = TrainingStepCompleted.newBuilder().setStep(1).setPolicyVersion(0)
        .setPhase(Phase.DECISION).setApplied(true).setSkipReason("").setGames(8).setSamples(64)
        .setDroppedStale(0).setMeanStaleness(0.5).setLoss(0.1).setKl(0.01).setClipFraction(0.02)
        .setGradNorm(1.2).setLearningRate(1e-4).setMeanSpyReward(-0.1).setMeanCivilianReward(0.03)
        .setBaselineSpy(-0.01).setBaselineCivilian(0.003).setMeanDecisionReward(0.4).setDecisionAccuracy(0.5)
        .setNaRate(0.1).setInvalidRate(0.0).setMeanClueLength(4.5).setSpyWinRate(0.4).build();
    return List.of(
        new TrainingEvent("run1/step/1", T, "run1", step),
        new TrainingEvent("run1/phase/1", T, "run1", new PhaseChanged(1L, Phase.DECISION, Phase.CLUE, "cycle")));
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder().setEventId("vz.image-pairs/0/12").setOccurredAt(T).setComponent("coordinator")
        .setSourceTopic("vz.image-pairs").setSourcePartition(0).setSourceOffset(12L)
        .setKey(ByteBuffer.wrap(new byte[] {1, 2})).setValue(ByteBuffer.wrap(new byte[] {3}))
        .setError("bad").setErrorClass("java.lang.IllegalStateException").setReference("").build();
  }

  private static GameEvent envelope(String id, Object payload) {
    return new GameEvent(id, T, "g1", payload);
  }
}
