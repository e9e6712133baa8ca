package org.visionzero.game.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.visionzero.events.BlobRef;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.score.TrajectoryScorer;

/**
 * Complete logs of code-mode games, played by the game module's {@link GameDecider} with a scripted worker
 * that answers every turn as asked, one second after the previous answer.
 *
 * <pre>{@code
 * List<GameEvent> log = GameLogs.codeGame("g-1").purpose(Purpose.EVALUATION)
 *     .clues(request -> "a red cube").votes(ObserverVotes.ALL_WRONG).play();
 * }</pre>
 */
public final class GameLogs {
  private GameLogs() {}

  /**
   * A game with a seed taken from its id, for training, every seat played by {@link Games#POLICY}, on
   * {@link Games#ORIGINAL} and {@link Games#MODIFIED}, clues that say "clue of seat k round r" and an observer
   * whose every sample names seat 1; each of these can be changed before {@link Builder#play()}.
   */
  public static Builder codeGame(String gameId) {
    return new Builder(gameId);
  }

  /** The trajectory the scorer writes for a complete log. */
  public static ScoredTrajectory score(List<GameEvent> log) {
    return TrajectoryScorer.byGameMode().score(GameEvolver.fold(log));
  }

  /** The lowest seat that is not the spy's: the civilian a wrong observer names. */
  public static int firstCivilian(int spySeat) {
    return spySeat == 1 ? 2 : 1;
  }

  /** What the observer's samples say, given the spy's seat. */
  @FunctionalInterface
  public interface ObserverVotes {
    /** Every sample names the spy: the civilians win. */
    ObserverVotes ALL_RIGHT = every(spy -> spy);

    /** Every sample names the first civilian: the spy wins. */
    ObserverVotes ALL_WRONG = every(GameLogs::firstCivilian);

    /** Of the code mode's 8 samples, six name the spy, one the first civilian, one says N/A. */
    ObserverVotes SIX_SPY_ONE_CIVILIAN_ONE_ABSTAIN = (spy, samples) ->
        new int[] {spy, spy, spy, spy, spy, spy, firstCivilian(spy), 0};

    /** The seat each sample names (0 = N/A, -1 = invalid), as {@link Games#votes} takes them. */
    int[] seats(int spySeat, int samples);

    /** Every sample names the same seat, chosen from the spy's. */
    static ObserverVotes every(IntUnaryOperator seatGivenSpy) {
      return (spy, samples) -> {
        int[] seats = new int[samples];
        Arrays.fill(seats, seatGivenSpy.applyAsInt(spy));
        return seats;
      };
    }

    /** Every sample names {@code seat}, whoever the spy is. */
    static ObserverVotes naming(int seat) {
      return every(spy -> seat);
    }
  }

  /** One game to play; the setters return the builder. */
  public static final class Builder {
    private final String gameId;
    private long seed;
    private Purpose purpose = Purpose.TRAINING;
    private PolicyRef civilians = Games.POLICY;
    private PolicyRef spy = Games.POLICY;
    private BlobRef original = Games.ORIGINAL;
    private BlobRef modified = Games.MODIFIED;
    private Function<TurnRequested, String> clues = request -> Games.clueText(request.getSeat(), request.getRound());
    private ObserverVotes votes = ObserverVotes.naming(1);

    private Builder(String gameId) {
      this.gameId = gameId;
      this.seed = gameId.hashCode();
    }

    /** The seed the decider draws the spy's seat from. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder purpose(Purpose purpose) {
      this.purpose = purpose;
      return this;
    }

    /** The civilians' policy, which also plays the observer, and the spy's. */
    public Builder policies(PolicyRef civilians, PolicyRef spy) {
      this.civilians = civilians;
      this.spy = spy;
      return this;
    }

    public Builder images(BlobRef original, BlobRef modified) {
      this.original = original;
      this.modified = modified;
      return this;
    }

    /** What the worker says at each clue turn. */
    public Builder clues(Function<TurnRequested, String> clues) {
      this.clues = clues;
      return this;
    }

    public Builder votes(ObserverVotes votes) {
      this.votes = votes;
      return this;
    }

    /** Every event of the game, from its start to its completion, in the order the decider wrote them. */
    public List<GameEvent> play() {
      GameDecider decider = new GameDecider(GameConfig.code());
      GameCommand.StartGame start = new GameCommand.StartGame(gameId, "pair-" + gameId, original, modified,
          Games.HINT, purpose, civilians, spy, civilians, false, seed, null, Map.of(), Games.T0);
      Decision decision = decider.decide(GameState.empty(), start);
      GameState state = decision.applyTo(GameState.empty());
      List<GameEvent> log = new ArrayList<>(decision.events());
      List<TurnRequested> pending = new ArrayList<>(decision.turnRequests());
      int spySeat = state.started().getSpySeat();
      Instant at = Games.T0;
      while (!pending.isEmpty()) {
        TurnRequested request = pending.remove(0);
        at = at.plusSeconds(1);
        GameEvent answer = request.getKind() == TurnKind.CLUE
            ? Events.clue(request, clues.apply(request), at)
            : Events.decision(request, votes.seats(spySeat, request.getSamples()), at);
        decision = decider.decide(state, GameCommand.recordAnswer(answer));
        state = decision.applyTo(state);
        log.addAll(decision.events());
        pending.addAll(decision.turnRequests());
      }
      return log;
    }
  }
}
