package org.visionzero.workers.policy;

import java.util.Objects;
import org.visionzero.events.PolicyRef;

/** One concrete version of a policy, as a map key (Avro's {@code PolicyRef} is mutable). */
public record VersionKey(String name, int version) {
  /** The version a request names when it wants the worker's current one. */
  public static final int CURRENT = -1;

  public VersionKey {
    Objects.requireNonNull(name, "name");
  }

  public static VersionKey of(PolicyRef ref) {
    return new VersionKey(ref.getName(), ref.getVersion());
  }

  public PolicyRef toRef() {
    return new PolicyRef(name, version);
  }

  @Override
  public String toString() {
    return name + "@" + version;
  }
}
