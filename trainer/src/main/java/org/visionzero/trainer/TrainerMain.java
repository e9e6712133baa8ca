package org.visionzero.trainer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.visionzero.trainer.djl.DjlLearners;

/**
 * {@code vz trainer} as a bare process (the IT launches it as a child JVM): arguments are {@code key=value}
 * settings of {@link TrainerConfig} or {@code @file.properties}. Exits 0 once the configured steps are done, 1
 * when the trainer failed (restart it: it resumes from its newest checkpoint), 2 on bad settings.
 */
public final class TrainerMain {
  static final String STARTED = "vz trainer: started";
  static final String FINISHED = "vz trainer: finished";
  private static final int EXIT_FAILED = 1;
  private static final int EXIT_BAD_SETTINGS = 2;
  private static final Duration WAIT_FOREVER = Duration.ofDays(3650);

  private TrainerMain() {}

  public static void main(String[] args) throws Exception {
    TrainerConfig config;
    try {
      config = new TrainerConfig(settings(args));
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("vz trainer: " + e.getMessage());
      System.exit(EXIT_BAD_SETTINGS);
      return;
    }
    TrainerApp app = TrainerApp.start(config, DjlLearners::create, new SimpleMeterRegistry());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vz-trainer-shutdown"));
    System.out.println(STARTED + " run " + config.runId() + " at step " + app.state().step());
    app.await(WAIT_FOREVER);
    if (app.failure() != null) {
      System.err.println("vz trainer: failed: " + app.failure());
      System.exit(EXIT_FAILED);
    }
    System.out.println(FINISHED + " run " + config.runId() + " at step " + app.state().step() + ", "
        + app.state().counters().gamesTrained() + " games trained");
    System.exit(0);
  }

  /** {@code key=value} arguments, or {@code @path} to a properties file; later ones win. */
  static Map<String, String> settings(String[] args) throws IOException {
    Map<String, String> settings = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("@")) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(arg.substring(1)), StandardCharsets.UTF_8)) {
          file.load(reader);
        }
        file.stringPropertyNames().forEach(key -> settings.put(key, file.getProperty(key)));
      } else {
        int equals = arg.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("argument '" + arg + "' is not key=value or @file.properties");
        }
        settings.put(arg.substring(0, equals), arg.substring(equals + 1));
      }
    }
    return settings;
  }
}
