package org.visionzero.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {
  static {
    RocksDB.loadLibrary();
  }

  private final BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

  @Test
  void shouldShareOneWriteBufferManagerAndSmallMemtablesBetweenStores() {
    try (Options games = withTable(); Options pairs = withTable()) {
      setter.setConfig("coordinator-games", games, Map.of());
      setter.setConfig("coordinator-pairs", pairs, Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, "64"));

      assertThat(games.writeBufferManager()).isNotNull().isSameAs(pairs.writeBufferManager());
      assertThat(games.writeBufferSize()).isEqualTo(4L << 20);
      assertThat(games.maxWriteBufferNumber()).isEqualTo(2);
      BlockBasedTableConfig table = (BlockBasedTableConfig) games.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
      assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
      setter.close("coordinator-games", games);
      setter.close("coordinator-pairs", pairs);
    }
  }

  @Test
  void shouldLeaveRocksDbsDefaultsWhenTheBudgetIsZero() {
    try (Options defaults = withTable(); Options off = withTable()) {
      setter.setConfig("scorer-games", off, Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, 0));

      assertThat(off.writeBufferManager()).isNull();
      assertThat(off.writeBufferSize()).isEqualTo(defaults.writeBufferSize());
      assertThat(off.maxWriteBufferNumber()).isEqualTo(defaults.maxWriteBufferNumber());
    }
  }

  @Test
  void shouldGiveAMemtableNoMoreThanItsShareOfATinyBudget() {
    try (Options tiny = withTable()) {
      setter.setConfig("tiny", tiny, Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, 2));

      assertThat(tiny.writeBufferSize()).isEqualTo(1L << 20);
    }
  }

  @Test
  void shouldRefuseABudgetThatIsNotAWholeNumberOfMib() {
    assertThat(BoundedRocksDbMemory.budgetBytes(Map.of())).isEqualTo(64L << 20);
    assertThat(BoundedRocksDbMemory.budgetBytes(Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, " 128 ")))
        .isEqualTo(128L << 20);
    assertThatThrownBy(() -> BoundedRocksDbMemory.budgetBytes(Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, "lots")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("whole number of MiB");
    assertThatThrownBy(() -> BoundedRocksDbMemory.budgetBytes(Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, -1)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(">= 0");
  }

  /** Options with a block-based table, as Kafka Streams hands them to a config setter. */
  private static Options withTable() {
    Options options = new Options();
    options.setTableFormatConfig(new BlockBasedTableConfig());
    return options;
  }
}
