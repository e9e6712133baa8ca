package org.visionzero.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.visionzero.events.BlobRef;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.ops.serve.PolicyServer;
import org.visionzero.ops.serve.ServedModels;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.remote.ChatClient;
import org.visionzero.policy.remote.RemotePolicy;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.policy.ModelPolicyFactory;

/**
 * The cost of the HTTP hop: the worker's policy call for a batch of B turns (8 clue turns to 1 decision turn of
 * G = 8, as in a game) played by the in-JVM model and by the same checkpoint behind {@code vz serve} on loopback,
 * alternating batch by batch in one process so both see the same machine load. Kafka is the same on both paths
 * and left out. Reports turns/s and the p99 of the batch call per B, and their ratios (HTTP / in-JVM).
 */
public final class HttpHopBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int IMAGE_SIZE = 64;
  private static final int WARM_UP_BATCHES = 3;

  /** One batch size's figures. */
  public record Row(int batchSize, double inJvmTurnsPerSecond, double httpTurnsPerSecond, double inJvmP99Ms,
      double httpP99Ms) {
    double throughputRatio() {
      return httpTurnsPerSecond / inJvmTurnsPerSecond;
    }

    double p99Ratio() {
      return httpP99Ms / inJvmP99Ms;
    }
  }

  private HttpHopBenchmark() {}

  /** Runs {@code batches} batches of each size on both paths; the checkpoint is written under {@code work}. */
  public static List<Row> run(byte[] checkpoint, List<Integer> batchSizes, int batches, Path work) throws Exception {
    Path file = work.resolve("bench.vzck");
    Files.write(file, checkpoint);
    int version = Checkpoints.decode(checkpoint, Checkpoints.sha256(checkpoint)).policyVersion();
    PolicyRef ref = new PolicyRef("vz", version);
    int widest = batchSizes.stream().mapToInt(Integer::intValue).max().orElse(1);
    List<Row> rows = new ArrayList<>();
    try (Policy inJvm = ModelPolicyFactory.standard().load(ref, checkpoint, WorkerDevice.CPU);
        PolicyServer server = PolicyServer.start(ServedModels.start(file, ModelPolicyFactory.standard(), 2,
            Optional.empty(), new SimpleMeterRegistry()), new PolicyServer.Settings("127.0.0.1", 0, 4 * widest,
            widest, Duration.ofMillis(1), Duration.ofSeconds(60), ""))) {
      RemoteSettings settings = RemoteSettings.defaults(URI.create("http://127.0.0.1:" + server.port() + "/v1"), "")
          .withMaxInFlight(widest);
      Policy http = new RemotePolicy(new ChatClient(settings), settings, ref, Vocabulary.standard());
      for (int size : batchSizes) {
        rows.add(measure(inJvm, http, ref, size, batches));
      }
    }
    return rows;
  }

  private static Row measure(Policy inJvm, Policy http, PolicyRef ref, int size, int batches) {
    SplittableRandom random = new SplittableRandom(size);
    for (int i = 0; i < WARM_UP_BATCHES; i++) {
      List<PolicyTurn> warm = batch(ref, size, random);
      play(inJvm, warm);
      play(http, warm);
    }
    long[] local = new long[batches];
    long[] remote = new long[batches];
    for (int i = 0; i < batches; i++) {
      List<PolicyTurn> turns = batch(ref, size, random);
      // Alternate which path goes first, so neither always runs on a warmer cache.
      if (i % 2 == 0) {
        local[i] = play(inJvm, turns);
        remote[i] = play(http, turns);
      } else {
        remote[i] = play(http, turns);
        local[i] = play(inJvm, turns);
      }
    }
    return new Row(size, rate(size, local), rate(size, remote), p99Millis(local), p99Millis(remote));
  }

  /** Nanoseconds to answer a batch: its clue turns, then its decision turns, as a worker calls the policy. */
  private static long play(Policy policy, List<PolicyTurn> turns) {
    List<PolicyTurn> clues = turns.stream().filter(t -> t.view().kind() == TurnKind.CLUE).toList();
    List<PolicyTurn> decisions = turns.stream().filter(t -> t.view().kind() == TurnKind.DECISION).toList();
    long start = System.nanoTime();
    if (!clues.isEmpty()) {
      policy.clues(clues);
    }
    if (!decisions.isEmpty()) {
      policy.decisions(decisions);
    }
    return System.nanoTime() - start;
  }

  private static double rate(int size, long[] nanos) {
    return size * nanos.length / (Arrays.stream(nanos).sum() / 1e9);
  }

  static double p99Millis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(0.99 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static List<PolicyTurn> batch(PolicyRef ref, int size, SplittableRandom random) {
    List<PolicyTurn> turns = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      boolean decision = i % 9 == 8;
      int seat = decision ? 0 : 1 + i % 4;
      List<VisibleClue> history = new ArrayList<>();
      for (int s = 1; s < (decision ? 5 : seat); s++) {
        history.add(new VisibleClue(s, 1, s % 2 == 0 ? "red cube left" : "blue sphere near", List.of()));
      }
      TurnView view = new TurnView("bench", i, 1, decision ? TurnKind.DECISION : TurnKind.CLUE, seat,
          decision ? 0 : 1, decision ? Role.OBSERVER : seat == 3 ? Role.SPY : Role.CIVILIAN, 4, IMAGE,
          "", history, List.of(), decision ? 8 : 1, 0.8f, random.nextLong(), ref);
      turns.add(PolicyTurn.of(view, picture(random)));
    }
    return turns;
  }

  private static final BlobRef IMAGE = BlobRef.newBuilder().setUri("bench:image").setSha256("0".repeat(64))
      .setMediaType("image/png").setSize(0).build();

  private static BufferedImage picture(SplittableRandom random) {
    BufferedImage image = new BufferedImage(IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < IMAGE_SIZE; y += 8) {
      for (int x = 0; x < IMAGE_SIZE; x += 8) {
        int rgb = random.nextInt(0x1000000);
        for (int dy = 0; dy < 8; dy++) {
          for (int dx = 0; dx < 8; dx++) {
            image.setRGB(x + dx, y + dy, rgb);
          }
        }
      }
    }
    return image;
  }

  /** The figures as JSON. */
  public static String toJson(List<Row> rows, int batches) {
    ObjectNode root = JSON.createObjectNode();
    root.put("what", "policy call of a worker batch, in-JVM vs the same checkpoint behind vz serve on loopback");
    root.put("batchesPerSize", batches);
    ArrayNode out = root.putArray("batchSizes");
    for (Row row : rows) {
      ObjectNode node = out.addObject();
      node.put("batchSize", row.batchSize());
      node.put("inJvmTurnsPerSecond", round(row.inJvmTurnsPerSecond()));
      node.put("httpTurnsPerSecond", round(row.httpTurnsPerSecond()));
      node.put("throughputRatio", round(row.throughputRatio()));
      node.put("inJvmP99Ms", round(row.inJvmP99Ms()));
      node.put("httpP99Ms", round(row.httpP99Ms()));
      node.put("p99Ratio", round(row.p99Ratio()));
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a result tree always serialises", e);
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
