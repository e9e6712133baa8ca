package org.visionzero.game.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.TurnRequested;

/**
 * The events a game is started from (pairs, checkpoints, game requests), and a scripted worker's answers to
 * turn requests: answered as asked, by the requested policy, unless a test says otherwise.
 */
public final class Events {
  /** {@link Games#T0}, here too so that tests of a topology's inputs need only this class. */
  public static final Instant T0 = Games.T0;

  private Events() {}

  public static ImagePairCreated pair(String pairId) {
    return pair(pairId, false);
  }

  public static ImagePairCreated pair(String pairId, boolean heldOut) {
    return ImagePairCreated.newBuilder()
        .setEventId("pair/" + pairId)
        .setOccurredAt(T0)
        .setPairId(pairId)
        .setSource(ImageSource.SCENES)
        .setOriginal(Games.ORIGINAL)
        .setModified(Games.MODIFIED)
        .setDifferences(List.of())
        .setSpyHint(Games.HINT)
        .setHeldOut(heldOut)
        .build();
  }

  public static CheckpointPublished checkpoint(String policy, int version) {
    return CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policy + "/" + version)
        .setOccurredAt(T0)
        .setPolicy(new PolicyRef(policy, version))
        .setCheckpoint(Games.blob("c".repeat(64)))
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
    return Games.clue(request.getGameId(), request.getTurn(), attempt, seat, request.getRound(),
        Games.clueText(seat, request.getRound()), request.getPolicy(), at);
  }

  /** A clue that says {@code text}. */
  public static GameEvent clue(TurnRequested request, String text, Instant at) {
    return Games.clue(request.getGameId(), request.getTurn(), request.getAttempt(), request.getSeat(),
        request.getRound(), text, request.getPolicy(), at);
  }

  /** A decision answer whose samples all vote for {@code votedSeat}. */
  public static GameEvent decision(TurnRequested request, int votedSeat, Instant at) {
    int[] seats = new int[request.getSamples()];
    Arrays.fill(seats, votedSeat);
    return decision(request, seats, at);
  }

  /** A decision answer with one sample per seat (0 = N/A, -1 = invalid). */
  public static GameEvent decision(TurnRequested request, int[] seats, Instant at) {
    return Games.decision(request.getGameId(), request.getTurn(), request.getAttempt(), request.getSeat(),
        Games.votes(request.getSeat(), seats), request.getPolicy(), at);
  }
}
