package org.visionzero.workers.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.remote.ChatClient;
import org.visionzero.policy.remote.RemotePolicy;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.workers.device.WorkerDevice;

/**
 * {@code policy.backend=openai}: the versions of the named policies are played by an OpenAI-compatible server
 * (one {@link ChatClient}, so one window and one circuit breaker, for all of them); every other policy, and the
 * architecture check of published checkpoints, stays with the local factory. The checkpoint bytes are verified as
 * usual but not loaded here: the server holds the weights (vz serve follows the same checkpoint topic).
 */
public final class RemotePolicyFactory implements PolicyFactory {
  private final PolicyFactory local;
  private final Set<String> remoteNames;
  private final RemoteSettings settings;
  private final ChatClient client;

  public RemotePolicyFactory(PolicyFactory local, Set<String> remoteNames, RemoteSettings settings) {
    this.local = Objects.requireNonNull(local, "local");
    this.remoteNames = Set.copyOf(remoteNames);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = new ChatClient(settings);
  }

  @Override
  public boolean handles(String policyName) {
    return remoteNames.contains(policyName) || local.handles(policyName);
  }

  @Override
  public String architecture(String policyName) {
    return local.handles(policyName) ? local.architecture(policyName) : "remote";
  }

  @Override
  public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException {
    if (!remoteNames.contains(ref.getName())) {
      return local.load(ref, checkpoint, device);
    }
    return new RemotePolicy(client, settings, ref, Vocabulary.standard());
  }

  @Override
  public Optional<byte[]> exampleCheckpoint(String policyName, int version) {
    return local.exampleCheckpoint(policyName, version);
  }

  @Override
  public String toString() {
    return "RemotePolicyFactory[" + remoteNames + " at " + settings + "]";
  }
}
