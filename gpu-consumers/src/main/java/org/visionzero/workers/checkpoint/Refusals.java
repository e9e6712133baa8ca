package org.visionzero.workers.checkpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.visionzero.events.DeadLetter;

/**
 * Dead letters raised off the hot path (refused checkpoints), handed to the worker thread so that they are
 * written by its transactional producer, inside its next transaction.
 */
public final class Refusals {
  private final ConcurrentLinkedQueue<DeadLetter> queue = new ConcurrentLinkedQueue<>();

  public void add(DeadLetter deadLetter) {
    queue.add(deadLetter);
  }

  /** Takes every pending dead letter. */
  public List<DeadLetter> drain() {
    List<DeadLetter> out = new ArrayList<>();
    for (DeadLetter d = queue.poll(); d != null; d = queue.poll()) {
      out.add(d);
    }
    return out;
  }

  /** Puts dead letters back after their transaction was aborted, to be written with the next one. */
  public void requeue(Collection<DeadLetter> deadLetters) {
    queue.addAll(deadLetters);
  }

  public boolean isEmpty() {
    return queue.isEmpty();
  }
}
