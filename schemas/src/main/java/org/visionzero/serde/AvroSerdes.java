package org.visionzero.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/** Factory of {@link AvroSerde}s that know the current and every released schema of their type. */
public final class AvroSerdes {
  private static final Map<Class<?>, AvroSerde<?>> CACHE = new ConcurrentHashMap<>();

  private AvroSerdes() {}

  /** The shared serde of a generated event class (thread-safe, cached). */
  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecordBase> AvroSerde<T> of(Class<T> type) {
    return (AvroSerde<T>) CACHE.computeIfAbsent(type, t -> create(type, List.of()));
  }

  /**
   * A serde that also accepts the given extra writer schemas, e.g. a schema not yet released or an old
   * one recovered from an archive.
   */
  public static <T extends SpecificRecordBase> AvroSerde<T> withExtraWriterSchemas(
      Class<T> type, List<Schema> extra) {
    return create(type, extra);
  }

  private static <T extends SpecificRecordBase> AvroSerde<T> create(Class<T> type, List<Schema> extra) {
    Schema current = SpecificData.get().getSchema(type);
    List<Schema> writers = new ArrayList<>(ReleasedSchemas.bundled().versionsOf(current.getFullName()));
    writers.addAll(extra);
    return new AvroSerde<>(type, current, writers);
  }
}
