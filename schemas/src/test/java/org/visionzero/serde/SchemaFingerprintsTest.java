package org.visionzero.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class SchemaFingerprintsTest {
  /** Set to true to rewrite the committed index instead of checking it. */
  private static final String WRITE_PROPERTY = "vz.schemas.fingerprints.write";
  /** Surefire runs in the module directory. (Jackson comes with Avro.) */
  private static final Path RESOURCES = Path.of("src", "main", "resources");

  @Test
  void committedIndexShouldBeWhatJavaComputesForTheReleasedSchemas() throws IOException {
    String computed = SchemaFingerprints.toJson(SchemaFingerprints.entries(ReleasedSchemas.bundled()));
    Path committed = SchemaFingerprints.indexFile(RESOURCES);
    if (Boolean.getBoolean(WRITE_PROPERTY)) {
      SchemaFingerprints.write(computed, RESOURCES);
    }

    assertThat(committed).as("the fingerprint index %s is missing; create it with: %s", committed.toAbsolutePath(),
        SchemaFingerprints.REGENERATE_COMMAND).exists();
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("%s disagrees with the fingerprints Java computes for the released schemas; regenerate it"
            + " (from the repository root) with: %s", committed.toAbsolutePath(),
            SchemaFingerprints.REGENERATE_COMMAND)
        .isEqualTo(computed);
  }

  @Test
  void indexShouldShipInTheJar() throws IOException {
    try (InputStream in = ReleasedSchemas.class.getResourceAsStream(
        ReleasedSchemas.ROOT + SchemaFingerprints.INDEX_FILE)) {
      assertThat(in).as("the index must be a classpath resource beside the released schemas").isNotNull();
    }
  }

  @Test
  void everyReleasedSchemaShouldBeIndexed() {
    ReleasedSchemas released = ReleasedSchemas.bundled();
    List<SchemaFingerprints.Entry> entries = SchemaFingerprints.entries(released);

    for (String release : released.releases()) {
      for (Schema schema : released.release(release).values()) {
        assertThat(entries).as(release + " " + schema.getFullName()).anySatisfy(e -> {
          assertThat(e.release()).isEqualTo(release);
          assertThat(e.fullName()).isEqualTo(schema.getFullName());
          assertThat(e.file()).isEqualTo(release + "/" + schema.getName() + ".avsc");
          assertThat(e.fingerprint()).isEqualTo(SchemaNormalization.parsingFingerprint64(schema));
        });
      }
    }
    assertThat(entries).hasSize(released.releases().stream().mapToInt(r -> released.release(r).size()).sum());
  }

  @Test
  void wireHexShouldBeTheEightBytesAfterTheHeaderOfAnEncodedRecord() {
    List<SpecificRecordBase> events = new ArrayList<>();
    events.add(SampleEvents.imagePair());
    events.add(SampleEvents.gameRequested());
    events.add(SampleEvents.turnRequested());
    events.add(SampleEvents.gameEvents().get(0));
    events.add(SampleEvents.trajectory());
    events.add(SampleEvents.checkpoint());
    events.add(SampleEvents.trainingEvents().get(0));
    events.add(SampleEvents.deadLetter());

    for (SpecificRecordBase event : events) {
      byte[] bytes = encode(event);
      String onWire = HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 2, 10));
      long fingerprint = SchemaNormalization.parsingFingerprint64(event.getSchema());
      assertThat(SchemaFingerprints.wireHex(fingerprint)).as(event.getSchema().getName()).isEqualTo(onWire);
    }
    assertThat(events.stream().map(Object::getClass).distinct().toList()).containsAll(EventTypes.ALL);
  }

  @Test
  void committedIndexShouldBeReadableJsonThatAnotherLanguageCanCheck() throws IOException {
    JsonNode index = new ObjectMapper().readTree(
        Files.readString(SchemaFingerprints.indexFile(RESOURCES), StandardCharsets.UTF_8));

    assertThat(index.get("algorithm").asText()).isEqualTo("CRC-64-AVRO");
    assertThat(index.get("schemas")).isNotEmpty();
    for (JsonNode entry : index.get("schemas")) {
      String canonical = entry.get("canonicalForm").asText();
      long fingerprint = entry.get("fingerprint").asLong();
      assertThat(entry.get("fingerprint").isIntegralNumber()).isTrue();
      assertThat(SchemaNormalization.fingerprint64(canonical.getBytes(StandardCharsets.UTF_8)))
          .as("CRC-64-AVRO of the canonical form of " + entry.get("file").asText()).isEqualTo(fingerprint);
      assertThat(entry.get("fingerprintHex").asText()).matches("[0-9a-f]{16}")
          .isEqualTo(SchemaFingerprints.wireHex(fingerprint));
      assertThat(new Schema.Parser().parse(canonical).getFullName()).isEqualTo(entry.get("fullName").asText());
    }
  }

  @Test
  void wireHexShouldPutTheLeastSignificantByteFirst() {
    assertThat(SchemaFingerprints.wireHex(0x0102030405060708L)).isEqualTo("0807060504030201");
    assertThat(SchemaFingerprints.wireHex(-1L)).isEqualTo("ffffffffffffffff");
    assertThat(SchemaFingerprints.wireHex(0x80L)).isEqualTo("8000000000000000");
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecordBase> byte[] encode(T event) {
    return AvroSerdes.of((Class<T>) event.getClass()).encode(event);
  }
}
