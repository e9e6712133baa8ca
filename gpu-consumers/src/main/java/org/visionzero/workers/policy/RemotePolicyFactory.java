package org.visionzero.workers.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.remote.ChatClient;
import org.visionzero.policy.remote.RemoteModelCheckpoint;
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

  /**
   * The local factory's architecture for the names it knows (our trainer's DJL checkpoints), else
   * {@link RemoteModelCheckpoint#ARCHITECTURE}: a name only played remotely gets its versions from an outside
   * trainer, as checkpoints that name a model.
   */
  @Override
  public String architecture(String policyName) {
    return local.handles(policyName) ? local.architecture(policyName) : RemoteModelCheckpoint.ARCHITECTURE;
  }

  /**
   * A remote version: when its checkpoint names a model ({@link RemoteModelCheckpoint}), every request of that
   * version asks for that model; otherwise for {@code policy.openai.model} filled with the version. A name only
   * played remotely gets its versions from an outside trainer, so a checkpoint of it that names no model is refused
   * (a dead letter with this reason) rather than played as some other model.
   */
  @Override
  public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) throws PolicyLoadException {
    if (!remoteNames.contains(ref.getName())) {
      return local.load(ref, checkpoint, device);
    }
    Optional<String> named = RemoteModelCheckpoint.decode(checkpoint);
    if (named.isEmpty() && checkpoint != null && !local.handles(ref.getName())) {
      throw new PolicyLoadException("checkpoint of " + ref.getName() + "@" + ref.getVersion() + " names no model: "
          + "a version of a policy only played remotely must be a " + RemoteModelCheckpoint.MEDIA_TYPE
          + " blob (vz checkpoint publish-remote writes one)");
    }
    RemoteSettings forVersion = named.map(settings::withModelTemplate).orElse(settings);
    return new RemotePolicy(client, forVersion, ref, Vocabulary.standard());
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
