package org.visionzero.policy.remote;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** An image as a base64 PNG data URI, the form the OpenAI chat API takes inline; PNG keeps every pixel exact. */
public final class ImageDataUri {
  private static final String PREFIX = "data:image/png;base64,";
  private static final String DATA = "data:";
  private static final String BASE64_MARK = ";base64,";

  private ImageDataUri() {}

  public static String encode(BufferedImage image) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IllegalStateException("the JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the image as PNG", e);
    }
    return PREFIX + Base64.getEncoder().encodeToString(png.toByteArray());
  }

  /**
   * Decodes a base64 data URI of any image type the JDK reads; a URL of another scheme is refused (a server
   * here fetches nothing from the network).
   */
  public static BufferedImage decode(String uri) {
    if (!uri.startsWith(DATA)) {
      throw new IllegalArgumentException("only base64 data URIs are accepted for images (data:image/png;base64,...), "
          + "got a URI starting " + uri.substring(0, Math.min(uri.length(), 16)));
    }
    int mark = uri.indexOf(BASE64_MARK);
    if (mark < 0) {
      throw new IllegalArgumentException("the image data URI is not base64 (it needs ';base64,')");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(uri.substring(mark + BASE64_MARK.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the image data URI holds invalid base64: " + e.getMessage(), e);
    }
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalArgumentException("the image data URI holds no image the server can read");
      }
      return image;
    } catch (IOException e) {
      throw new IllegalArgumentException("the image data URI holds an unreadable image: " + e.getMessage(), e);
    }
  }
}
