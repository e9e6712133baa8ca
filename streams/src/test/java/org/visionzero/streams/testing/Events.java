package org.visionzero.streams.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.VoteKind;
import org.visionzero.game.fold.EventIds;

/** Builders of the events the tests feed in, and of a scripted worker's answers to turn requests. */
public final class Events {
  public static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);
  private static final long IMAGE_BYTES = 1234L;

  private Events() {}

  public static BlobRef blob(String sha256) {
    return new BlobRef("blob:sha256/" + sha256.substring(0, 2) + "/" + sha256, sha256, "image/png", IMAGE_BYTES);
  }

  public static ImagePairCreated pair(String pairId) {
    return pair(pairId, false);
  }

  public static ImagePairCreated pair(String pairId, boolean heldOut) {
    return ImagePairCreated.newBuilder()
        .setEventId("pair/" + pairId)
        .setOccurredAt(T0)
        .setPairId(pairId)
        .setSource(ImageSource.SCENES)
        .setOriginal(blob(SHA_A))
        .setModified(blob(SHA_B))
        .setDifferences(List.of())
        .setSpyHint("in the odd picture two objects differ")
        .setHeldOut(heldOut)
        .build();
  }

  public static CheckpointPublished checkpoint(String policy, int version) {
    return CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policy + "/" + version)
        .setOccurredAt(T0)
        .setPolicy(new PolicyRef(policy, version))
        .setCheckpoint(blob("c".repeat(64)))
        .setTrainerStep(version * 10L)
        .setParentVersion(Math.max(0, version - 1))
        .setArchitecture("test")
        .build();
  }

  public static GameRequested request(String eventId, String pairId, PolicyRef civilians, PolicyRef spy,
      PolicyRef decision) {
    return GameRequested.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(T0)
        .setPairId(pairId)
        .setPurpose(Purpose.EVALUATION)
        .setCivilianPolicy(civilians)
        .setSpyPolicy(spy)
        .setDecisionPolicy(decision)
        .setTags(Map.of("arm", "test"))
        .build();
  }

  /** A worker's clue for a clue turn request, as asked. */
  public static GameEvent clue(TurnRequested request, Instant at) {
    return clue(request, request.getSeat(), request.getAttempt(), at);
  }

  /** A clue with a chosen seat and attempt (to play wrong seats and stale attempts). */
  public static GameEvent clue(TurnRequested request, int seat, int attempt, Instant at) {
    ClueGiven clue = ClueGiven.newBuilder()
        .setTurn(request.getTurn())
        .setAttempt(attempt)
        .setSeat(seat)
        .setRound(request.getRound())
        .setText("clue of seat " + seat + " round " + request.getRound())
        .setSample(tokens(request.getTurn()))
        .setPolicy(request.getPolicy())
        .setWorkerId("scripted")
        .build();
    return answer(request.getGameId(), request.getTurn(), attempt, at, clue);
  }

  /** A decision answer whose samples all vote for {@code votedSeat}. */
  public static GameEvent decision(TurnRequested request, int votedSeat, Instant at) {
    List<VoteKind> kinds = new ArrayList<>();
    List<Integer> seats = new ArrayList<>();
    for (int i = 0; i < request.getSamples(); i++) {
      kinds.add(VoteKind.SEAT);
      seats.add(votedSeat);
    }
    return decision(request, kinds, seats, at);
  }

  /** A decision answer with one sample per (kind, seat) pair. */
  public static GameEvent decision(TurnRequested request, List<VoteKind> kinds, List<Integer> seats, Instant at) {
    List<DecisionSample> samples = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      samples.add(DecisionSample.newBuilder()
          .setVoterSeat(request.getSeat())
          .setSampleIndex(i)
          .setVoteKind(kinds.get(i))
          .setVotedSeat(kinds.get(i) == VoteKind.SEAT ? seats.get(i) : 0)
          .setText(kinds.get(i) == VoteKind.SEAT ? "seat " + seats.get(i) : "N/A")
          .setSample(tokens(i))
          .build());
    }
    DecisionSampled sampled = DecisionSampled.newBuilder()
        .setTurn(request.getTurn())
        .setAttempt(request.getAttempt())
        .setVoterSeat(request.getSeat())
        .setSamples(samples)
        .setPolicy(request.getPolicy())
        .setWorkerId("scripted")
        .build();
    return answer(request.getGameId(), request.getTurn(), request.getAttempt(), at, sampled);
  }

  private static GameEvent answer(String gameId, int turn, int attempt, Instant at, Object payload) {
    return GameEvent.newBuilder()
        .setEventId(EventIds.answer(gameId, turn, attempt))
        .setOccurredAt(at)
        .setGameId(gameId)
        .setPayload(payload)
        .build();
  }

  private static SampledTokens tokens(int seed) {
    return new SampledTokens(List.of(seed + 1, seed + 2), List.of(-0.5f, -0.25f));
  }
}
