package org.visionzero.streams.leaderboard;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.streams.routing.RecordDecoding;

/**
 * Decodes trajectories and forwards one {@link LeaderboardRow} per evaluation game, keyed by its pairing;
 * training games are skipped, undecodable records become dead letters (forwarded as {@link DeadLetter}).
 */
final class EvaluationFilter implements Processor<String, byte[], String, Object> {
  static final String COMPONENT = "leaderboard";

  private final Deserializer<ScoredTrajectory> trajectories;
  private ProcessorContext<String, Object> context;

  EvaluationFilter(Deserializer<ScoredTrajectory> trajectories) {
    this.trajectories = trajectories;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordDecoding.decode(trajectories, record, context, COMPONENT, this::deadLetter).ifPresent(trajectory -> {
      if (trajectory.getPurpose() != Purpose.EVALUATION) {
        return;
      }
      try {
        LeaderboardRow row = LeaderboardRow.of(trajectory);
        context.forward(record.withKey(row.key()).withValue(row));
      } catch (RuntimeException e) {
        if (!RecordDecoding.isAboutTheRecord(e)) {
          throw e;
        }
        deadLetter(RecordDecoding.deadLetter(record, context, COMPONENT, e));
      }
    });
  }

  private void deadLetter(DeadLetter deadLetter) {
    String key = RecordDecoding.keyOf(deadLetter);
    context.forward(new Record<>(key, deadLetter, context.currentSystemTimeMs()));
  }
}
