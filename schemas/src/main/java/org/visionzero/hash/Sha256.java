package org.visionzero.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 as lower-case hex: the identity of every blob ({@code BlobRef.sha256}), of a dead-lettered input that
 * is not a record, of a requested game. A hash helper, not storage: it stays in the contract module, where the
 * dead letters need it, and the blob store (module blobstore) uses it from here.
 */
public final class Sha256 {
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** True for exactly 64 lower-case hex characters. */
  public static boolean isValid(String hex) {
    return hex != null && HEX_64.matcher(hex).matches();
  }

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM must provide SHA-256", e);
    }
  }
}
