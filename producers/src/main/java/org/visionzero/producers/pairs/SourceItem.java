package org.visionzero.producers.pairs;

import java.util.Objects;

/** What a source yields for one input: a pair, or the reason the input was rejected. */
public sealed interface SourceItem {

  /** A pair ready to publish. */
  record Produced(ImagePair pair) implements SourceItem {
    public Produced {
      Objects.requireNonNull(pair, "pair");
    }
  }

  /**
   * An input that could not be turned into a pair (unreadable, too large, not an image); it goes to the dead
   * letters and the run continues.
   *
   * @param reference what the input was, e.g. a file path
   * @param bytes     the input's bytes when they could be read, else null
   */
  record Rejected(String reference, byte[] bytes, Exception error) implements SourceItem {
    public Rejected {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(error, "error");
    }
  }
}
