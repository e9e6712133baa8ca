package org.visionzero.logtools.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.visionzero.events.PolicyRef;
import org.visionzero.json.Json;

/** A policy reference as the debugging tools print it. */
public final class PolicyJson {
  private PolicyJson() {}

  /** {@code {"name": ..., "version": ...}}, or null. */
  public static ObjectNode of(PolicyRef policy) {
    if (policy == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("name", policy.getName());
    node.put("version", policy.getVersion());
    return node;
  }
}
