package org.visionzero.ops.chaos;

import java.util.Locale;

/** What a supervised process runs; kills and recovery times are counted by kind. The producer is never killed. */
public enum ComponentKind {
  BROKER, COORDINATOR, SCORER, WORKER, TRAINER, EVALUATOR, PRODUCER;

  /** The name in {@code chaos.json}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
