package org.visionzero.sign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * HMAC-SHA256 signatures of checkpoint events, so that only a holder of the key (the trainer, and {@code vz run}'s
 * v0 bootstrap) can announce weights that workers and a resuming trainer will load. The MAC covers the record's key
 * (the policy name) and its whole value (version, blob reference with its sha256, architecture), and travels in the
 * record header {@value #HEADER}; the blob itself is bound by the sha256 the loaders already check.
 *
 * <p>With no key configured ({@value #KEY_VARIABLE} unset) nothing is signed and nothing is checked: the default of a
 * single-user machine. With a key, an unsigned or wrongly signed checkpoint is refused with the reason.
 */
public final class CheckpointSignature {
  /** The record header that carries the MAC. */
  public static final String HEADER = "vz-hmac-sha256";
  /** The environment variable that holds the key (at least {@value #MIN_KEY_BYTES} bytes of UTF-8). */
  public static final String KEY_VARIABLE = "VZ_CHECKPOINT_KEY";
  /** HMAC-SHA256 keys shorter than its output weaken it. */
  public static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  private CheckpointSignature(byte[] key) {
    this.key = key;
  }

  /** No signing and no checking. */
  public static CheckpointSignature off() {
    return new CheckpointSignature(null);
  }

  /** Signs and checks with {@code key}; a key shorter than {@value #MIN_KEY_BYTES} bytes is refused. */
  public static CheckpointSignature withKey(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the checkpoint signing key (" + KEY_VARIABLE + ") must be at least "
          + MIN_KEY_BYTES + " bytes, was " + (key == null ? 0 : key.length));
    }
    return new CheckpointSignature(key.clone());
  }

  /** From {@value #KEY_VARIABLE} in {@code environment} (e.g. {@code System.getenv()}); off when it is unset. */
  public static CheckpointSignature fromEnvironment(Map<String, String> environment) {
    String value = environment.get(KEY_VARIABLE);
    return value == null || value.isEmpty() ? off() : withKey(value.getBytes(StandardCharsets.UTF_8));
  }

  public boolean enabled() {
    return key != null;
  }

  /** The MAC of a record, to put in {@value #HEADER}; empty when signing is off. */
  public Optional<byte[]> sign(byte[] recordKey, byte[] value) {
    return enabled() ? Optional.of(mac(recordKey, value)) : Optional.empty();
  }

  /**
   * Why a record must not be trusted: missing or wrong MAC; empty when it may (always, when checking is off).
   *
   * @param header the value of {@value #HEADER}, or null when the record has none
   */
  public Optional<String> problem(byte[] recordKey, byte[] value, byte[] header) {
    if (!enabled()) {
      return Optional.empty();
    }
    if (header == null) {
      return Optional.of("unsigned checkpoint event (no " + HEADER + " header) while " + KEY_VARIABLE
          + " is set: only a publisher holding the key may announce weights");
    }
    if (!MessageDigest.isEqual(mac(recordKey, value), header)) {
      return Optional.of("checkpoint event signature does not match (" + HEADER + "): signed with another key, or "
          + "the record was altered");
    }
    return Optional.empty();
  }

  private byte[] mac(byte[] recordKey, byte[] value) {
    byte[] k = recordKey == null ? new byte[0] : recordKey;
    byte[] v = value == null ? new byte[0] : value;
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      // The key's length first, so that no split of key and value bytes can forge another record.
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(k.length).array());
      mac.update(k);
      mac.update(v);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime: " + e.getMessage(), e);
    }
  }

  /** {@code record} with its MAC in {@value #HEADER} (unchanged when signing is off). */
  public ProducerRecord<byte[], byte[]> signed(ProducerRecord<byte[], byte[]> record) {
    sign(record.key(), record.value()).ifPresent(mac -> record.headers().add(HEADER, mac));
    return record;
  }

  /** {@link #problem(byte[], byte[], byte[])} of a consumed record. */
  public Optional<String> problem(ConsumerRecord<byte[], byte[]> record) {
    Header header = record.headers().lastHeader(HEADER);
    return problem(record.key(), record.value(), header == null ? null : header.value());
  }

  @Override
  public String toString() {
    return "CheckpointSignature[" + (enabled() ? "HMAC-SHA256, key set" : "off") + "]";
  }
}
