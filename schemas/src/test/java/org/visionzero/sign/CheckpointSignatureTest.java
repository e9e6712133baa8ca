package org.visionzero.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CheckpointSignatureTest {
  private static final String KEY_TEXT = "0123456789abcdef0123456789abcdef";
  private static final CheckpointSignature SIGNED = CheckpointSignature.withKey(bytes(KEY_TEXT));
  private static final byte[] POLICY = bytes("vz");
  private static final byte[] EVENT = bytes("checkpoint/vz/7 with its blob sha256");
  private static final String GOLDEN = "e28514227cf5f975054148f1ba49582bce5a99dff3e8759aa8ceca855abbe98d";

  @Test
  void shouldMatchTheHmacSha256OfTheKeyLengthKeyAndValue() {
    // Golden: python3 -c "import hmac,hashlib; k=b'0123456789abcdef0123456789abcdef';
    //   print(hmac.new(k, (2).to_bytes(4,'big')+b'vz'+b'checkpoint/vz/7 with its blob sha256', hashlib.sha256).hexdigest())"
    assertThat(HexFormat.of().formatHex(SIGNED.sign(POLICY, EVENT).orElseThrow()))
        .isEqualTo(GOLDEN);
  }

  @Test
  void shouldAcceptItsOwnSignatureAndRefuseMissingWrongOrAlteredOnes() {
    byte[] mac = SIGNED.sign(POLICY, EVENT).orElseThrow();
    CheckpointSignature other = CheckpointSignature.withKey(bytes("another key, also thirty-two bytes long"));

    assertThat(SIGNED.problem(POLICY, EVENT, mac)).isEmpty();
    assertThat(SIGNED.problem(POLICY, EVENT, null)).hasValueSatisfying(p -> assertThat(p).contains("unsigned"));
    assertThat(other.problem(POLICY, EVENT, mac)).hasValueSatisfying(p -> assertThat(p).contains("does not match"));
    assertThat(SIGNED.problem(bytes("vz-referee"), EVENT, mac)).isPresent();
    assertThat(SIGNED.problem(POLICY, bytes("checkpoint/vz/8 with its blob sha256"), mac)).isPresent();
    // The key's length is in the MAC: moving bytes between key and value is another record.
    assertThat(SIGNED.problem(bytes("vzc"), bytes("heckpoint/vz/7 with its blob sha256"), mac)).isPresent();
  }

  @Test
  void shouldSignAndCheckRecordsThroughTheirHeader() {
    ProducerRecord<byte[], byte[]> sent = SIGNED.signed(new ProducerRecord<>("vz.checkpoints", POLICY, EVENT));
    ConsumerRecord<byte[], byte[]> received = new ConsumerRecord<>("vz.checkpoints", 0, 0, POLICY, EVENT);
    sent.headers().forEach(h -> received.headers().add(h));

    assertThat(sent.headers().lastHeader(CheckpointSignature.HEADER)).isNotNull();
    assertThat(SIGNED.problem(received)).isEmpty();
    assertThat(SIGNED.problem(new ConsumerRecord<>("vz.checkpoints", 0, 1, POLICY, EVENT))).isPresent();
  }

  @Test
  void shouldNeitherSignNorCheckWithoutAKey() {
    CheckpointSignature off = CheckpointSignature.fromEnvironment(Map.of());

    assertThat(off.enabled()).isFalse();
    assertThat(off.sign(POLICY, EVENT)).isEmpty();
    assertThat(off.problem(POLICY, EVENT, null)).isEmpty();
    assertThat(off.signed(new ProducerRecord<>("t", POLICY, EVENT)).headers().toArray()).isEmpty();
  }

  @Test
  void shouldRefuseAShortKeyAndNeverShowTheKey() {
    assertThatThrownBy(() -> CheckpointSignature.fromEnvironment(Map.of(CheckpointSignature.KEY_VARIABLE, "short")))
        .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("short");
    assertThat(CheckpointSignature.fromEnvironment(Map.of(CheckpointSignature.KEY_VARIABLE, KEY_TEXT)).toString())
        .doesNotContain(KEY_TEXT).contains("key set");
  }


  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
