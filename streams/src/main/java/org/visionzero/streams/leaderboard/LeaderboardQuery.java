package org.visionzero.streams.leaderboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.visionzero.json.Json;

/** Reads the leaderboard store (interactive queries) as rows ordered by pairing, and renders them as JSON. */
public final class LeaderboardQuery {
  static final Comparator<LeaderboardRow> ORDER = Comparator.comparing(LeaderboardRow::civilianPolicy)
      .thenComparingInt(LeaderboardRow::civilianVersion)
      .thenComparing(LeaderboardRow::spyPolicy)
      .thenComparingInt(LeaderboardRow::spyVersion);

  private final Supplier<ReadOnlyKeyValueStore<String, LeaderboardRow>> store;

  public LeaderboardQuery(Supplier<ReadOnlyKeyValueStore<String, LeaderboardRow>> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** A query over a running leaderboard application (its state must be RUNNING). */
  public static LeaderboardQuery of(KafkaStreams streams) {
    return new LeaderboardQuery(() -> streams.store(StoreQueryParameters.fromNameAndType(
        LeaderboardTopology.STORE, QueryableStoreTypes.keyValueStore())));
  }

  /** Every pairing, ordered by civilian policy and version, then spy policy and version. */
  public List<LeaderboardRow> rows() {
    List<LeaderboardRow> rows = new ArrayList<>();
    try (KeyValueIterator<String, LeaderboardRow> all = store.get().all()) {
      while (all.hasNext()) {
        KeyValue<String, LeaderboardRow> entry = all.next();
        rows.add(entry.value);
      }
    }
    rows.sort(ORDER);
    return rows;
  }

  /** The rows as a JSON array. */
  public String toJson() {
    return toJson(rows());
  }

  public static String toJson(List<LeaderboardRow> rows) {
    ArrayNode array = Json.mapper().createArrayNode();
    rows.forEach(row -> array.add(row.toJsonNode()));
    return Json.write(array);
  }
}
