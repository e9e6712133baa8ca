package org.visionzero.logtools.monitor;

import java.util.Map;
import java.util.Objects;
import org.visionzero.topics.TopicCatalog;

/**
 * Where a plug-in consumer runs and who it is.
 *
 * @param clientProperties Kafka client settings (at least {@code bootstrap.servers}; security settings too)
 * @param groupId          its own consumer group: never one of the pipeline's, so it takes nothing from them
 * @param component        its name in dead letters, client ids and metric tags
 * @param topics           the catalog (topic names and serdes)
 * @param fromBeginning    a new group starts at the beginning of the log (else at its end)
 */
public record PluginSettings(Map<String, Object> clientProperties, String groupId, String component,
    TopicCatalog topics, boolean fromBeginning) {

  public PluginSettings {
    clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
    Objects.requireNonNull(topics, "topics");
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("a plug-in consumer needs a group id of its own, e.g. vz-clue-monitor");
    }
    if (component == null || component.isBlank()) {
      throw new IllegalArgumentException("a plug-in consumer needs a component name, e.g. clue-monitor");
    }
    if (!clientProperties.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("client properties need bootstrap.servers (host:port of the cluster)");
    }
  }
}
