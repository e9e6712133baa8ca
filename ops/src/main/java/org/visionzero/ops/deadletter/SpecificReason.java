package org.visionzero.ops.deadletter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visionzero.events.DeadLetter;
import org.visionzero.ops.checkpoint.StoredCheckpointBlobs;

/**
 * The specific reason of a dead letter, as a short code: the code an {@code InvalidRecordException} leads its
 * message with (e.g. {@code vote-before-clue-stage}), else one derived from the error class and the message the
 * component wrote (e.g. {@code unknown-schema-fingerprint}, {@code checkpoint-blob-missing}), else the error
 * class's simple name. ops/RUNBOOK.md lists every code with what to do.
 */
public final class SpecificReason {
  private static final Pattern CODE = Pattern.compile("InvalidRecordException: ([a-z0-9]+(?:-[a-z0-9]+)*): ");

  /** A code for letters of one error class whose message contains a phrase. */
  private record Rule(String errorClass, String phrase, String code) {}

  private static final List<Rule> RULES = List.of(
      new Rule("SerializationException", "unknown schema version", "unknown-schema-fingerprint"),
      new Rule("SerializationException", "not Avro single-object encoded", "not-single-object-encoded"),
      new Rule("SerializationException", "cannot decode", "corrupt-body"),
      new Rule("UntrustedCheckpointException", "unsigned checkpoint", "unsigned-checkpoint"),
      new Rule("UntrustedCheckpointException", "signature does not match", "wrongly-signed-checkpoint"),
      new Rule("PolicyLoadException", "is not in the blob store", StoredCheckpointBlobs.MISSING),
      new Rule("PolicyLoadException", "failed its sha256 check", StoredCheckpointBlobs.TAMPERED),
      new Rule("PolicyLoadException", "but was published with sha256", StoredCheckpointBlobs.TAMPERED),
      new Rule("PolicyLoadException", "does not match its sha256", StoredCheckpointBlobs.TAMPERED),
      new Rule("PolicyLoadException", "has architecture", "architecture-mismatch"),
      new Rule("PolicyLoadException", "no policy factory handles", "policy-unknown"),
      new Rule("PolicyLoadException", "needs a checkpoint and none is known", "policy-version-unknown"),
      new Rule("PolicyLoadException", "", "policy-unavailable"),
      new Rule("ImageUnavailableException", "", "image-unavailable"),
      new Rule("IllegalArgumentException", "(tombstone)", "no-value"));

  private SpecificReason() {}

  public static String of(DeadLetter letter) {
    String error = letter.getError();
    Matcher code = CODE.matcher(error);
    if (code.find()) {
      return code.group(1);
    }
    String errorClass = DeadLetterReasons.reason(letter);
    for (Rule rule : RULES) {
      // the component may wrap the cause: look through the whole chain the letter keeps
      if ((errorClass.equals(rule.errorClass()) || error.contains(rule.errorClass() + ": "))
          && error.contains(rule.phrase())) {
        return rule.code();
      }
    }
    return errorClass;
  }
}
