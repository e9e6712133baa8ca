package org.visionzero.workers.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * What {@code vz bench worker} reports.
 *
 * @param throughput one entry per policy and batch size
 * @param swaps      checkpoint hot-swaps under continuous load, one measurement per policy
 */
public record WorkerBenchmarkResult(List<Throughput> throughput, List<Swap> swaps) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public WorkerBenchmarkResult {
    throughput = List.copyOf(throughput);
    swaps = List.copyOf(swaps);
  }

  /**
   * Turns per second of one policy at one batch size, on a backlog of turn requests, end to end through
   * Kafka (decode, policy, transactional answer with offsets).
   *
   * @param status         {@code ok}, or why there is no figure (e.g. no factory for the model yet)
   * @param turns          turn requests in the backlog
   * @param answered       distinct turns answered
   * @param seconds        from the first to the last answer
   * @param turnsPerSecond steady-state rate: answers after the first batch over that span; 0 when unknown
   * @param inferenceTurnsPerSecond the policy alone on the same turns in batches of {@code batchSize}, without
   *     Kafka: the ceiling the worker approaches as batches grow
   */
  public record Throughput(String policy, int batchSize, String status, int turns, int answered, double seconds,
      double turnsPerSecond, double inferenceTurnsPerSecond) {
    public static Throughput unavailable(String policy, int batchSize, String reason) {
      return new Throughput(policy, batchSize, reason, 0, 0, 0, 0, 0);
    }
  }

  /**
   * Time from writing {@code CheckpointPublished} to the first answer served by the new version, while turns
   * keep arriving; plus the check that none of those turns was lost or answered twice.
   *
   * @param status            {@code ok}, or why there is no figure
   * @param millisToNewVersion one figure per published version, in order
   * @param medianMillis      median of those figures
   * @param turnsRequested    turns written during the measurement
   * @param turnsAnswered     distinct turns answered
   * @param duplicateAnswers  answers beyond the first for any turn (must be 0)
   */
  public record Swap(String policy, String status, List<Long> millisToNewVersion, long medianMillis,
      int turnsRequested, int turnsAnswered, int duplicateAnswers) {
    public Swap {
      millisToNewVersion = List.copyOf(millisToNewVersion);
    }

    public static Swap unavailable(String policy, String reason) {
      return new Swap(policy, reason, List.of(), 0, 0, 0, 0);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("benchmark result cannot be written as JSON", e);
    }
  }
}
