package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.Map;
import org.visionzero.topics.TopicCatalog;

/**
 * Extra load a chaos run puts on the system while it kills processes (hostile records, for one): started once the
 * cluster and its topics exist, stopped when the kills stop, and reported in {@code chaos.json} under
 * {@code poison}.
 */
public interface ChaosLoad extends AutoCloseable {

  /**
   * Starts writing, spread over {@code runFor}; returns at once.
   *
   * @param clientProperties Kafka client settings of the chaos cluster
   */
  void start(Map<String, Object> clientProperties, TopicCatalog topics, Duration runFor);

  /** What was written and what the components dead-lettered, read back after the drain. */
  Map<String, Object> report(Map<String, Object> clientProperties, TopicCatalog topics, Duration timeout)
      throws Exception;

  /**
   * True when the components are done with what the load wrote (every poison record dead-lettered), so that the
   * drain may end; asked after the load was closed, every few seconds until then or the drain's end. May read the
   * cluster; false when it cannot tell.
   */
  default boolean settled(Map<String, Object> clientProperties, TopicCatalog topics) {
    return true;
  }

  /** True when the load wrote a copy of a record of game {@code gameId} (whose answers may then repeat). */
  default boolean replayedInto(String gameId) {
    return false;
  }

  /** Stops writing (the kills are over). */
  @Override
  void close();
}
