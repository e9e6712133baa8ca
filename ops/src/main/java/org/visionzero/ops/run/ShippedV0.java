package org.visionzero.ops.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.visionzero.blob.Sha256;

/**
 * The v0 shipped with vz, so that {@code vz run} starts self-play at once: the model pretrained on the
 * producers' 64-pixel scenes by {@code ./vz pretrain --out v0-scenes.vzck} (defaults: seed 1, about 9 minutes
 * on 2 cores; held-out caption token accuracy 0.88, decision accuracy at chance). Its sha256 is shipped beside
 * it and checked at every load, so a damaged or edited file is refused rather than trained from.
 */
public final class ShippedV0 {
  /** The checkpoint, on the classpath. */
  public static final String RESOURCE = "/org/visionzero/ops/v0/v0-scenes.vzck";
  /** The image size the shipped v0 was pretrained for. */
  public static final int IMAGE_SIZE = 64;
  private static final String SHA256_RESOURCE = RESOURCE + ".sha256";

  private ShippedV0() {}

  /** The checkpoint's bytes, verified against the shipped sha256. */
  public static byte[] bytes() {
    return verified(read(RESOURCE), new String(read(SHA256_RESOURCE), StandardCharsets.US_ASCII).trim());
  }

  /** The sha256 the shipped v0 must have. */
  public static String sha256() {
    return new String(read(SHA256_RESOURCE), StandardCharsets.US_ASCII).trim();
  }

  static byte[] verified(byte[] checkpoint, String expectedSha256) {
    String actual = Sha256.hex(checkpoint);
    if (!actual.equals(expectedSha256)) {
      throw new IllegalStateException("the v0 shipped with vz (" + RESOURCE + ") has sha256 " + actual
          + ", not the shipped " + expectedSha256 + ": the build is damaged or the file was edited. Rebuild "
          + "(./mvnw -B -DskipTests install), or run with --v0 pretrain or --v0 FILE.");
    }
    return checkpoint;
  }

  private static byte[] read(String resource) {
    try (InputStream in = ShippedV0.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the v0 shipped with vz is missing from the classpath (" + resource
            + "); rebuild (./mvnw -B -DskipTests install), or run with --v0 pretrain or --v0 FILE");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
