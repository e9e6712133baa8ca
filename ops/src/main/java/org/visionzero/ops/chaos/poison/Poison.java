package org.visionzero.ops.chaos.poison;

import java.util.Objects;

/**
 * One hostile record to write: its topic, key and value bytes, its kind, and a signature header when it carries
 * one (a wrongly signed checkpoint).
 */
record Poison(String topic, String key, byte[] value, PoisonKind kind, byte[] signature) {
  Poison {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(kind, "kind");
  }

  static Poison of(String topic, String key, byte[] value, PoisonKind kind) {
    return new Poison(topic, key, value, kind, null);
  }
}
