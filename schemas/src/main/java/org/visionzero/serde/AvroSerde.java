package org.visionzero.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one Avro event type in single-object encoding ({@code C3 01}, the 8-byte schema
 * fingerprint, then the body). We have no schema registry here: the fingerprint identifies the writer
 * schema, and a {@link SchemaStore} that knows every released version resolves it, so records written by
 * older (or, once released, newer) producers decode into the current classes.
 *
 * <p>A record that cannot be decoded raises a {@link SerializationException} whose message says why
 * (unknown fingerprint, not single-object encoded, corrupt body); components turn it into a dead letter.
 */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T> {
  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  AvroSerde(Class<T> type, Schema current, List<Schema> writerSchemas) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    SchemaStore.Cache store = new SchemaStore.Cache();
    writerSchemas.forEach(store::addSchema);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current, store);
    writerSchemas.forEach(decoder::addSchema);
  }

  public Class<T> type() {
    return type;
  }

  /** Encodes a record; null stays null (a tombstone). */
  public byte[] encode(T record) {
    if (record == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Decodes bytes written with any known version of the schema; null stays null. */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new SerializationException("cannot decode " + type.getSimpleName()
          + ": written with an unknown schema version (" + e.getMessage()
          + "); release that schema into schemas/src/main/resources" + ReleasedSchemas.ROOT, e);
    } catch (org.apache.avro.message.BadHeaderException e) {
      throw new SerializationException("cannot decode " + type.getSimpleName()
          + ": not Avro single-object encoded (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode " + type.getSimpleName() + " from "
          + bytes.length + " bytes: " + e, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> encode(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> decode(data);
  }
}
