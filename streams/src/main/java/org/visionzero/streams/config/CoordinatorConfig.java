package org.visionzero.streams.config;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.visionzero.game.config.GameConfig;
import org.visionzero.topics.TopicCatalog;

/** Configuration of the game coordinator ({@code vz coordinator}), validated once when it is built. */
public final class CoordinatorConfig extends AbstractConfig {
  public static final String DEFAULT_APPLICATION_ID = "vz-coordinator";

  public static final String MAX_GAMES_IN_FLIGHT = "max.games.in.flight";
  public static final String TURN_TIMEOUT_MS = "turn.timeout.ms";
  public static final String MAX_ATTEMPTS = "max.attempts";
  public static final String GAME_MODE = "game.mode";
  public static final String PUNCTUATION_INTERVAL_MS = "punctuation.interval.ms";
  public static final String TRAINING_POLICY = "training.policy";

  public static final int DEFAULT_MAX_GAMES_IN_FLIGHT = 64;
  public static final long DEFAULT_TURN_TIMEOUT_MS = 30_000L;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final long DEFAULT_PUNCTUATION_INTERVAL_MS = 1_000L;
  public static final String DEFAULT_TRAINING_POLICY = "vz";

  public static final ConfigDef CONFIG_DEF = StreamsAppSettings.define(new ConfigDef(), DEFAULT_APPLICATION_ID)
      .define(MAX_GAMES_IN_FLIGHT, Type.INT, DEFAULT_MAX_GAMES_IN_FLIGHT, ConfigDef.Range.atLeast(1),
          Importance.HIGH, "Games started but not yet completed or aborted; further pairs wait, in order.")
      .define(TURN_TIMEOUT_MS, Type.LONG, DEFAULT_TURN_TIMEOUT_MS, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Time a worker has to answer one attempt of a turn (wall clock) before it is re-requested.")
      .define(MAX_ATTEMPTS, Type.INT, DEFAULT_MAX_ATTEMPTS, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Attempts per turn; after the last one the game is aborted.")
      .define(GAME_MODE, Type.STRING, GameConfig.Mode.CODE.wireName(),
          ConfigDef.CaseInsensitiveValidString.in("code", "paper"), Importance.HIGH,
          "Rules of new games: 'code' (authors' released code, observer decision) or 'paper' (civilians vote).")
      .define(PUNCTUATION_INTERVAL_MS, Type.LONG, DEFAULT_PUNCTUATION_INTERVAL_MS, ConfigDef.Range.atLeast(1),
          Importance.LOW, "How often (wall clock) turn deadlines are checked.")
      .define(TRAINING_POLICY, Type.STRING, DEFAULT_TRAINING_POLICY, new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Policy name that plays training games; its current version comes from the "
              + "checkpoints topic (version 0, the base model, until a checkpoint is published).");

  public CoordinatorConfig(Map<?, ?> values) {
    super(CONFIG_DEF, values, false);
  }

  public TopicCatalog topics() {
    return StreamsAppSettings.topics(this);
  }

  public Properties streamsProperties() {
    return StreamsAppSettings.streamsProperties(this);
  }

  public String applicationId() {
    return getString(StreamsAppSettings.APPLICATION_ID);
  }

  public int maxGamesInFlight() {
    return getInt(MAX_GAMES_IN_FLIGHT);
  }

  public Duration punctuationInterval() {
    return Duration.ofMillis(getLong(PUNCTUATION_INTERVAL_MS));
  }

  public String trainingPolicy() {
    return getString(TRAINING_POLICY);
  }

  /** The rules of new games: the mode's defaults with this coordinator's timeout and attempts. */
  public GameConfig gameConfig() {
    return GameConfig.forMode(GameConfig.Mode.fromWireName(getString(GAME_MODE))).toBuilder()
        .maxAttempts(getInt(MAX_ATTEMPTS))
        .turnTimeout(Duration.ofMillis(getLong(TURN_TIMEOUT_MS)))
        .build();
  }
}
