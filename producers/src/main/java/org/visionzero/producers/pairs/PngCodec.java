package org.visionzero.producers.pairs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG encoding without time-dependent chunks: ImageIO's PNG writer emits only IHDR, IDAT and IEND for our images,
 * so the same pixels always give the same bytes (tested).
 */
public final class PngCodec {

  public static final String MEDIA_TYPE = "image/png";

  private PngCodec() {
  }

  /** The image as PNG bytes. */
  public static byte[] encode(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a " + image.getWidth() + "x" + image.getHeight()
          + " image as PNG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Decodes PNG (or any format ImageIO reads); fails with a clear message when the bytes are not an image. */
  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalArgumentException("the " + bytes.length + " bytes are not an image ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("could not decode an image of " + bytes.length + " bytes", e);
    }
  }
}
