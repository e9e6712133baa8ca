package org.visionzero.trainer.sync;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.visionzero.events.BlobRef;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.fold.Decision;
import org.visionzero.game.fold.EventIds;
import org.visionzero.game.fold.GameCommand;
import org.visionzero.game.fold.GameDecider;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.score.TrajectoryScorer;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.TurnViews;
import org.visionzero.hash.Sha256;
import org.visionzero.policy.AvroAnswers;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;

/**
 * Plays games in process with the game module's own fold ({@code decide → events → evolve}) and scorer, the
 * same code the coordinator and scorer run on the stream; turns due at the same moment in different games are
 * answered in one policy batch per policy. No Kafka, no retries (a policy answers every turn it is given).
 */
public final class InProcessGames {
  private static final String WORKER = "sync";
  private static final String IMAGE_MEDIA_TYPE = "image/x-raster";

  private final GameDecider decider;
  private final TrajectoryScorer scorer;
  private final Function<PolicyRef, Policy> policies;

  /**
   * @param rules    the game rules
   * @param policies which policy plays a turn requested for a given reference
   */
  public InProcessGames(GameConfig rules, Function<PolicyRef, Policy> policies) {
    this.decider = new GameDecider(Objects.requireNonNull(rules, "rules"));
    this.scorer = TrajectoryScorer.withConfig(rules);
    this.policies = Objects.requireNonNull(policies, "policies");
  }

  /** Plays the games to completion and returns their scored trajectories, in the order of the setups. */
  public List<ScoredTrajectory> play(List<GameSetup> setups, Instant now) {
    Map<String, GameState> states = new LinkedHashMap<>();
    Map<String, BufferedImage> images = new HashMap<>();
    List<TurnRequested> due = new ArrayList<>();
    for (GameSetup setup : setups) {
      BlobRef original = reference(setup.pictures().original(), images);
      BlobRef modified = reference(setup.pictures().modified(), images);
      GameCommand.StartGame start = new GameCommand.StartGame(setup.gameId(), setup.pairId(), original, modified,
          setup.pictures().spyHint(), setup.purpose(), setup.civilianPolicy(), setup.spyPolicy(),
          setup.decisionPolicy(), setup.blankDecisionImage(), setup.seed(), null, Map.of(), now);
      Decision decision = requireEffect(decider.decide(GameState.empty(), start), setup.gameId());
      states.put(setup.gameId(), decision.applyTo(GameState.empty()));
      due.addAll(decision.turnRequests());
    }
    while (!due.isEmpty()) {
      List<GameEvent> answers = answer(due, images, now);
      due = new ArrayList<>();
      for (GameEvent answer : answers) {
        GameState state = states.get(answer.getGameId());
        Decision decision = requireEffect(decider.decide(state, recordOf(answer)), answer.getGameId());
        states.put(answer.getGameId(), decision.applyTo(state));
        due.addAll(decision.turnRequests());
      }
    }
    List<ScoredTrajectory> scored = new ArrayList<>();
    for (GameState state : states.values()) {
      if (state.status() != GameState.Status.COMPLETED) {
        throw new IllegalStateException("game " + state.gameId() + " ended " + state.status()
            + " in process: every turn was answered, so the rules refused an answer");
      }
      scored.add(scorer.score(state));
    }
    return scored;
  }

  private List<GameEvent> answer(List<TurnRequested> due, Map<String, BufferedImage> images, Instant now) {
    Map<PolicyRef, List<TurnRequested>> clueTurns = new LinkedHashMap<>();
    Map<PolicyRef, List<TurnRequested>> decisionTurns = new LinkedHashMap<>();
    for (TurnRequested request : due) {
      (request.getKind() == TurnKind.CLUE ? clueTurns : decisionTurns)
          .computeIfAbsent(request.getPolicy(), k -> new ArrayList<>()).add(request);
    }
    List<GameEvent> answers = new ArrayList<>();
    clueTurns.forEach((ref, requests) -> {
      List<TurnView> views = requests.stream().map(TurnViews::fromRequest).toList();
      List<ClueAnswer> clues = policyOf(ref).clues(turns(views, images));
      for (int i = 0; i < views.size(); i++) {
        answers.add(envelope(views.get(i), AvroAnswers.toClueGiven(views.get(i), clues.get(i), WORKER), now));
      }
    });
    decisionTurns.forEach((ref, requests) -> {
      List<TurnView> views = requests.stream().map(TurnViews::fromRequest).toList();
      List<DecisionAnswer> decisions = policyOf(ref).decisions(turns(views, images));
      for (int i = 0; i < views.size(); i++) {
        answers.add(envelope(views.get(i),
            AvroAnswers.toDecisionSampled(views.get(i), decisions.get(i), WORKER), now));
      }
    });
    return answers;
  }

  private Policy policyOf(PolicyRef ref) {
    Policy policy = policies.apply(ref);
    if (policy == null) {
      throw new IllegalArgumentException("no policy plays " + ref.getName() + " v" + ref.getVersion());
    }
    return policy;
  }

  private static List<PolicyTurn> turns(List<TurnView> views, Map<String, BufferedImage> images) {
    return views.stream().map(v -> PolicyTurn.of(v, v.image() == null ? null : images.get(v.image().getSha256())))
        .toList();
  }

  private static GameEvent envelope(TurnView view, Object payload, Instant now) {
    return GameEvent.newBuilder()
        .setEventId(EventIds.answer(view.gameId(), view.turn(), view.attempt()))
        .setOccurredAt(now)
        .setGameId(view.gameId())
        .setPayload(payload)
        .build();
  }

  private static GameCommand recordOf(GameEvent answer) {
    return answer.getPayload() instanceof org.visionzero.events.DecisionSampled
        ? new GameCommand.RecordDecision(answer)
        : new GameCommand.RecordClue(answer);
  }

  private static Decision requireEffect(Decision decision, String gameId) {
    if (decision.isIgnored()) {
      throw new IllegalStateException("game " + gameId + ": the rules ignored an in-process command: "
          + decision.ignoredReason());
    }
    return decision;
  }

  /** An in-memory reference: the sha256 of the image's pixels identifies it, as a blob's hash would. */
  private static BlobRef reference(BufferedImage image, Map<String, BufferedImage> images) {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    ByteBuffer bytes = ByteBuffer.allocate(pixels.length * Integer.BYTES + 2 * Integer.BYTES);
    bytes.putInt(image.getWidth()).putInt(image.getHeight());
    for (int p : pixels) {
      bytes.putInt(p);
    }
    String hash = Sha256.hex(bytes.array());
    images.put(hash, image);
    return BlobRef.newBuilder().setUri("mem:sha256/" + hash).setSha256(hash).setMediaType(IMAGE_MEDIA_TYPE)
        .setSize(bytes.capacity()).build();
  }
}
