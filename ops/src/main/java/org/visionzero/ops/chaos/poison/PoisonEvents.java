package org.visionzero.ops.chaos.poison;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionMode;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.Outcome;
import org.visionzero.events.Phase;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.hash.Sha256;

/**
 * Well-formed events of every input topic, built from scratch with the values {@link PoisonRecipes} needs
 * (a {@code poison-} id, a blob nobody stored): the base of every poison kind but random bytes and replays.
 */
final class PoisonEvents {
  private static final String MODE = "code";
  private static final String PREFIX = PoisonRecipes.PREFIX;

  private PoisonEvents() {}

  static String sha256Of(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A reference to a blob nobody stored. */
  static BlobRef blob(String id) {
    String sha = sha256Of(id);
    return new BlobRef(FileBlobStore.URI_PREFIX + sha, sha, "image/png", 64L);
  }

  static ImagePairCreated pair(String pairId) {
    return ImagePairCreated.newBuilder().setEventId("pair/" + pairId).setOccurredAt(Instant.now())
        .setPairId(pairId).setSource(ImageSource.OTHER).setOriginal(blob(pairId + "/a"))
        .setModified(blob(pairId + "/b")).setDifferences(List.of()).setSpyHint("")
        .setHeldOut(false).setSeed(0L).setWidth(64).setHeight(64).build();
  }

  static GameRequested request(String id, PolicyRef spy) {
    return GameRequested.newBuilder().setEventId("eval/" + id).setOccurredAt(Instant.now()).setPairId(id)
        .setPurpose(Purpose.EVALUATION).setCivilianPolicy(new PolicyRef("random", 0)).setSpyPolicy(spy)
        .setDecisionPolicy(new PolicyRef("random", 0)).setBlankDecisionImage(false).setRequestedBy(id)
        .setTags(Map.of()).build();
  }

  static TurnRequested turn(String gameId, int seat, PolicyRef policy) {
    return TurnRequested.newBuilder().setEventId(gameId + "/0/1").setOccurredAt(Instant.now()).setGameId(gameId)
        .setTurn(0).setAttempt(1).setKind(TurnKind.CLUE).setSeat(seat).setRound(1).setRole(Role.CIVILIAN)
        .setNumPlayers(4).setPolicy(policy).setImage(null).setSpyHint("").setHistory(List.of())
        .setOwnReasoning(List.of()).setSamples(1).setTemperature(1.0f).setSamplingSeed(1L)
        .setPurpose(Purpose.TRAINING).setDeadlineAt(Instant.now().plusSeconds(30)).build();
  }

  static GameEvent clue(String gameId, int seat, String text) {
    ClueGiven clue = ClueGiven.newBuilder().setTurn(0).setAttempt(1).setSeat(seat).setRound(1).setText(text)
        .setRawOutput("\\boxed{...}").setReasoning("").setSample(new SampledTokens(List.of(1), List.of(-0.5f)))
        .setPolicy(new PolicyRef("random", 0)).setWorkerId(PREFIX + "writer").build();
    return envelope(gameId, gameId + "/0/1/answer", clue);
  }

  /** A well-formed start of a game no pair backs, played by a policy no worker has: its turns are refused. */
  static GameEvent started(String gameId) {
    PolicyRef nobody = new PolicyRef(PREFIX + "policy", 0);
    GameStarted started = GameStarted.newBuilder().setPairId(gameId).setPurpose(Purpose.TRAINING).setMode(MODE)
        .setNumPlayers(4).setSpySeat(2).setClueRounds(2).setDecisionMode(DecisionMode.OBSERVER)
        .setDecisionSamples(8).setMaxAttempts(1).setCivilianImage(blob(gameId + "/a"))
        .setSpyImage(blob(gameId + "/b")).setDecisionImage(blob(gameId + "/a")).setSpyHint("")
        .setCivilianPolicy(nobody).setSpyPolicy(nobody).setDecisionPolicy(nobody).setSeed(1L)
        .setRequestId(null).setTags(Map.of()).build();
    return envelope(gameId, gameId + "/started", started);
  }

  /** The observer's vote at the decision turn (8 of 4 players × 2 rounds) while turn 0 is still due. */
  static GameEvent voteAtDecisionTurn(String gameId) {
    List<DecisionSample> samples = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      samples.add(DecisionSample.newBuilder().setVoterSeat(0).setSampleIndex(i).setVoteKind(VoteKind.SEAT)
          .setVotedSeat(2).setSample(new SampledTokens(List.of(2), List.of(-0.1f))).build());
    }
    DecisionSampled vote = DecisionSampled.newBuilder().setTurn(8).setAttempt(1).setVoterSeat(0)
        .setSamples(samples).setPolicy(new PolicyRef(PREFIX + "policy", 0)).setWorkerId(PREFIX + "writer").build();
    return envelope(gameId, gameId + "/8/1/answer", vote);
  }

  static GameEvent envelope(String gameId, String eventId, Object payload) {
    return GameEvent.newBuilder().setEventId(eventId).setOccurredAt(Instant.now()).setGameId(gameId)
        .setPayload(payload).build();
  }

  static ScoredTrajectory trajectory(String gameId, double clueReward) {
    PolicyRef policy = new PolicyRef("random", 0);
    Outcome outcome = Outcome.newBuilder().setSpySeat(2).setVotesPerSeat(List.of(0, 0, 0, 0)).setAbstentions(0)
        .setInvalidVotes(0).setTotalVotes(0).setWinner(Winner.SPY).setDecisionAccuracy(0.0).build();
    return ScoredTrajectory.newBuilder().setEventId(gameId + "/scored").setOccurredAt(Instant.now())
        .setGameId(gameId).setPairId(gameId).setPurpose(Purpose.TRAINING).setMode(MODE).setNumPlayers(4)
        .setSpySeat(2).setCivilianPolicy(policy).setSpyPolicy(policy).setDecisionPolicy(policy)
        .setClueRewards(List.of(clueReward, 0.0, 0.0, 0.0)).setClues(List.of()).setDecisions(List.of())
        .setOutcome(outcome).setBlankDecisionImage(false).setTags(Map.of()).build();
  }

  static CheckpointPublished checkpointEvent(String policy, int version, BlobRef blob, String runId) {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/" + policy + "/" + version)
        .setOccurredAt(Instant.now()).setPolicy(new PolicyRef(policy, version)).setCheckpoint(blob)
        .setTrainerStep(0L).setParentVersion(version - 1).setArchitecture(PREFIX + "architecture")
        .setRunId(runId).setHistory(Map.of()).build();
  }

  static TrainingEvent training(String runId, double loss) {
    TrainingStepCompleted step = TrainingStepCompleted.newBuilder().setStep(1L).setPolicyVersion(0)
        .setPhase(Phase.CLUE).setApplied(true).setGames(1).setSamples(1).setDroppedStale(0).setMeanStaleness(0.0)
        .setLoss(loss).setKl(0.0).setClipFraction(0.0).setGradNorm(0.0).setLearningRate(0.0)
        .setMeanSpyReward(0.0).setMeanCivilianReward(0.0).setBaselineSpy(0.0).setBaselineCivilian(0.0)
        .setMeanDecisionReward(0.0).setDecisionAccuracy(0.0).setNaRate(0.0).setInvalidRate(0.0)
        .setMeanClueLength(0.0).setSpyWinRate(0.0).build();
    return TrainingEvent.newBuilder().setEventId(runId + "/step/1").setOccurredAt(Instant.now()).setRunId(runId)
        .setPayload(step).build();
  }
}
