package org.visionzero.producers.photos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a photo safely: refuses files over the size limit unread, images whose header declares too many pixels
 * before decoding them, and anything ImageIO cannot decode; then scales to cover the output size and centre-crops.
 */
final class PhotoLoader {

  private final PhotoOptions options;

  PhotoLoader(PhotoOptions options) {
    this.options = options;
  }

  /** The file's bytes, refused when it is too large or unreadable. */
  byte[] read(Path file) throws UnusablePhotoException {
    try {
      long size = Files.size(file);
      if (size > options.maxFileBytes()) {
        throw new UnusablePhotoException("file " + file + " is too large: " + size + " bytes, the limit is "
            + options.maxFileBytes());
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnusablePhotoException("file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The photo at the output size, refused when it is not a decodable image or is too large. */
  BufferedImage decode(Path file, byte[] bytes) throws UnusablePhotoException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new UnusablePhotoException("file " + file + " is not an image (no JPEG/PNG/GIF/BMP header)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > options.maxPixels()) {
          throw new UnusablePhotoException("image " + file + " is too large: " + reader.getWidth(0) + "x"
              + reader.getHeight(0) + " pixels, the limit is " + options.maxPixels());
        }
        BufferedImage photo = coverAndCrop(reader.read(0));
        if (isSingleColour(photo)) {
          throw new UnusablePhotoException("image " + file + " is blank (a single colour): nothing to edit");
        }
        return photo;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new UnusablePhotoException("file " + file + " is not a readable image: " + e.getMessage(), e);
    }
  }

  private static boolean isSingleColour(BufferedImage image) {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int pixel : pixels) {
      if (pixel != pixels[0]) {
        return false;
      }
    }
    return true;
  }

  private BufferedImage coverAndCrop(BufferedImage source) {
    int width = options.width();
    int height = options.height();
    double scale = Math.max(width / (double) source.getWidth(), height / (double) source.getHeight());
    double drawnWidth = source.getWidth() * scale;
    double drawnHeight = source.getHeight() * scale;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, (int) Math.round((width - drawnWidth) / 2), (int) Math.round((height - drawnHeight) / 2),
          (int) Math.round(drawnWidth), (int) Math.round(drawnHeight), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
