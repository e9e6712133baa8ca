package org.visionzero.streams.coordinator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.visionzero.hash.Sha256;

/** Deterministic game ids and seeds, so a re-delivered pair or request maps to the same game. */
public final class GameIds {
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
  /** Hex digits of the request-id hash that keep sanitised ids distinct ('a/b' and 'a_b'). */
  private static final int HASH_CHARS = 8;

  private GameIds() {}

  /** A training game: {@code g-<pairId>-<policy version>-<n-th use of the pair>}. */
  public static String training(String pairId, int policyVersion, long use) {
    return "g-" + pairId + "-" + policyVersion + "-" + use;
  }

  /** A requested game: {@code r-<request eventId, sanitised>-<8 hex of its sha256>}. */
  public static String requested(String requestEventId) {
    String hash = Sha256.hex(requestEventId.getBytes(StandardCharsets.UTF_8)).substring(0, HASH_CHARS);
    return "r-" + UNSAFE.matcher(requestEventId).replaceAll("_") + "-" + hash;
  }

  /** The game seed derived from a game id (first 8 bytes of its sha256), when no seed was requested. */
  public static long seedOf(String gameId) {
    byte[] digest = Sha256.digest().digest(gameId.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong();
  }
}
