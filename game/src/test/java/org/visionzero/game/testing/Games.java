package org.visionzero.game.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.visionzero.blob.FileBlobStore;
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
import org.visionzero.game.fold.EventIds;
import org.visionzero.game.fold.GameCommand.StartGame;

/**
 * One game's events made by hand: its start, a clue or a decision at a turn the test names, and the images,
 * policies and time every fixture uses. {@link Events} answers turn requests with these; {@link GameLogs}
 * plays whole games with them.
 */
public final class Games {
  public static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  public static final BlobRef ORIGINAL = blob("a".repeat(64));
  public static final BlobRef MODIFIED = blob("b".repeat(64));
  public static final PolicyRef POLICY = new PolicyRef("vz", 3);
  public static final PolicyRef SPY_POLICY = new PolicyRef("random", 0);
  public static final PolicyRef REFEREE = new PolicyRef("vz", 0);
  public static final String HINT = "in the odd picture two objects differ";
  private static final String WORKER = "scripted";
  private static final long IMAGE_BYTES = 1234L;

  private Games() {}

  /** A reference to an image that is not stored, in the form the blob store gives its own. */
  public static BlobRef blob(String sha256) {
    return new BlobRef(FileBlobStore.URI_PREFIX + sha256, sha256, "image/png", IMAGE_BYTES);
  }

  public static StartGame start(String gameId, long seed) {
    return start(gameId, seed, false);
  }

  public static StartGame start(String gameId, long seed, boolean blankDecisionImage) {
    return new StartGame(gameId, "pair-1", ORIGINAL, MODIFIED, HINT, Purpose.EVALUATION, POLICY, SPY_POLICY,
        REFEREE, blankDecisionImage, seed, "eval/run/1", Map.of("arm", "b", "a", "z"), T0);
  }

  /** The text of a scripted clue: it says who spoke when, so a test sees whose clue a seat was shown. */
  public static String clueText(int seat, int round) {
    return "clue of seat " + seat + " round " + round;
  }

  public static GameEvent clue(String gameId, int turn, int attempt, int seat, int round, Instant at) {
    return clue(gameId, turn, attempt, seat, round, clueText(seat, round), POLICY, at);
  }

  /**
   * A clue with its own text, given by {@code policy}. Its reasoning names the seat and round (a seat is shown
   * its own reasoning only); its tokens are (seat, round).
   */
  public static GameEvent clue(String gameId, int turn, int attempt, int seat, int round, String text,
      PolicyRef policy, Instant at) {
    ClueGiven clue = ClueGiven.newBuilder().setTurn(turn).setAttempt(attempt).setSeat(seat).setRound(round)
        .setText(text).setRawOutput("I reason. \\boxed{" + text + "}")
        .setReasoning("reasoning of seat " + seat + " round " + round)
        .setSample(new SampledTokens(List.of(seat, round), List.of(-0.5f, -0.25f))).setPolicy(policy)
        .setWorkerId(WORKER).build();
    return envelope(EventIds.answer(gameId, turn, attempt), at, gameId, clue);
  }

  public static GameEvent decision(String gameId, int turn, int attempt, int voterSeat, List<DecisionSample> samples,
      Instant at) {
    return decision(gameId, turn, attempt, voterSeat, samples, REFEREE, at);
  }

  public static GameEvent decision(String gameId, int turn, int attempt, int voterSeat, List<DecisionSample> samples,
      PolicyRef policy, Instant at) {
    DecisionSampled decision = DecisionSampled.newBuilder().setTurn(turn).setAttempt(attempt)
        .setVoterSeat(voterSeat).setSamples(samples).setPolicy(policy).setWorkerId(WORKER).build();
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

  public static GameEvent envelope(String eventId, Instant at, String gameId, Object payload) {
    return GameEvent.newBuilder().setEventId(eventId).setOccurredAt(at).setGameId(gameId).setPayload(payload).build();
  }
}
