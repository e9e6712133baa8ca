package org.visionzero.workers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.visionzero.policy.remote.RemoteSettings;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.device.DeviceChoice;

/**
 * Configuration of one worker process, validated once at start-up. Kafka client settings pass through with
 * the prefixes {@code client.} (every client), {@code consumer.} and {@code producer.}.
 */
public final class WorkerConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String GROUP_ID = "group.id";
  public static final String WORKER_ID = "worker.id";
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String BATCH_MAX_SIZE = "batch.max.size";
  public static final String BATCH_MAX_WAIT_MS = "batch.max.wait.ms";
  public static final String DEVICE = "device";
  public static final String BLOB_STORE_DIR = "blob.store.dir";
  public static final String IMAGE_CACHE_SIZE = "image.cache.size";
  public static final String MAX_LOADED_VERSIONS = "policy.max.loaded.versions";
  public static final String CHECKPOINT_CATCH_UP_TIMEOUT_MS = "checkpoint.catch.up.timeout.ms";
  public static final String SCENE_FACTS = "scene.facts";
  /** {@link #SCENE_FACTS} value: turns carry no ground truth (production). */
  public static final String SCENE_FACTS_NONE = "none";
  /** {@link #SCENE_FACTS} value: ground truth from the scene graphs on the image-pair topic (oracle runs). */
  public static final String SCENE_FACTS_IMAGE_PAIRS = "image-pairs";

  public static final String POLICY_BACKEND = "policy.backend";
  /** {@link #POLICY_BACKEND} value: policies run in this JVM (the DJL model, scripted ones). */
  public static final String BACKEND_IN_JVM = "in-jvm";
  /** {@link #POLICY_BACKEND} value: learned policies are played by an OpenAI-compatible server. */
  public static final String BACKEND_OPENAI = "openai";
  public static final String OPENAI_BASE_URL = "policy.openai.base.url";
  public static final String OPENAI_API_KEY_ENV = "policy.openai.api.key.env";
  public static final String OPENAI_MODEL = "policy.openai.model";
  public static final String OPENAI_POLICIES = "policy.openai.policies";
  public static final String OPENAI_MAX_IN_FLIGHT = "policy.openai.max.in.flight";
  public static final String OPENAI_TIMEOUT_MS = "policy.openai.timeout.ms";
  public static final String OPENAI_MAX_ATTEMPTS = "policy.openai.max.attempts";
  public static final String OPENAI_BACKOFF_MS = "policy.openai.backoff.ms";
  public static final String OPENAI_BACKOFF_MAX_MS = "policy.openai.backoff.max.ms";
  public static final String OPENAI_BREAKER_FAILURES = "policy.openai.breaker.failures";
  public static final String OPENAI_BREAKER_OPEN_MS = "policy.openai.breaker.open.ms";
  public static final String OPENAI_MAX_TOKENS = "policy.openai.max.tokens";
  public static final String OPENAI_TOKEN_IDS = "policy.openai.token.ids";

  public static final String CLIENT_PREFIX = "client.";
  public static final String CONSUMER_PREFIX = "consumer.";
  public static final String PRODUCER_PREFIX = "producer.";

  public static final String DEFAULT_GROUP_ID = "vz-workers";
  public static final int DEFAULT_BATCH_MAX_SIZE = 32;
  public static final long DEFAULT_BATCH_MAX_WAIT_MS = 20;
  public static final int DEFAULT_IMAGE_CACHE_SIZE = 256;
  public static final int DEFAULT_MAX_LOADED_VERSIONS = 4;
  public static final long DEFAULT_CATCH_UP_TIMEOUT_MS = 30_000;
  /** Largest micro-batch we accept: beyond this a batch only adds latency and memory. */
  public static final int MAX_BATCH_SIZE = 4096;

  private static final Pattern LEGAL_ID = Pattern.compile("[A-Za-z0-9._-]+");

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, bootstrapValidator(), Importance.HIGH,
          "Kafka cluster to join, host:port[,host:port...].")
      .define(GROUP_ID, Type.STRING, DEFAULT_GROUP_ID, idValidator(), Importance.MEDIUM,
          "Consumer group shared by all workers; turns are spread over its members.")
      .define(WORKER_ID, Type.STRING, "", Importance.MEDIUM,
          "Unique id of this worker instance (letters, digits, '.', '_', '-'); it names the transactional id "
              + "and is written on every answer. Empty: <host>-<pid>.")
      .define(TOPIC_PREFIX, Type.STRING, TopicCatalog.DEFAULT_PREFIX, Importance.MEDIUM,
          "Prefix of every topic name, e.g. 'vz.'.")
      .define(BATCH_MAX_SIZE, Type.INT, DEFAULT_BATCH_MAX_SIZE, Range.between(1, MAX_BATCH_SIZE), Importance.HIGH,
          "B: the most turn requests answered in one model call and one transaction.")
      .define(BATCH_MAX_WAIT_MS, Type.LONG, DEFAULT_BATCH_MAX_WAIT_MS, Range.atLeast(0), Importance.HIGH,
          "T: the longest a request waits for its micro-batch to fill before it is answered anyway.")
      .define(DEVICE, Type.STRING, DeviceChoice.AUTO.configValue(), deviceValidator(), Importance.HIGH,
          "Where the model runs: auto (every GPU, one worker each, else the CPU), cpu, or gpu.")
      .define(BLOB_STORE_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
          Importance.HIGH, "Directory of the shared blob store holding images and checkpoints.")
      .define(IMAGE_CACHE_SIZE, Type.INT, DEFAULT_IMAGE_CACHE_SIZE, Range.atLeast(1), Importance.LOW,
          "Decoded images kept in memory (least recently used are dropped).")
      .define(MAX_LOADED_VERSIONS, Type.INT, DEFAULT_MAX_LOADED_VERSIONS, Range.atLeast(1), Importance.MEDIUM,
          "Policy versions held at once (current ones are never dropped; pinned ones load on demand).")
      .define(CHECKPOINT_CATCH_UP_TIMEOUT_MS, Type.LONG, DEFAULT_CATCH_UP_TIMEOUT_MS, Range.atLeast(0),
          Importance.LOW, "How long start-up waits to read the published checkpoints before serving turns.")
      .define(SCENE_FACTS, Type.STRING, SCENE_FACTS_NONE,
          ConfigDef.ValidString.in(SCENE_FACTS_NONE, SCENE_FACTS_IMAGE_PAIRS), Importance.LOW,
          "Ground truth for the oracle policy: none, or image-pairs (read the scene graphs of the pair topic).")
      .define(POLICY_BACKEND, Type.STRING, BACKEND_IN_JVM, ConfigDef.ValidString.in(BACKEND_IN_JVM, BACKEND_OPENAI),
          Importance.HIGH, "in-jvm: play every policy here; openai: play the policies of " + OPENAI_POLICIES
              + " through an OpenAI-compatible server (vz serve, vLLM, SGLang, llama.cpp).")
      .define(OPENAI_BASE_URL, Type.STRING, "", Importance.HIGH,
          "Base URL of the server, e.g. http://127.0.0.1:8000/v1 (required with policy.backend=openai).")
      .define(OPENAI_API_KEY_ENV, Type.STRING, "OPENAI_API_KEY", Importance.MEDIUM,
          "Environment variable holding the API key (never logged); unset or empty: no key is sent.")
      .define(OPENAI_MODEL, Type.STRING, RemoteSettings.DEFAULT_MODEL_TEMPLATE, new ConfigDef.NonEmptyString(),
          Importance.HIGH, "The model of each request; {policy} and {version} name the version a turn must be "
              + "played by (vz serve). A fixed name (e.g. Qwen/Qwen2.5-VL-7B-Instruct) plays every version alike.")
      .define(OPENAI_POLICIES, Type.LIST, "vz", Importance.MEDIUM,
          "Policy names played remotely; the others (random, oracle) stay in this JVM.")
      .define(OPENAI_MAX_IN_FLIGHT, Type.INT, 16, Range.atLeast(1), Importance.HIGH,
          "Requests in flight at once; the worker takes no new batch while its turns are out.")
      .define(OPENAI_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.MEDIUM,
          "Limit of one request, from sending to the whole response.")
      .define(OPENAI_MAX_ATTEMPTS, Type.INT, 4, Range.between(1, 20), Importance.MEDIUM,
          "Attempts per turn (retries on timeouts, connection errors, 404/408/429/5xx, malformed JSON).")
      .define(OPENAI_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(0), Importance.LOW,
          "Ceiling of the first retry's wait (doubles per retry, full jitter).")
      .define(OPENAI_BACKOFF_MAX_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW, "Largest retry ceiling.")
      .define(OPENAI_BREAKER_FAILURES, Type.INT, 5, Range.atLeast(1), Importance.LOW,
          "Consecutive failures that open the circuit breaker (calls then fail at once).")
      .define(OPENAI_BREAKER_OPEN_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
          "How long an open breaker refuses calls before one trial call.")
      .define(OPENAI_MAX_TOKENS, Type.INT, 64, Range.atLeast(1), Importance.MEDIUM,
          "max_tokens of each request (a reasoning VLM needs several hundred).")
      .define(OPENAI_TOKEN_IDS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Ask for return_tokens_as_token_ids (vLLM, vz serve), so trajectories carry the server's token ids; "
              + "false for servers without it (tokens are then mapped onto the vz vocabulary, others <unk>).");

  public WorkerConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
    String id = workerId();
    if (!LEGAL_ID.matcher(id).matches()) {
      throw new ConfigException(WORKER_ID, id, "may only contain letters, digits, '.', '_' and '-'");
    }
    TopicCatalog.of(getString(TOPIC_PREFIX)); // fails with a clear message on an illegal prefix
  }

  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  public String bootstrapServers() {
    return String.join(",", getList(BOOTSTRAP_SERVERS));
  }

  public String groupId() {
    return getString(GROUP_ID);
  }

  /** The configured id, or {@code <host>-<pid>} when none was given. */
  public String workerId() {
    String configured = getString(WORKER_ID);
    return configured.isBlank() ? defaultWorkerId() : configured.strip();
  }

  public TopicCatalog topics() {
    return TopicCatalog.of(getString(TOPIC_PREFIX));
  }

  public int batchMaxSize() {
    return getInt(BATCH_MAX_SIZE);
  }

  public Duration batchMaxWait() {
    return Duration.ofMillis(getLong(BATCH_MAX_WAIT_MS));
  }

  public DeviceChoice device() {
    return DeviceChoice.parse(getString(DEVICE));
  }

  public Path blobStoreDir() {
    return Path.of(getString(BLOB_STORE_DIR));
  }

  public int imageCacheSize() {
    return getInt(IMAGE_CACHE_SIZE);
  }

  public int maxLoadedVersions() {
    return getInt(MAX_LOADED_VERSIONS);
  }

  public Duration checkpointCatchUpTimeout() {
    return Duration.ofMillis(getLong(CHECKPOINT_CATCH_UP_TIMEOUT_MS));
  }

  /** True when the oracle's ground truth is to be read from the image-pair topic. */
  public boolean sceneFactsFromImagePairs() {
    return SCENE_FACTS_IMAGE_PAIRS.equals(getString(SCENE_FACTS));
  }

  /** The remote policy settings when {@code policy.backend=openai}, the key read from the environment. */
  public Optional<RemoteSettings> remoteBackend(Function<String, String> environment) {
    if (!BACKEND_OPENAI.equals(getString(POLICY_BACKEND))) {
      return Optional.empty();
    }
    String url = getString(OPENAI_BASE_URL).strip();
    if (url.isEmpty()) {
      throw new ConfigException(OPENAI_BASE_URL, url, "give the server's base URL, e.g. http://127.0.0.1:8000/v1");
    }
    String key = environment.apply(getString(OPENAI_API_KEY_ENV));
    try {
      return Optional.of(new RemoteSettings(URI.create(url), key, getString(OPENAI_MODEL),
          getInt(OPENAI_MAX_IN_FLIGHT), Duration.ofMillis(getLong(OPENAI_TIMEOUT_MS)), getInt(OPENAI_MAX_ATTEMPTS),
          Duration.ofMillis(getLong(OPENAI_BACKOFF_MS)), Duration.ofMillis(getLong(OPENAI_BACKOFF_MAX_MS)),
          getInt(OPENAI_BREAKER_FAILURES), Duration.ofMillis(getLong(OPENAI_BREAKER_OPEN_MS)),
          getInt(OPENAI_MAX_TOKENS), getBoolean(OPENAI_TOKEN_IDS)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(OPENAI_BASE_URL, url, e.getMessage());
    }
  }

  /** Policy names the remote backend plays. */
  public Set<String> remotePolicies() {
    return Set.copyOf(getList(OPENAI_POLICIES));
  }

  /** Settings for the turn consumer: {@code client.*} then {@code consumer.*} overrides. */
  public Map<String, Object> consumerOverrides() {
    Map<String, Object> props = new HashMap<>(originalsWithPrefix(CLIENT_PREFIX));
    props.putAll(originalsWithPrefix(CONSUMER_PREFIX));
    return props;
  }

  /** Settings for the answer producer: {@code client.*} then {@code producer.*} overrides. */
  public Map<String, Object> producerOverrides() {
    Map<String, Object> props = new HashMap<>(originalsWithPrefix(CLIENT_PREFIX));
    props.putAll(originalsWithPrefix(PRODUCER_PREFIX));
    return props;
  }

  private static String defaultWorkerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "worker";
    }
    String safeHost = host.replaceAll("[^A-Za-z0-9._-]", "-").toLowerCase(Locale.ROOT);
    return safeHost + "-" + ProcessHandle.current().pid();
  }

  private static ConfigDef.Validator bootstrapValidator() {
    return (name, value) -> {
      if (!(value instanceof List<?> servers) || servers.isEmpty()) {
        throw new ConfigException(name, value, "give the Kafka cluster as host:port[,host:port...]");
      }
    };
  }

  private static ConfigDef.Validator idValidator() {
    return (name, value) -> {
      if (value == null || !LEGAL_ID.matcher(value.toString()).matches()) {
        throw new ConfigException(name, value, "must be non-empty and use only letters, digits, '.', '_', '-'");
      }
    };
  }

  private static ConfigDef.Validator deviceValidator() {
    return (name, value) -> {
      try {
        DeviceChoice.parse(String.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    };
  }
}
