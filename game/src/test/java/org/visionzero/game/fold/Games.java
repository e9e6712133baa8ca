package org.visionzero.game.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.VoteKind;
import org.visionzero.game.fold.GameCommand.StartGame;

/** Test fixtures: games, and workers' answers to turn requests. */
public final class Games {
  public static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  public static final BlobRef ORIGINAL = new BlobRef("blob:sha256/aa/aa11", "aa11", "image/png", 100L);
  public static final BlobRef MODIFIED = new BlobRef("blob:sha256/bb/bb22", "bb22", "image/png", 101L);
  public static final PolicyRef POLICY = new PolicyRef("vz", 3);
  public static final PolicyRef SPY_POLICY = new PolicyRef("random", 0);
  public static final PolicyRef REFEREE = new PolicyRef("vz", 0);
  public static final String HINT = "in the odd picture two objects differ";

  private Games() {}

  public static StartGame start(String gameId, long seed) {
    return start(gameId, seed, false);
  }

  public static StartGame start(String gameId, long seed, boolean blankDecisionImage) {
    return new StartGame(gameId, "pair-1", ORIGINAL, MODIFIED, HINT, Purpose.EVALUATION, POLICY, SPY_POLICY,
        REFEREE, blankDecisionImage, seed, "eval/run/1", Map.of("arm", "b", "a", "z"), T0);
  }

  public static GameEvent clue(String gameId, int turn, int attempt, int seat, int round, Instant at) {
    ClueGiven clue = ClueGiven.newBuilder().setTurn(turn).setAttempt(attempt).setSeat(seat).setRound(round)
        .setText("clue of seat " + seat + " round " + round).setRawOutput("raw")
        .setReasoning("reasoning of seat " + seat + " round " + round)
        .setSample(new SampledTokens(List.of(seat, round), List.of(-0.5f, -0.25f))).setPolicy(POLICY)
        .setWorkerId("w1").build();
    return envelope(EventIds.answer(gameId, turn, attempt), at, gameId, clue);
  }

  public static GameEvent decision(String gameId, int turn, int attempt, int voterSeat, List<DecisionSample> samples,
      Instant at) {
    DecisionSampled decision = DecisionSampled.newBuilder().setTurn(turn).setAttempt(attempt)
        .setVoterSeat(voterSeat).setSamples(samples).setPolicy(REFEREE).setWorkerId("w2").build();
    return envelope(EventIds.answer(gameId, turn, attempt), at, gameId, decision);
  }

  public static DecisionSample vote(int voterSeat, int index, VoteKind kind, int seat) {
    return DecisionSample.newBuilder().setVoterSeat(voterSeat).setSampleIndex(index).setVoteKind(kind)
        .setVotedSeat(seat).setText("\\boxed{" + seat + "}").setReasoning("because").setFormatOk(true)
        .setSample(new SampledTokens(List.of(seat), List.of(-0.1f))).build();
  }

  /** Votes for a list of seats (0 = N/A, -1 = invalid). */
  public static List<DecisionSample> votes(int voterSeat, int... seats) {
    List<DecisionSample> samples = new ArrayList<>();
    for (int seat : seats) {
      VoteKind kind = seat > 0 ? VoteKind.SEAT : seat == 0 ? VoteKind.ABSTAIN : VoteKind.INVALID;
      samples.add(vote(voterSeat, samples.size(), kind, Math.max(seat, 0)));
    }
    return samples;
  }

  /** What a worker answers to a request, with random votes. */
  public static GameEvent answer(TurnRequested request, Random random, Instant at) {
    if (request.getKind() == TurnKind.CLUE) {
      return clue(request.getGameId(), request.getTurn(), request.getAttempt(), request.getSeat(),
          request.getRound(), at);
    }
    int[] seats = new int[request.getSamples()];
    for (int i = 0; i < seats.length; i++) {
      seats[i] = random.nextInt(request.getNumPlayers() + 2) - 1;
    }
    return decision(request.getGameId(), request.getTurn(), request.getAttempt(), request.getSeat(),
        votes(request.getSeat(), seats), at);
  }

  static GameEvent envelope(String eventId, Instant at, String gameId, Object payload) {
    return GameEvent.newBuilder().setEventId(eventId).setOccurredAt(at).setGameId(gameId).setPayload(payload).build();
  }
}
