package org.visionzero.streams.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the off-heap memory of every RocksDB store in the JVM together, as the Kafka Streams memory-management
 * guide does: one LRU block cache shared by all stores, with their memtables charged to it through one
 * {@link WriteBufferManager}, and index and filter blocks kept in the cache. Left to its defaults each store
 * instance (one per store and partition: 18 in a {@code vz run}, coordinator and scorer) may hold a 50 MB block
 * cache and three 16 MB memtables of its own. The budget is {@value #MEMORY_MB_CONFIG} (MiB, default
 * {@value #DEFAULT_MEMORY_MB}), set as {@code streams.rocksdb.memory.mb}; 0 leaves RocksDB's defaults.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** The Streams property with the budget, in MiB. */
  public static final String MEMORY_MB_CONFIG = "rocksdb.memory.mb";
  public static final int DEFAULT_MEMORY_MB = 64;
  /** The memtables' share of the budget. */
  static final double MEMTABLE_SHARE = 0.5;
  /** Index and filter blocks get this share of the cache at high priority, so data blocks cannot evict them. */
  static final double HIGH_PRIORITY_SHARE = 0.1;
  /** Memtable size of one store; small, because the live state of a game store is small. */
  static final long WRITE_BUFFER_BYTES = 4L << 20;
  static final int WRITE_BUFFERS = 2;
  private static final long MIB = 1L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(BoundedRocksDbMemory.class);

  /** One cache and one write-buffer manager per budget, shared by every store of the JVM; never closed. */
  private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

  private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long budget = budgetBytes(configs);
    if (budget == 0) {
      return;
    }
    Shared shared = SHARED.computeIfAbsent(budget, bytes -> {
      LOG.info("RocksDB stores of this JVM share {} MiB (block cache, memtables included; {})", bytes / MIB,
          MEMORY_MB_CONFIG);
      Cache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
      return new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
    });
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(shared.writeBuffers());
    options.setWriteBufferSize(Math.min(WRITE_BUFFER_BYTES, (long) (budget * MEMTABLE_SHARE)));
    options.setMaxWriteBufferNumber(WRITE_BUFFERS);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write-buffer manager are shared by every store: closing them here would break the others
  }

  /** The budget in bytes from the Streams properties; a missing value is the default, 0 is off. */
  static long budgetBytes(Map<String, Object> configs) {
    Object value = configs.get(MEMORY_MB_CONFIG);
    if (value == null) {
      return DEFAULT_MEMORY_MB * MIB;
    }
    long mb;
    try {
      mb = Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(MEMORY_MB_CONFIG, value, "must be a whole number of MiB (0: RocksDB's defaults)");
    }
    if (mb < 0) {
      throw new ConfigException(MEMORY_MB_CONFIG, value, "must be >= 0 (0: RocksDB's defaults)");
    }
    return mb * MIB;
  }
}
