package org.visionzero.ops.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of the chaos run as {@code vz} processes, each with the commands an operator would run
 * (ops/README.md, "Running the processes separately"): coordinator, scorer, two workers, trainer, evaluator, and
 * the pair producer (the load generator, never killed). Streams' internal topics get 3 replicas and
 * {@code min.insync.replicas} 2 through the config file's client settings; group members of a killed process are
 * dropped after 10 s instead of Kafka's 45.
 */
final class ChaosComponents {

  static final int WORKERS = 2;
  static final String COORDINATOR = "coordinator";
  static final String SCORER = "scorer";
  static final String TRAINER = "trainer";
  static final String EVALUATOR = "evaluator";
  private static final String SESSION_TIMEOUT_MS = "10000";
  private static final List<String> STREAMS_JVM = List.of("-Xmx256m");
  private static final List<String> WORKER_JVM = List.of("-Xmx512m");
  // A young generation no step fills, as TrainerResumeIT gives it (trainer/README, "DJL scalar ops").
  private static final List<String> TRAINER_JVM = List.of("-Xms1g", "-Xmx1g", "-Xmn800m");
  private static final List<String> SMALL_JVM = List.of("-Xmx256m");

  private final List<SupervisedProcess> killable;
  private final SupervisedProcess producer;
  private final Map<String, String> targetByWorkerId;

  private ChaosComponents(List<SupervisedProcess> killable, SupervisedProcess producer,
      Map<String, String> targetByWorkerId) {
    this.killable = List.copyOf(killable);
    this.producer = producer;
    this.targetByWorkerId = Map.copyOf(targetByWorkerId);
  }

  static ChaosComponents create(ChaosSettings settings, String bootstrap, Path v0File, Path logDir)
      throws IOException {
    Path data = settings.dataDir();
    Path configDir = Files.createDirectories(data.resolve("config"));
    Path streamsConfig = Files.writeString(configDir.resolve("streams.properties"), String.join("\n",
        "kafka.client.replication.factor=3",
        "kafka.client.topic.min.insync.replicas=2",
        "kafka.client.session.timeout.ms=" + SESSION_TIMEOUT_MS, ""));
    Path workerConfig = Files.writeString(configDir.resolve("worker.properties"),
        "kafka.client.session.timeout.ms=" + SESSION_TIMEOUT_MS + "\n");
    Path trainerConfig = configDir.resolve("trainer.properties");
    writeProperties(trainerConfig, RunTrainerSettings.openEnded(),
        "The trainer settings vz run gives an open-ended run (warm-up, learning rates, checkpoint interval)");
    String blobs = data.resolve("blobs").toString();
    // Created here, before the coordinator and the scorer start together: Kafka Streams creates its base state
    // directory with File.mkdirs and gives up when that returns false, which it does for the one that loses the race.
    String state = Files.createDirectories(data.resolve("state")).toString();
    List<SupervisedProcess> killable = new ArrayList<>();
    killable.add(new SupervisedProcess(new ChaosTarget(COORDINATOR, ComponentKind.COORDINATOR), STREAMS_JVM,
        List.of("coordinator", "--bootstrap-servers", bootstrap, "--state-dir", state, "--blob-dir", blobs,
            "--max-games-in-flight", String.valueOf(settings.gamesInFlight()),
            "--turn-timeout-ms", String.valueOf(settings.turnTimeout().toMillis()),
            "--config", streamsConfig.toString()), logDir));
    killable.add(new SupervisedProcess(new ChaosTarget(SCORER, ComponentKind.SCORER), STREAMS_JVM,
        List.of("scorer", "--bootstrap-servers", bootstrap, "--state-dir", state,
            "--config", streamsConfig.toString()), logDir));
    Map<String, String> targetByWorkerId = new LinkedHashMap<>();
    for (int i = 1; i <= WORKERS; i++) {
      String name = "worker-" + i;
      String workerId = "chaos-worker-" + i;
      targetByWorkerId.put(workerId, name);
      killable.add(new SupervisedProcess(new ChaosTarget(name, ComponentKind.WORKER), WORKER_JVM,
          List.of("worker", "--bootstrap-servers", bootstrap, "--blob-dir", blobs, "--worker-id", workerId,
              "--device", "cpu", "--config", workerConfig.toString()), logDir));
    }
    killable.add(new SupervisedProcess(new ChaosTarget(TRAINER, ComponentKind.TRAINER), TRAINER_JVM,
        List.of("trainer", "--bootstrap-servers", bootstrap, "--blob-dir", blobs, "--run-id", ChaosSettings.RUN_ID,
            "--base-checkpoint", v0File.toString(), "--device", "cpu", "--config", trainerConfig.toString()),
        logDir));
    killable.add(new SupervisedProcess(new ChaosTarget(EVALUATOR, ComponentKind.EVALUATOR), SMALL_JVM,
        List.of("eval", "--continuous", "--bootstrap-servers", bootstrap, "--run-id", ChaosSettings.RUN_ID,
            "--policy", ChaosSettings.POLICY, "--games", String.valueOf(settings.evalGamesPerArm())), logDir));
    long pairs = (long) Math.ceil(settings.pairsPerSecond()
        * settings.warmUp().plus(settings.duration()).plus(settings.drain()).toSeconds());
    SupervisedProcess producer = new SupervisedProcess(new ChaosTarget("producer", ComponentKind.PRODUCER),
        SMALL_JVM, List.of("produce", "--bootstrap-servers", bootstrap, "--blob-dir", blobs, "--source", "scenes",
            "--count", String.valueOf(pairs), "--rate", String.valueOf(settings.pairsPerSecond()),
            "--seed", String.valueOf(settings.seed())), logDir);
    return new ChaosComponents(killable, producer, targetByWorkerId);
  }

  private static void writeProperties(Path file, Map<String, String> settings, String comment) throws IOException {
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(settings);
    try (var out = Files.newBufferedWriter(file)) {
      properties.store(out, comment);
    }
  }

  /** The processes the kill loop may kill, brokers aside. */
  List<SupervisedProcess> killable() {
    return killable;
  }

  SupervisedProcess producer() {
    return producer;
  }

  Map<String, String> targetByWorkerId() {
    return targetByWorkerId;
  }
}
