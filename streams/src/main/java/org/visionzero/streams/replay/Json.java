package org.visionzero.streams.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.visionzero.events.PolicyRef;

/** The JSON writer of the debugging tools (replay, rescore, export): one mapper, compact output. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code {"name": ..., "version": ...}}, or null. */
  public static ObjectNode policy(PolicyRef policy) {
    if (policy == null) {
      return null;
    }
    ObjectNode node = object();
    node.put("name", policy.getName());
    node.put("version", policy.getVersion());
    return node;
  }
}
