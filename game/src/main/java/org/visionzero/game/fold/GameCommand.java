package org.visionzero.game.fold;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;

/** What the coordinator asks of a game; {@link GameDecider} turns a command into events. */
public sealed interface GameCommand
    permits GameCommand.StartGame, GameCommand.RecordClue, GameCommand.RecordDecision, GameCommand.CheckTimeouts {

  /**
   * Start a game on an image pair.
   *
   * @param gameId             the game id, chosen by the coordinator
   * @param pairId             the image pair
   * @param original           the original image (civilians, observer)
   * @param modified           the modified image (the spy, in code mode)
   * @param spyHint            the rules sentence about what differs
   * @param purpose            TRAINING or EVALUATION
   * @param civilianPolicy     policy of the civilian seats
   * @param spyPolicy          policy of the spy seat
   * @param decisionPolicy     policy of the decision stage
   * @param blankDecisionImage no-image control: the decision stage sees a blank image
   * @param seed               game seed (spy seat, sampling seeds)
   * @param requestId          eventId of the GameRequested, or null for a training game started from a pair
   * @param tags               labels echoed on the game
   * @param now                the time of the start
   */
  record StartGame(String gameId, String pairId, BlobRef original, BlobRef modified, String spyHint,
      Purpose purpose, PolicyRef civilianPolicy, PolicyRef spyPolicy, PolicyRef decisionPolicy,
      boolean blankDecisionImage, long seed, String requestId, Map<String, String> tags, Instant now)
      implements GameCommand {

    public StartGame {
      requireText(gameId, "gameId");
      requireText(pairId, "pairId");
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(modified, "modified");
      Objects.requireNonNull(spyHint, "spyHint");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(civilianPolicy, "civilianPolicy");
      Objects.requireNonNull(spyPolicy, "spyPolicy");
      Objects.requireNonNull(decisionPolicy, "decisionPolicy");
      Objects.requireNonNull(now, "now");
      // Sorted, so the recorded event is the same bytes whatever map the caller passed.
      tags = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
    }

    /** A training game: every seat and the decision stage played by one policy. */
    public static StartGame training(String gameId, ImagePairCreated pair, PolicyRef policy, long seed,
        Instant now) {
      return new StartGame(gameId, pair.getPairId(), pair.getOriginal(), pair.getModified(), pair.getSpyHint(),
          Purpose.TRAINING, policy, policy, policy, false, seed, null, Map.of(), now);
    }

    /** A game asked for by a request (seats pinned to the requested policies). */
    public static StartGame requested(String gameId, GameRequested request, ImagePairCreated pair, long seed,
        Instant now) {
      if (!request.getPairId().equals(pair.getPairId())) {
        throw new IllegalArgumentException(
            "request " + request.getEventId() + " is for pair " + request.getPairId() + ", not " + pair.getPairId());
      }
      return new StartGame(gameId, pair.getPairId(), pair.getOriginal(), pair.getModified(), pair.getSpyHint(),
          request.getPurpose(), request.getCivilianPolicy(), request.getSpyPolicy(), request.getDecisionPolicy(),
          request.getBlankDecisionImage(), seed, request.getEventId(), request.getTags(), now);
    }
  }

  /** Record a worker's clue; the envelope must carry a {@code ClueGiven}. */
  record RecordClue(GameEvent answer) implements GameCommand {
    public RecordClue {
      requirePayload(answer, ClueGiven.class);
    }
  }

  /** Record a worker's decision samples; the envelope must carry a {@code DecisionSampled}. */
  record RecordDecision(GameEvent answer) implements GameCommand {
    public RecordDecision {
      requirePayload(answer, DecisionSampled.class);
    }
  }

  /**
   * Re-request every turn whose deadline has passed at {@code now}, or abort after the last attempt. A turn's
   * clock starts when it was opened, or at {@code liveSince} if that is later: the instant the coordinator
   * caught up with its input after a (re)start, so an outage does not count against the workers and a turn
   * whose answer waits in the backlog is not retried.
   */
  record CheckTimeouts(Instant now, Instant liveSince) implements GameCommand {
    public CheckTimeouts {
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(liveSince, "liveSince");
    }

    /** A check whose clock started with the game (no restart to forgive). */
    public CheckTimeouts(Instant now) {
      this(now, Instant.EPOCH);
    }
  }

  /** The command that records an answer envelope, whichever kind it carries. */
  static GameCommand recordAnswer(GameEvent answer) {
    Objects.requireNonNull(answer, "answer");
    return answer.getPayload() instanceof DecisionSampled ? new RecordDecision(answer) : new RecordClue(answer);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePayload(GameEvent answer, Class<?> type) {
    Objects.requireNonNull(answer, "answer");
    if (!type.isInstance(answer.getPayload())) {
      throw new IllegalArgumentException("event " + answer.getEventId() + " must carry a " + type.getSimpleName()
          + ", carries " + AnswerRule.payloadName(answer.getPayload()));
    }
  }
}
