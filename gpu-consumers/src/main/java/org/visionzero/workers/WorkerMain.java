package org.visionzero.workers;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.visionzero.policy.Vocabulary;
import org.visionzero.workers.policy.ModelPolicyFactory;
import org.visionzero.workers.policy.PolicyFactories;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

/**
 * Runs one worker process with the model and the scripted policies until it is terminated (SIGTERM stops it
 * gracefully).
 * Arguments: {@code key=value} settings of {@link WorkerConfig}, and optionally {@code --config <file>}
 * (a properties file; command-line settings win). The {@code vz worker} command wraps the same API.
 */
public final class WorkerMain {
  private static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";
  private static final int EXIT_BAD_CONFIG = 2;
  private static final int EXIT_FAILED = 1;

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    // Avro decodes into our generated classes only when trusted; this must precede any Avro class loading.
    if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, "org.visionzero");
    }
    WorkerConfig config;
    try {
      config = new WorkerConfig(parse(args));
    } catch (ConfigException | IllegalArgumentException | IOException e) {
      System.err.println("vz worker: " + e.getMessage());
      System.exit(EXIT_BAD_CONFIG);
      return;
    }
    WorkerApp app = WorkerApp.start(config, defaultPolicies(), new SimpleMeterRegistry());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "worker-shutdown"));
    System.out.println("vz worker: started " + app.workerIds());
    app.awaitTermination();
    if (!app.failures().isEmpty()) {
      System.exit(EXIT_FAILED);
    }
  }

  /** The trained model ({@code vz}, from its checkpoints) and the scripted baselines (random, oracle). */
  public static PolicyFactory defaultPolicies() {
    return PolicyFactories.firstOf(List.of(ModelPolicyFactory.standard(),
        new ScriptedPolicyFactory(Vocabulary.standard())));
  }

  static Map<String, String> parse(String[] args) throws IOException {
    Map<String, String> settings = new HashMap<>();
    Map<String, String> fromFile = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--config")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("--config needs a file");
        }
        fromFile.putAll(load(Path.of(args[++i])));
      } else if (arg.indexOf('=') > 0) {
        String key = arg.startsWith("--") ? arg.substring(2) : arg;
        settings.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("expected key=value or --config <file>, got '" + arg + "'");
      }
    }
    fromFile.putAll(settings);
    return fromFile;
  }

  private static Map<String, String> load(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    Map<String, String> out = new HashMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
    return out;
  }
}
