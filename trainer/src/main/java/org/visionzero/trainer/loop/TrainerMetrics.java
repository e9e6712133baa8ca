package org.visionzero.trainer.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.visionzero.events.TrainingStepCompleted;

/** The trainer's meters: lowercase dotted names, tagged with the run id. */
public final class TrainerMetrics {
  public static final String STEPS = "vz.trainer.steps";
  public static final String GAMES = "vz.trainer.games";
  public static final String STALE_SAMPLES = "vz.trainer.samples.stale";
  public static final String CHECKPOINTS = "vz.trainer.checkpoints";
  public static final String DEAD_LETTERS = "vz.trainer.dead.letters";
  public static final String STEP_TIME = "vz.trainer.step.time";
  public static final String POLICY_VERSION = "vz.trainer.policy.version";

  private final Counter applied;
  private final Counter skipped;
  private final Counter games;
  private final Counter stale;
  private final Counter checkpoints;
  private final Counter deadLetters;
  private final Timer stepTime;
  private final AtomicLong version = new AtomicLong();

  public TrainerMetrics(MeterRegistry registry, String runId) {
    Tags run = Tags.of("run", runId);
    applied = registry.counter(STEPS, run.and("outcome", "applied"));
    skipped = registry.counter(STEPS, run.and("outcome", "skipped"));
    games = registry.counter(GAMES, run);
    stale = registry.counter(STALE_SAMPLES, run);
    checkpoints = registry.counter(CHECKPOINTS, run);
    deadLetters = registry.counter(DEAD_LETTERS, run);
    stepTime = registry.timer(STEP_TIME, run);
    registry.gauge(POLICY_VERSION, run, version);
  }

  void step(TrainingStepCompleted step, Duration took) {
    (step.getApplied() ? applied : skipped).increment();
    games.increment(step.getGames());
    stale.increment(step.getDroppedStale());
    stepTime.record(took);
    version.set(step.getPolicyVersion());
  }

  void checkpoint() {
    checkpoints.increment();
  }

  void deadLetter() {
    deadLetters.increment();
  }
}
