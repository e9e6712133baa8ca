package org.visionzero.logtools.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.topics.TopicCatalog;

/**
 * The example plug-in consumer: watches the clues of {@code game-events} in its own group
 * ({@value #GROUP_ID}) and exposes, per policy version, clue length, vocabulary and the share of repeated
 * clues ({@link ClueStats}). Every clue a worker wrote counts, whether or not the coordinator accepted it.
 */
public final class ClueMonitor extends PluginConsumer<GameEvent> {
  public static final String GROUP_ID = "vz-clue-monitor";
  public static final String COMPONENT = "clue-monitor";

  private final ClueStats stats;

  public ClueMonitor(PluginSettings settings, MeterRegistry registry) {
    super(settings, settings.topics().gameEvents(), registry);
    this.stats = new ClueStats(registry);
  }

  /** Default settings: group {@value #GROUP_ID}, from the beginning of the log. */
  public static PluginSettings settings(java.util.Map<String, Object> clientProperties, TopicCatalog topics) {
    return new PluginSettings(clientProperties, GROUP_ID, COMPONENT, topics, true);
  }

  /** A monitor on given clients (unit tests). */
  ClueMonitor(TopicCatalog topics, Consumer<String, byte[]> consumer, Producer<byte[], byte[]> producer,
      MeterRegistry registry) {
    super(COMPONENT, topics.gameEvents(), topics.deadLetters(), consumer, producer, registry);
    this.stats = new ClueStats(registry);
  }

  @Override
  protected void handle(ConsumerRecord<String, byte[]> record, GameEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof ClueGiven clue) {
      stats.clue(event.getGameId(), event.getEventId(), clue.getPolicy(), clue.getText());
    } else if (payload instanceof GameCompleted || payload instanceof GameAborted) {
      stats.gameEnded(event.getGameId());
    }
  }

  public ClueStats stats() {
    return stats;
  }
}
