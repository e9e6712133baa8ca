package org.visionzero.ops.chaos;

import java.util.Objects;

/** One killable process: its unique name ({@code broker-2}, {@code worker-1}) and what it runs. */
public record ChaosTarget(String name, ComponentKind kind) {

  public ChaosTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean isBroker() {
    return kind == ComponentKind.BROKER;
  }
}
