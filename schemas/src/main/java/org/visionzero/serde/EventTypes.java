package org.visionzero.serde;

import java.util.List;
import org.apache.avro.Schema;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TurnRequested;

/** The top-level event types: each is the value of one topic and is released, versioned and gated. */
public final class EventTypes {
  private EventTypes() {}

  /** Every topic value type, in topic-catalog order. */
  public static final List<Class<? extends org.apache.avro.specific.SpecificRecordBase>> ALL = List.of(
      ImagePairCreated.class,
      GameRequested.class,
      TurnRequested.class,
      GameEvent.class,
      ScoredTrajectory.class,
      CheckpointPublished.class,
      TrainingEvent.class,
      DeadLetter.class);

  /** The current (compiled-in) schemas of every top-level event type. */
  public static List<Schema> currentSchemas() {
    return List.of(
        ImagePairCreated.getClassSchema(),
        GameRequested.getClassSchema(),
        TurnRequested.getClassSchema(),
        GameEvent.getClassSchema(),
        ScoredTrajectory.getClassSchema(),
        CheckpointPublished.getClassSchema(),
        TrainingEvent.getClassSchema(),
        DeadLetter.getClassSchema());
  }
}
