package org.visionzero.blob;

import java.io.IOException;

/** No blob is stored under the requested hash. */
public final class BlobNotFoundException extends IOException {
  public BlobNotFoundException(String message) {
    super(message);
  }
}
