package org.visionzero.blob;

import java.io.IOException;

/** The stored bytes do not match the hash in the reference: the blob was corrupted or tampered with. */
public final class BlobIntegrityException extends IOException {
  public BlobIntegrityException(String message) {
    super(message);
  }
}
