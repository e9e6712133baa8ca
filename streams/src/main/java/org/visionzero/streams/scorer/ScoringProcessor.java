package org.visionzero.streams.scorer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.score.TrajectoryScorer;
import org.visionzero.streams.routing.Outbound;
import org.visionzero.streams.routing.RecordDecoding;
import org.visionzero.streams.state.GameStore;

/**
 * Folds every game of the log and scores it when it completes. The transition to COMPLETED happens once per
 * game (evolve ignores a second completion), so a game is scored exactly once, even if its events repeat.
 */
final class ScoringProcessor implements Processor<String, byte[], String, Outbound> {
  static final String COMPONENT = "scorer";

  private final TrajectoryScorer scorer;
  private final Deserializer<GameEvent> events;
  private final ScorerMetrics metrics;
  private ProcessorContext<String, Outbound> context;
  private GameStore games;

  ScoringProcessor(TrajectoryScorer scorer, Deserializer<GameEvent> events, ScorerMetrics metrics) {
    this.scorer = scorer;
    this.events = events;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Outbound> context) {
    this.context = context;
    this.games = new GameStore(context.getStateStore(ScorerTopology.GAMES_STORE));
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordDecoding.decode(events, record, context, COMPONENT, this::deadLetter).ifPresent(event -> {
      try {
        fold(event);
      } catch (RuntimeException e) {
        if (!RecordDecoding.isAboutTheRecord(e)) {
          throw e;
        }
        deadLetter(RecordDecoding.deadLetter(record, context, COMPONENT, e));
      }
    });
  }

  private void fold(GameEvent event) {
    if (games.isFinished(event.getGameId())) {
      return; // scored (or aborted) already: a game is scored once
    }
    GameState before = games.load(event.getGameId());
    GameState after = GameEvolver.evolve(before, event);
    if (after.equals(before)) {
      return; // a duplicate, or an answer the coordinator also ignored
    }
    games.save(after);
    if (after.status() == GameState.Status.COMPLETED) {
      context.forward(new Record<>(after.gameId(), Outbound.trajectory(scorer.score(after)),
          after.completion().getOccurredAt().toEpochMilli()));
      metrics.scored();
    }
  }

  private void deadLetter(DeadLetter deadLetter) {
    metrics.deadLettered();
    String key = RecordDecoding.keyOf(deadLetter);
    context.forward(new Record<>(key, Outbound.deadLetter(deadLetter), context.currentSystemTimeMs()));
  }
}
