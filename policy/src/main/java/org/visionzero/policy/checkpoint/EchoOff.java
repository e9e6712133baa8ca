package org.visionzero.policy.checkpoint;

import ai.djl.Device;
import org.visionzero.policy.model.VzModel;

/** A checkpoint turned into one whose model never echoes ({@code policy.echo=off}), everything else kept. */
public final class EchoOff {
  private EchoOff() {}

  /**
   * The same checkpoint (version, listener, extra sections) with every role's echo logit at
   * {@link org.visionzero.policy.model.ParameterSet#ECHO_OFF_LOGIT}; refused like {@link Checkpoints#decode} when
   * the bytes are not a checkpoint.
   */
  public static byte[] apply(byte[] checkpoint) {
    String sha256 = Checkpoints.sha256(checkpoint);
    Checkpoint decoded = Checkpoints.decode(checkpoint, sha256);
    try (VzModel model = Checkpoints.load(checkpoint, sha256, Device.cpu())) {
      model.switchEchoOff();
      return Checkpoints.save(model, decoded.extras());
    }
  }
}
