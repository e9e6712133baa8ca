package org.visionzero.workers.policy;

import java.util.List;
import java.util.Optional;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.workers.device.WorkerDevice;

/** Combinators of {@link PolicyFactory}s. */
public final class PolicyFactories {
  private PolicyFactories() {}

  /** A factory that delegates each policy name to the first of {@code factories} that handles it. */
  public static PolicyFactory firstOf(List<PolicyFactory> factories) {
    List<PolicyFactory> all = List.copyOf(factories);
    return new PolicyFactory() {
      @Override
      public boolean handles(String policyName) {
        return all.stream().anyMatch(f -> f.handles(policyName));
      }

      @Override
      public String architecture(String policyName) {
        return pick(policyName).architecture(policyName);
      }

      @Override
      public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException {
        PolicyFactory factory = all.stream().filter(f -> f.handles(ref.getName())).findFirst()
            .orElseThrow(() -> new PolicyLoadException(noFactory(ref.getName())));
        return factory.load(ref, checkpoint, device);
      }

      @Override
      public Optional<byte[]> exampleCheckpoint(String policyName, int version) {
        return all.stream().filter(f -> f.handles(policyName)).findFirst()
            .flatMap(f -> f.exampleCheckpoint(policyName, version));
      }

      private PolicyFactory pick(String policyName) {
        return all.stream().filter(f -> f.handles(policyName)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(noFactory(policyName)));
      }
    };
  }

  static String noFactory(String policyName) {
    return "this worker cannot play policy '" + policyName + "': no policy factory handles that name";
  }
}
