package org.visionzero.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.visionzero.events.BlobRef;
import org.visionzero.hash.Sha256;

/**
 * {@link BlobStore} on a local (or shared, e.g. NFS) directory: {@code <root>/sha256/ab/<hash>}.
 *
 * <p>Writes go to a temporary file in the same directory and are moved into place atomically, so a
 * concurrent reader sees the whole blob or none. URIs have the form {@code blob:sha256/<hash>}; a reference
 * whose uri or hash would resolve outside the root is refused.
 */
public final class FileBlobStore implements BlobStore {
  public static final String URI_PREFIX = "blob:sha256/";
  private static final String HASH_DIR = "sha256";
  private static final int VERIFY_BUFFER_BYTES = 64 * 1024;

  private final Path root;

  public FileBlobStore(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public BlobRef put(byte[] bytes, String mediaType) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(mediaType, "mediaType");
    String hash = Sha256.hex(bytes);
    Path target = pathOf(hash);
    if (!Files.exists(target)) {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), hash, ".tmp");
      try {
        Files.write(tmp, bytes);
        moveIntoPlace(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return BlobRef.newBuilder()
        .setUri(URI_PREFIX + hash)
        .setSha256(hash)
        .setMediaType(mediaType)
        .setSize(bytes.length)
        .build();
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another writer stored the same content first: content addressing makes that a success.
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public byte[] get(BlobRef ref) throws IOException {
    Path path = resolve(ref);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException("no blob " + ref.getSha256() + " in " + root);
    }
    requireHash(ref, Sha256.hex(bytes), path);
    return bytes;
  }

  /** Hashes the file as it streams past, so a checkpoint of any size is verified in a small buffer. */
  @Override
  public void verify(BlobRef ref) throws IOException {
    Path path = resolve(ref);
    MessageDigest digest = Sha256.digest();
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[VERIFY_BUFFER_BYTES];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException("no blob " + ref.getSha256() + " in " + root);
    }
    requireHash(ref, HexFormat.of().formatHex(digest.digest()), path);
  }

  private static void requireHash(BlobRef ref, String actual, Path path) throws BlobIntegrityException {
    if (!actual.equals(ref.getSha256())) {
      throw new BlobIntegrityException("blob " + ref.getSha256() + " is corrupted: its bytes hash to "
          + actual + " (file " + path + "); delete it and produce it again");
    }
  }

  @Override
  public boolean contains(BlobRef ref) {
    return Files.isRegularFile(resolve(ref));
  }

  @Override
  public Optional<Path> localPath(BlobRef ref) {
    Path path = resolve(ref);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  /** Resolves a reference to its file, refusing malformed hashes and anything that leaves the root. */
  Path resolve(BlobRef ref) {
    Objects.requireNonNull(ref, "ref");
    String hash = ref.getSha256();
    if (!Sha256.isValid(hash)) {
      throw new IllegalArgumentException("blob reference has a malformed sha256 '" + hash
          + "': expected 64 lower-case hex characters");
    }
    String uri = ref.getUri();
    if (uri != null && !uri.isEmpty() && !uri.equals(URI_PREFIX + hash)) {
      throw new IllegalArgumentException("blob reference uri '" + uri + "' does not match its sha256 "
          + hash + ": expected " + URI_PREFIX + hash);
    }
    return pathOf(hash);
  }

  private Path pathOf(String hash) {
    Path path = root.resolve(HASH_DIR).resolve(hash.substring(0, 2)).resolve(hash).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("blob reference " + hash + " resolves outside the store " + root);
    }
    return path;
  }
}
