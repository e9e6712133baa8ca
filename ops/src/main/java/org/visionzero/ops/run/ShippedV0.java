package org.visionzero.ops.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The v0 shipped with vz, so that {@code vz run} starts self-play at once. It was made at commit 5b5a98c by
 * {@code ./vz pretrain --out FILE} with that command's defaults ({@code --seconds 540 --seed 1 --size 128}: 3,727
 * steps of captioning on the producers' 128-pixel scenes, scaled to the model's 64-pixel input; held-out caption
 * token accuracy 0.880 then), and is the v0 the learning IT starts from. Its sha256 is pinned here, in code, and
 * checked at every load, so that a damaged or replaced file is refused rather than trained from. To ship another:
 * the same command with {@code --out} this resource's path writes the file and its {@code .sha256}; put that hash
 * in {@link #SHA256} (pretraining is bounded by time, so a re-run makes a v0 of the same quality, not the same
 * bytes).
 */
public final class ShippedV0 {
  /** The checkpoint, on the classpath. */
  public static final String RESOURCE = "/org/visionzero/ops/v0/v0-scenes.vzck";
  /** Where the checkpoint lives in the source tree. */
  public static final String SOURCE_PATH = "ops/src/main/resources" + RESOURCE;
  /** The sha256 the shipped v0 must have. */
  public static final String SHA256 = "a79a06eb169aa7738b205904fbc0147c21be23f7fd1043089d192c01bd5b4d8b";
  private static final String FIX = "restore it (git checkout -- " + SOURCE_PATH + ") and run ./vz again (it "
      + "rebuilds), or start from another v0 with --v0 pretrain or --v0 FILE";

  private ShippedV0() {}

  /** The checkpoint's bytes, verified against {@link #SHA256}. */
  public static byte[] bytes() {
    return verified(read(RESOURCE));
  }

  /** The sha256 the shipped v0 must have. */
  public static String sha256() {
    return SHA256;
  }

  static byte[] verified(byte[] checkpoint) {
    return CheckpointHash.verified(checkpoint, SHA256, "the v0 shipped with vz (" + RESOURCE + ")", FIX);
  }

  static byte[] read(String resource) {
    try (InputStream in = ShippedV0.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the v0 shipped with vz is missing from the classpath (" + resource
            + "); " + FIX);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
