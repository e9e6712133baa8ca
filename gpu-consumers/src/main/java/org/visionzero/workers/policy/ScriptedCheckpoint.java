package org.visionzero.workers.policy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Properties;

/**
 * Checkpoint of a scripted policy: scripts have no weights, so the checkpoint is a small properties text that
 * names the policy and its version. It lets the whole publish / verify / swap path run without the model.
 *
 * <pre>
 * format=vz-scripted-checkpoint/1
 * policy=random
 * version=3
 * </pre>
 */
public record ScriptedCheckpoint(String policy, int version) {
  public static final String FORMAT = "vz-scripted-checkpoint/1";
  public static final String MEDIA_TYPE = "application/x-vz-scripted-checkpoint";

  public byte[] toBytes() {
    return ("format=" + FORMAT + "\npolicy=" + policy + "\nversion=" + version + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Parses checkpoint bytes, failing with the reason for anything that is not this format. */
  public static ScriptedCheckpoint parse(byte[] bytes) throws PolicyLoadException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new PolicyLoadException("not a scripted checkpoint: the bytes are not UTF-8 text", e);
    }
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new PolicyLoadException("not a scripted checkpoint: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(props.getProperty("format"))) {
      throw new PolicyLoadException("not a scripted checkpoint: format is '" + props.getProperty("format")
          + "', expected '" + FORMAT + "'");
    }
    String policy = props.getProperty("policy");
    if (policy == null || policy.isBlank()) {
      throw new PolicyLoadException("scripted checkpoint lacks 'policy'");
    }
    try {
      return new ScriptedCheckpoint(policy.strip(), Integer.parseInt(props.getProperty("version", "").strip()));
    } catch (NumberFormatException e) {
      throw new PolicyLoadException("scripted checkpoint has no integer 'version': '"
          + props.getProperty("version") + "'", e);
    }
  }
}
