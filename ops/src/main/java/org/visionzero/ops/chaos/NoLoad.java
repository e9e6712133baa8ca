package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.visionzero.topics.TopicCatalog;

/** {@code --poison 0}: nothing beyond the self-play itself. */
final class NoLoad implements ChaosLoad {

  @Override
  public void start(Map<String, Object> clientProperties, TopicCatalog topics, Duration runFor) {
    // nothing to write
  }

  @Override
  public Map<String, Object> report(Map<String, Object> clientProperties, TopicCatalog topics, Duration timeout) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("written", 0);
    report.put("deadLettered", Map.of());
    return report;
  }

  @Override
  public void close() {
    // nothing was started
  }
}
