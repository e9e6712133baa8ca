package org.visionzero.streams.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.EventIds;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.score.TrajectoryScorer;
import org.visionzero.events.ScoredTrajectory;

/** Code-mode games played by the game module's decider with a scripted worker whose clues a test chooses. */
public final class TestGames {
  public static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
  public static final PolicyRef VZ = new PolicyRef("vz", 3);
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  private TestGames() {}

  public static BlobRef fakeBlob(String sha256) {
    return new BlobRef("blob:sha256/" + sha256, sha256, "image/png", 1L);
  }

  /** A game on two fake images whose clues say "clue of seat k round r" and whose observer names seat 1. */
  public static List<GameEvent> codeGame(String gameId, Purpose purpose) {
    return codeGame(gameId, purpose, fakeBlob(SHA_A), fakeBlob(SHA_B),
        request -> "clue of seat " + request.getSeat() + " round " + request.getRound(), spy -> 1);
  }

  /**
   * A complete code-mode game.
   *
   * @param clueText what the worker says at a clue turn
   * @param vote     the seat every observer sample names, given the spy seat
   */
  public static List<GameEvent> codeGame(String gameId, Purpose purpose, BlobRef original, BlobRef modified,
      Function<TurnRequested, String> clueText, Function<Integer, Integer> vote) {
    GameDecider decider = new GameDecider(GameConfig.code());
    GameCommand.StartGame start = new GameCommand.StartGame(gameId, "pair-" + gameId, original, modified,
        "two objects differ", purpose, VZ, VZ, VZ, false, gameId.hashCode(), null, Map.of(), T0);
    List<GameEvent> log = new ArrayList<>();
    Decision decision = decider.decide(GameState.empty(), start);
    GameState state = decision.applyTo(GameState.empty());
    log.addAll(decision.events());
    List<TurnRequested> pending = new ArrayList<>(decision.turnRequests());
    int minute = 0;
    while (!pending.isEmpty()) {
      TurnRequested request = pending.remove(0);
      Instant at = T0.plusSeconds(++minute);
      GameEvent answer = request.getKind() == TurnKind.CLUE
          ? clue(request, clueText.apply(request), at)
          : decision(request, vote.apply(state.started().getSpySeat()), at);
      decision = decider.decide(state, GameCommand.recordAnswer(answer));
      state = decision.applyTo(state);
      log.addAll(decision.events());
      pending.addAll(decision.turnRequests());
    }
    return log;
  }

  /** The trajectory the scorer writes for a complete log. */
  public static ScoredTrajectory score(List<GameEvent> log) {
    return TrajectoryScorer.byGameMode().score(GameEvolver.fold(log));
  }

  public static GameEvent clue(TurnRequested request, String text, Instant at) {
    ClueGiven clue = ClueGiven.newBuilder().setTurn(request.getTurn()).setAttempt(request.getAttempt())
        .setSeat(request.getSeat()).setRound(request.getRound()).setText(text)
        .setRawOutput("I reason. \\boxed{" + text + "}").setReasoning("I reason.")
        .setSample(new SampledTokens(List.of(request.getTurn() + 1, 7), List.of(-0.5f, -0.25f)))
        .setPolicy(request.getPolicy()).setWorkerId("scripted").build();
    return GameEvent.newBuilder().setEventId(EventIds.answer(request.getGameId(), request.getTurn(),
        request.getAttempt())).setOccurredAt(at).setGameId(request.getGameId()).setPayload(clue).build();
  }

  static GameEvent decision(TurnRequested request, int seat, Instant at) {
    List<DecisionSample> samples = new ArrayList<>();
    for (int i = 0; i < request.getSamples(); i++) {
      samples.add(DecisionSample.newBuilder().setVoterSeat(request.getSeat()).setSampleIndex(i)
          .setVoteKind(VoteKind.SEAT).setVotedSeat(seat).setText("\\boxed{" + seat + "}")
          .setSample(new SampledTokens(List.of(seat), List.of(-0.1f * (i + 1)))).build());
    }
    DecisionSampled sampled = DecisionSampled.newBuilder().setTurn(request.getTurn())
        .setAttempt(request.getAttempt()).setVoterSeat(request.getSeat()).setSamples(samples)
        .setPolicy(request.getPolicy()).setWorkerId("scripted").build();
    return GameEvent.newBuilder().setEventId(EventIds.answer(request.getGameId(), request.getTurn(),
        request.getAttempt())).setOccurredAt(at).setGameId(request.getGameId()).setPayload(sampled).build();
  }

  /** Every event id of a log, in order. */
  public static List<String> eventIds(List<GameEvent> log) {
    return Collections.unmodifiableList(log.stream().map(GameEvent::getEventId).toList());
  }
}
