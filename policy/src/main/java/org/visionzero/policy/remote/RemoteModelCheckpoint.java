package org.visionzero.policy.remote;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint that holds no weights but names the model (or LoRA adapter) a server plays for a version: what a
 * trainer outside this project (TRL, verl, OpenRLHF) publishes on the checkpoint topic after it has loaded its new
 * weights into the server. The blob is two lines of text: a header, then {@code model=<name>}.
 */
public final class RemoteModelCheckpoint {
  /** Media type of the blob in {@code CheckpointPublished.checkpoint}. */
  public static final String MEDIA_TYPE = "application/x-vz-remote-model";
  /** {@code CheckpointPublished.architecture} of such a checkpoint, which a remote-only policy name expects. */
  public static final String ARCHITECTURE = "remote-model";
  private static final String HEADER = "vz-remote-model v1";
  private static final Pattern FORMAT = Pattern.compile("^" + Pattern.quote(HEADER) + "\\nmodel=(\\S+)\\n?$");

  private RemoteModelCheckpoint() {}

  public static byte[] encode(String model) {
    if (model == null || model.isBlank() || model.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a model name is non-empty and has no whitespace, was '" + model + "'");
    }
    return (HEADER + "\nmodel=" + model + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The model a checkpoint names; empty when the bytes are not of this format (e.g. DJL weights). */
  public static Optional<String> decode(byte[] bytes) {
    if (bytes == null || bytes.length > 1024) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(new String(bytes, StandardCharsets.UTF_8));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
