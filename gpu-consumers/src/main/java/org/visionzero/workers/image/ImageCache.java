package org.visionzero.workers.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.ImageBytes;
import org.visionzero.events.BlobRef;

/**
 * Resolves image references through the blob store (which verifies each blob's sha256) and keeps a bounded
 * number of decoded images, least recently used dropped first. Images are keyed by content hash, so every
 * turn of a game (and every game on the same pair) shares one decoded copy.
 */
public final class ImageCache {
  private final BlobStore blobs;
  private final int capacity;
  private final Map<String, BufferedImage> decoded;
  private long hits;
  private long misses;

  public ImageCache(BlobStore blobs, int capacity) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    if (capacity < 1) {
      throw new IllegalArgumentException("image cache capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.decoded = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
        return size() > ImageCache.this.capacity;
      }
    };
  }

  /**
   * The decoded image of a reference; {@code null} for a {@code null} reference (a blank image).
   *
   * @throws ImageUnavailableException when the blob is missing, corrupted or not a readable image
   */
  public synchronized BufferedImage resolve(BlobRef ref) throws ImageUnavailableException {
    if (ref == null) {
      return null;
    }
    BufferedImage cached = decoded.get(ref.getSha256());
    if (cached != null) {
      hits++;
      return cached;
    }
    misses++;
    BufferedImage image = decode(ref, fetch(ref));
    decoded.put(ref.getSha256(), image);
    return image;
  }

  public synchronized int size() {
    return decoded.size();
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  private byte[] fetch(BlobRef ref) throws ImageUnavailableException {
    try {
      return blobs.get(ref);
    } catch (IOException | IllegalArgumentException e) {
      throw new ImageUnavailableException("image " + ref.getUri() + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static BufferedImage decode(BlobRef ref, byte[] bytes) throws ImageUnavailableException {
    try {
      return ImageBytes.read(bytes).orElseThrow(() -> new ImageUnavailableException("image " + ref.getUri()
          + " (" + ref.getMediaType() + ", " + bytes.length + " bytes) is not in a format this worker can decode"));
    } catch (IOException e) {
      throw new ImageUnavailableException("image " + ref.getUri() + " is corrupt: " + e.getMessage(), e);
    }
  }
}
