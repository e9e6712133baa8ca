package org.visionzero.streams.coordinator;

import java.util.List;
import java.util.function.Function;
import org.visionzero.deadletter.InvalidRecordException;
import org.visionzero.events.BlobRef;
import org.visionzero.events.GameRequested;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.PolicyRef;
import org.visionzero.hash.Sha256;

/**
 * Impossible values in the admission inputs, refused before a game is started on them: a game on a pair whose
 * images cannot be resolved, or pinned to a version that will never exist, would only end aborted after every
 * attempt of its first turn timed out.
 */
final class AdmissionChecks {
  /**
   * How far a requested version may be ahead of the newest the coordinator has read: the evaluator may request a
   * version it read a moment before the coordinator did, but never a thousand of them.
   */
  static final int MAX_VERSIONS_AHEAD = 1000;

  private AdmissionChecks() {}

  /** Throws {@link InvalidRecordException} when the pair cannot be played; returns it otherwise. */
  static ImagePairCreated pair(ImagePairCreated pair) {
    if (pair.getPairId().isBlank()) {
      throw new InvalidRecordException("pair-id-missing", "pair event " + pair.getEventId() + " has no pair id");
    }
    if (!pair.getEventId().equals("pair/" + pair.getPairId())) {
      throw new InvalidRecordException("event-id-mismatch", "pair " + pair.getPairId() + " has event id "
          + pair.getEventId() + ", not pair/" + pair.getPairId());
    }
    for (BlobRef image : List.of(pair.getOriginal(), pair.getModified())) {
      if (!Sha256.isValid(image.getSha256())) {
        throw new InvalidRecordException("blob-ref-invalid", "pair " + pair.getPairId() + " names image "
            + image.getUri() + " with sha256 '" + image.getSha256() + "', not 64 lower-case hex digits");
      }
    }
    if (pair.getWidth() < 0 || pair.getHeight() < 0) {
      throw new InvalidRecordException("size-out-of-range", "pair " + pair.getPairId() + " is "
          + pair.getWidth() + "x" + pair.getHeight() + " pixels");
    }
    return pair;
  }

  /**
   * Throws {@link InvalidRecordException} when a pinned policy version is negative (other than "current") or
   * from the future; {@code newestKnown} gives the newest version read for a policy name (0 when none).
   */
  static GameRequested request(GameRequested request, Function<String, Integer> newestKnown) {
    for (PolicyRef policy : List.of(request.getCivilianPolicy(), request.getSpyPolicy(),
        request.getDecisionPolicy())) {
      int version = policy.getVersion();
      if (version < AdmissionProcessor.CURRENT_VERSION) {
        throw new InvalidRecordException("version-out-of-range", "request " + request.getEventId() + " pins "
            + policy.getName() + "@" + version + "; versions are >= 0, or -1 for the current one");
      }
      int newest = newestKnown.apply(policy.getName());
      if (version > newest + MAX_VERSIONS_AHEAD) {
        throw new InvalidRecordException("version-from-the-future", "request " + request.getEventId() + " pins "
            + policy.getName() + "@" + version + ", more than " + MAX_VERSIONS_AHEAD
            + " versions ahead of the newest published (" + newest + ")");
      }
    }
    return request;
  }
}
