package org.visionzero.streams.testing;

import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameState;

/** Complete game logs built with the game module's decider and a scripted worker, for scorer tests. */
public final class GameLogs {
  private GameLogs() {}

  /** The log of a code-mode game whose observer votes with the given kinds and seats (resolved by a function). */
  public static List<GameEvent> codeGame(String gameId, long seed, Purpose purpose, PolicyRef civilians,
      PolicyRef spy, ObserverVotes votes) {
    GameDecider decider = new GameDecider(GameConfig.code());
    ImagePairCreated pair = Events.pair("pair-" + gameId);
    GameCommand.StartGame start = new GameCommand.StartGame(gameId, pair.getPairId(), pair.getOriginal(),
        pair.getModified(), pair.getSpyHint(), purpose, civilians, spy, civilians, false, seed, null,
        java.util.Map.of(), Events.T0);
    List<GameEvent> log = new ArrayList<>();
    Decision decision = decider.decide(GameState.empty(), start);
    GameState state = decision.applyTo(GameState.empty());
    log.addAll(decision.events());
    List<TurnRequested> pending = new ArrayList<>(decision.turnRequests());
    int spySeat = state.started().getSpySeat();
    while (!pending.isEmpty()) {
      TurnRequested request = pending.remove(0);
      GameEvent answer = request.getKind() == TurnKind.CLUE
          ? Events.clue(request, Events.T0)
          : Events.decision(request, votes.kinds(), votes.seats(spySeat), Events.T0);
      decision = decider.decide(state, GameCommand.recordAnswer(answer));
      state = decision.applyTo(state);
      log.addAll(decision.events());
      pending.addAll(decision.turnRequests());
    }
    return log;
  }

  /** What the observer's G = 8 samples say, relative to the spy seat. */
  public interface ObserverVotes {
    List<VoteKind> kinds();

    List<Integer> seats(int spySeat);
  }

  /** Six votes for the spy, one for the first civilian, one N/A. */
  public static final ObserverVotes SIX_SPY_ONE_CIVILIAN_ONE_ABSTAIN = new ObserverVotes() {
    @Override
    public List<VoteKind> kinds() {
      return List.of(VoteKind.SEAT, VoteKind.SEAT, VoteKind.SEAT, VoteKind.SEAT, VoteKind.SEAT, VoteKind.SEAT,
          VoteKind.SEAT, VoteKind.ABSTAIN);
    }

    @Override
    public List<Integer> seats(int spySeat) {
      int civilian = firstCivilian(spySeat);
      return List.of(spySeat, spySeat, spySeat, spySeat, spySeat, spySeat, civilian, 0);
    }
  };

  /** Every sample names the first civilian: the spy wins. */
  public static final ObserverVotes ALL_WRONG = new ObserverVotes() {
    @Override
    public List<VoteKind> kinds() {
      return java.util.Collections.nCopies(8, VoteKind.SEAT);
    }

    @Override
    public List<Integer> seats(int spySeat) {
      return java.util.Collections.nCopies(8, firstCivilian(spySeat));
    }
  };

  public static int firstCivilian(int spySeat) {
    return spySeat == 1 ? 2 : 1;
  }
}
