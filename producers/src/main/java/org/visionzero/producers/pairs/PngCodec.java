package org.visionzero.producers.pairs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.visionzero.blob.ImageBytes;

/**
 * PNG encoding that depends only on the pixels: 8-bit RGB, Paeth filter on every row, one zlib stream at a fixed
 * level, and only the IHDR, IDAT and IEND chunks (no time or text chunks). Two to three times faster than ImageIO's
 * adaptive writer on our 128×128 images and slightly smaller, and byte-identical for identical pixels (tested).
 * Alpha is dropped: every image we produce is opaque.
 */
public final class PngCodec {

  public static final String MEDIA_TYPE = "image/png";
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int BIT_DEPTH = 8;
  private static final int COLOUR_TYPE_RGB = 2;
  private static final int FILTER_PAETH = 4;
  private static final int CHANNELS = 3;
  /** Level 3 compresses our images within 5 % of level 6 in two thirds of the time. */
  private static final int COMPRESSION_LEVEL = 3;
  private static final int BYTE_MASK = 0xff;

  private PngCodec() {
  }

  /** The image as PNG bytes. */
  public static byte[] encode(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = pixels(image);
    ByteArrayOutputStream png = new ByteArrayOutputStream(width * height);
    try (DataOutputStream out = new DataOutputStream(png)) {
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream ihdr = new DataOutputStream(header);
      ihdr.writeInt(width);
      ihdr.writeInt(height);
      ihdr.writeByte(BIT_DEPTH);
      ihdr.writeByte(COLOUR_TYPE_RGB);
      ihdr.writeByte(0);
      ihdr.writeByte(0);
      ihdr.writeByte(0);
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", compress(filtered(argb, width, height)));
      chunk(out, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a " + width + "x" + height + " image as PNG", e);
    }
    return png.toByteArray();
  }

  /** Packed 0xRRGGBB pixels, row by row; straight from the raster for our usual int-RGB images. */
  private static int[] pixels(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
      return image.getRGB(0, 0, width, height, null, 0, width);
    }
    return (int[]) image.getRaster().getDataElements(0, 0, width, height, new int[width * height]);
  }

  /** Rows of RGB bytes, each preceded by its filter type and Paeth-filtered against the left and upper pixels. */
  private static byte[] filtered(int[] argb, int width, int height) {
    int stride = width * CHANNELS;
    byte[] raw = new byte[stride];
    byte[] previous = new byte[stride];
    byte[] out = new byte[(stride + 1) * height];
    int at = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int pixel = argb[y * width + x];
        raw[x * CHANNELS] = (byte) (pixel >> 16);
        raw[x * CHANNELS + 1] = (byte) (pixel >> 8);
        raw[x * CHANNELS + 2] = (byte) pixel;
      }
      out[at++] = FILTER_PAETH;
      for (int i = 0; i < stride; i++) {
        int left = i >= CHANNELS ? raw[i - CHANNELS] & BYTE_MASK : 0;
        int up = previous[i] & BYTE_MASK;
        int upLeft = i >= CHANNELS ? previous[i - CHANNELS] & BYTE_MASK : 0;
        out[at++] = (byte) ((raw[i] & BYTE_MASK) - paeth(left, up, upLeft));
      }
      byte[] swap = previous;
      previous = raw;
      raw = swap;
    }
    return out;
  }

  private static int paeth(int left, int up, int upLeft) {
    int estimate = left + up - upLeft;
    int toLeft = Math.abs(estimate - left);
    int toUp = Math.abs(estimate - up);
    int toUpLeft = Math.abs(estimate - upLeft);
    if (toLeft <= toUp && toLeft <= toUpLeft) {
      return left;
    }
    return toUp <= toUpLeft ? up : upLeft;
  }

  private static byte[] compress(byte[] data) throws IOException {
    Deflater deflater = new Deflater(COMPRESSION_LEVEL);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 2);
    try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater)) {
      out.write(data);
    } finally {
      deflater.end();
    }
    return compressed.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeInt(data.length);
    out.write(typeBytes);
    out.write(data);
    out.writeInt((int) crc.getValue());
  }

  /** Decodes PNG (or any format ImageIO reads); fails with a clear message when the bytes are not an image. */
  public static BufferedImage decode(byte[] bytes) {
    try {
      return ImageBytes.read(bytes).orElseThrow(() -> new IllegalArgumentException(
          "the " + bytes.length + " bytes are not an image ImageIO can read"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not decode an image of " + bytes.length + " bytes", e);
    }
  }
}
