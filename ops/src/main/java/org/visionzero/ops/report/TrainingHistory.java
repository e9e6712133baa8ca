package org.visionzero.ops.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.visionzero.events.PhaseChanged;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;

/**
 * The training log of one run, from {@code vz.training}: its completed steps (one per step number, the last
 * written wins, as a resumed trainer may repeat one) and phase changes.
 */
public final class TrainingHistory {

  private final String runId;
  private final TreeMap<Long, TrainingStepCompleted> steps = new TreeMap<>();
  private final List<PhaseChanged> phaseChanges = new ArrayList<>();

  public TrainingHistory(String runId) {
    this.runId = runId;
  }

  /** Adds an event; events of other runs are ignored. */
  public synchronized void add(TrainingEvent event) {
    if (!runId.equals(event.getRunId())) {
      return;
    }
    if (event.getPayload() instanceof TrainingStepCompleted step) {
      steps.put(step.getStep(), step);
    } else if (event.getPayload() instanceof PhaseChanged change && !phaseChanges.contains(change)) {
      phaseChanges.add(change); // a change read again (a replayed record) is one change
    }
  }

  public synchronized List<TrainingStepCompleted> steps() {
    return List.copyOf(steps.values());
  }

  /** Steps that were applied (skipped steps carry no loss or KL). */
  public synchronized List<TrainingStepCompleted> appliedSteps() {
    return steps.values().stream().filter(TrainingStepCompleted::getApplied).toList();
  }

  public synchronized List<PhaseChanged> phaseChanges() {
    return List.copyOf(phaseChanges);
  }

  public synchronized java.util.Optional<TrainingStepCompleted> latest() {
    return steps.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(steps.lastEntry().getValue());
  }

  public String runId() {
    return runId;
  }
}
