package org.visionzero.blob;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes held in memory (a blob, a rendered pair). {@code ImageIO.read(InputStream)} would buffer
 * every image through a temporary file (its default disk cache): on a worker at full load that was a file
 * created, written and deleted per decode, a third of the worker's time in the pipeline bench.
 */
public final class ImageBytes {

  private ImageBytes() {
  }

  /** The decoded image, or empty when the bytes are in no format ImageIO reads. */
  public static Optional<BufferedImage> read(byte[] bytes) throws IOException {
    ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    // ImageIO.read closes the stream once a reader took it, and leaves it open when none did
    BufferedImage image = ImageIO.read(in);
    if (image == null) {
      in.close();
    }
    return Optional.ofNullable(image);
  }
}
