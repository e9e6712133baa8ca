package org.visionzero.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.Purpose;

class AvroSerdeTest {

  @Test
  void shouldRoundTripEveryEventType() {
    List<SpecificRecordBase> events = new ArrayList<>();
    events.add(SampleEvents.imagePair());
    events.add(SampleEvents.gameRequested());
    events.add(SampleEvents.turnRequested());
    events.addAll(SampleEvents.gameEvents());
    events.add(SampleEvents.trajectory());
    events.add(SampleEvents.checkpoint());
    events.addAll(SampleEvents.trainingEvents());
    events.add(SampleEvents.deadLetter());

    for (SpecificRecordBase event : events) {
      assertThat(roundTrip(event)).as(event.getSchema().getName()).isEqualTo(event);
    }
    assertThat(events.stream().map(Object::getClass).distinct().toList()).containsAll(EventTypes.ALL);
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecordBase> T roundTrip(T event) {
    AvroSerde<T> serde = AvroSerdes.of((Class<T>) event.getClass());
    byte[] bytes = serde.serializer().serialize("topic", event);
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    return serde.deserializer().deserialize("topic", bytes);
  }

  @Test
  void shouldDecodeRecordWrittenWithOlderSchemaVersion() {
    // An earlier GameRequested had neither requestedBy nor tags: both now have defaults.
    Schema older = olderGameRequestedSchema();
    GenericRecord old = new GenericData.Record(older);
    old.put("eventId", "eval/old/1");
    old.put("occurredAt", 1_700_000_000_000L);
    old.put("pairId", "p9");
    old.put("purpose", new GenericData.EnumSymbol(older.getField("purpose").schema(), "EVALUATION"));
    old.put("civilianPolicy", policy(older, "civilianPolicy", 1));
    old.put("spyPolicy", policy(older, "spyPolicy", 0));
    old.put("decisionPolicy", policy(older, "decisionPolicy", 1));
    old.put("blankDecisionImage", false);
    old.put("seed", null);
    byte[] bytes = encode(older, old);

    AvroSerde<GameRequested> serde = AvroSerdes.withExtraWriterSchemas(GameRequested.class, List.of(older));
    GameRequested decoded = serde.decode(bytes);

    assertThat(decoded.getPairId()).isEqualTo("p9");
    assertThat(decoded.getPurpose()).isEqualTo(Purpose.EVALUATION);
    assertThat(decoded.getSpyPolicy().getVersion()).isZero();
    assertThat(decoded.getRequestedBy()).isEmpty();
    assertThat(decoded.getTags()).isEmpty();
  }

  @Test
  void shouldRefuseRecordOfUnknownSchemaWithClearMessage() {
    Schema older = olderGameRequestedSchema();
    GenericRecord old = new GenericData.Record(older);
    old.put("eventId", "x");
    old.put("occurredAt", 1L);
    old.put("pairId", "p");
    old.put("purpose", new GenericData.EnumSymbol(older.getField("purpose").schema(), "TRAINING"));
    old.put("civilianPolicy", policy(older, "civilianPolicy", 1));
    old.put("spyPolicy", policy(older, "spyPolicy", 1));
    old.put("decisionPolicy", policy(older, "decisionPolicy", 1));
    old.put("blankDecisionImage", false);
    old.put("seed", null);
    byte[] bytes = encode(older, old);

    assertThatThrownBy(() -> AvroSerdes.of(GameRequested.class).decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema version");
  }

  @Test
  void shouldRefuseBytesThatAreNotSingleObjectEncoded() {
    assertThatThrownBy(() -> AvroSerdes.of(GameEvent.class).decode("hello, not avro".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("GameEvent");
  }

  @Test
  void shouldRefuseTruncatedBody() {
    byte[] bytes = AvroSerdes.of(GameRequested.class).encode(SampleEvents.gameRequested());
    byte[] truncated = java.util.Arrays.copyOf(bytes, 14);
    assertThatThrownBy(() -> AvroSerdes.of(GameRequested.class).decode(truncated))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldKeepNullAsTombstone() {
    assertThat(AvroSerdes.of(GameEvent.class).encode(null)).isNull();
    assertThat(AvroSerdes.of(GameEvent.class).decode(null)).isNull();
  }

  private static Schema olderGameRequestedSchema() {
    Schema current = GameRequested.getClassSchema();
    return SchemaBuilder.record("GameRequested").namespace("org.visionzero.events").fields()
        .name("eventId").type().stringType().noDefault()
        .name("occurredAt").type(current.getField("occurredAt").schema()).noDefault()
        .name("pairId").type().stringType().noDefault()
        .name("purpose").type(current.getField("purpose").schema()).noDefault()
        .name("civilianPolicy").type(current.getField("civilianPolicy").schema()).noDefault()
        .name("spyPolicy").type(current.getField("spyPolicy").schema()).noDefault()
        .name("decisionPolicy").type(current.getField("decisionPolicy").schema()).noDefault()
        .name("blankDecisionImage").type().booleanType().booleanDefault(false)
        .name("seed").type(current.getField("seed").schema()).withDefault(null)
        .endRecord();
  }

  private static GenericRecord policy(Schema schema, String field, int version) {
    GenericRecord ref = new GenericData.Record(schema.getField(field).schema());
    ref.put("name", "vz");
    ref.put("version", version);
    return ref;
  }

  private static byte[] encode(Schema schema, GenericRecord record) {
    try {
      java.nio.ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
