package org.visionzero.ops.run;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.errors.WakeupException;
import org.visionzero.events.TrainingEvent;
import org.visionzero.ops.eval.TopicTail;
import org.visionzero.ops.report.TrainingHistory;
import org.visionzero.topics.TopicCatalog;

/** Follows {@code vz.training} into a {@link TrainingHistory} on its own thread. */
public final class TrainingLogReader implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  private final TopicTail<TrainingEvent> tail;
  private final TrainingHistory history;
  private final Thread thread;
  private volatile boolean running = true;

  private TrainingLogReader(Map<String, Object> clientProperties, TopicCatalog topics, String runId) {
    tail = new TopicTail<>(clientProperties, topics.training(), "vz-run-training-log");
    history = new TrainingHistory(runId);
    thread = new Thread(() -> {
      try {
        while (running) {
          tail.poll(POLL).forEach(history::add);
        }
      } catch (WakeupException e) {
        // closing
      }
    }, "vz-training-log");
    thread.setDaemon(true);
  }

  public static TrainingLogReader start(Map<String, Object> clientProperties, TopicCatalog topics, String runId) {
    TrainingLogReader reader = new TrainingLogReader(clientProperties, topics, runId);
    reader.thread.start();
    return reader;
  }

  public TrainingHistory history() {
    return history;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    tail.wakeup();
    thread.join(10_000);
    tail.close();
  }
}
