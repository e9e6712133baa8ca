package org.visionzero.ops.chaos.poison;

import java.util.Locale;

/** The kinds of hostile record {@link PoisonWriter} writes (issue 22's list). */
public enum PoisonKind {
  /** Bytes that are not Avro single-object encoded at all. */
  RANDOM_BYTES,
  /** The single-object header with a writer-schema fingerprint no release has. */
  UNKNOWN_FINGERPRINT,
  /** A valid encoding cut short. */
  TRUNCATED_BODY,
  /** Valid Avro saying something impossible: negative seats, unknown games, votes before clues, a 1 MB clue,
   *  NaN rewards, versions from the future. */
  IMPOSSIBLE_VALUE,
  /** A record already on the topic, written again as it was. */
  REPLAYED_DUPLICATE,
  /** A checkpoint event whose blob is not in the blob store. */
  CHECKPOINT_BLOB_MISSING,
  /** A checkpoint event whose blob reference points at other bytes than its sha256 says. */
  CHECKPOINT_BLOB_TAMPERED,
  /** A checkpoint event with a signature made with another key. */
  CHECKPOINT_WRONGLY_SIGNED;

  /** The name in reports, e.g. {@code random-bytes}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the kind is about checkpoints only. */
  boolean checkpointsOnly() {
    return this == CHECKPOINT_BLOB_MISSING || this == CHECKPOINT_BLOB_TAMPERED || this == CHECKPOINT_WRONGLY_SIGNED;
  }
}
