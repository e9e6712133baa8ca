package org.visionzero.streams.coordinator;

import java.util.Objects;

/**
 * A record for the admission processor, tagged with where it came from (the processor decodes the bytes
 * itself so that undecodable records become dead letters).
 *
 * @param source which input it is
 * @param bytes  the raw value
 */
record AdmissionInput(Source source, byte[] bytes) {
  enum Source { IMAGE_PAIR, GAME_REQUEST, CHECKPOINT, RELEASE }

  AdmissionInput {
    Objects.requireNonNull(source, "source");
  }

  static AdmissionInput imagePair(byte[] bytes) {
    return new AdmissionInput(Source.IMAGE_PAIR, bytes);
  }

  static AdmissionInput gameRequest(byte[] bytes) {
    return new AdmissionInput(Source.GAME_REQUEST, bytes);
  }

  static AdmissionInput checkpoint(byte[] bytes) {
    return new AdmissionInput(Source.CHECKPOINT, bytes);
  }

  static AdmissionInput release(byte[] bytes) {
    return new AdmissionInput(Source.RELEASE, bytes);
  }
}
