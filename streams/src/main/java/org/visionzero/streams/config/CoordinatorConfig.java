package org.visionzero.streams.config;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.visionzero.game.config.GameConfig;
import org.visionzero.topics.TopicCatalog;

/** Configuration of the game coordinator ({@code vz coordinator}), validated once when it is built. */
public final class CoordinatorConfig extends AbstractConfig {
  public static final String DEFAULT_APPLICATION_ID = "vz-coordinator";

  public static final String MAX_GAMES_IN_FLIGHT = "max.games.in.flight";
  public static final String TURN_TIMEOUT_MS = "turn.timeout.ms";
  public static final String MAX_ATTEMPTS = "max.attempts";
  public static final String GAME_MODE = "game.mode";
  public static final String GAME_PLAYERS = "game.players";
  public static final String GAME_CLUE_ROUNDS = "game.clue.rounds";
  /** A game setting of -1 takes the mode's value. */
  public static final int FROM_MODE = -1;
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
      .define(GAME_PLAYERS, Type.INT, FROM_MODE, Importance.MEDIUM,
          "Players at the table, the spy included (civilians + 1; 3.." + GameConfig.MAX_PLAYERS + "); -1 takes the "
              + "mode's (code 4, paper 5). Every game records its own count, so scoring and training follow it.")
      .define(GAME_CLUE_ROUNDS, Type.INT, FROM_MODE, Importance.MEDIUM,
          "Clue rounds per game (every seat speaks once a round); -1 takes the mode's (2).")
      .define(PUNCTUATION_INTERVAL_MS, Type.LONG, DEFAULT_PUNCTUATION_INTERVAL_MS, ConfigDef.Range.atLeast(1),
          Importance.LOW, "How often (wall clock) turn deadlines are checked.")
      .define(TRAINING_POLICY, Type.STRING, DEFAULT_TRAINING_POLICY, new ConfigDef.NonEmptyString(),
          Importance.MEDIUM, "Policy name that plays training games; its current version comes from the "
              + "checkpoints topic (version 0, the base model, until a checkpoint is published).");

  public CoordinatorConfig(Map<?, ?> values) {
    super(CONFIG_DEF, values, false);
    gameConfig();
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

  /** The rules of new games: the mode's defaults with this coordinator's players, rounds, timeout and attempts. */
  public GameConfig gameConfig() {
    GameConfig.Builder rules = GameConfig.forMode(GameConfig.Mode.fromWireName(getString(GAME_MODE))).toBuilder()
        .maxAttempts(getInt(MAX_ATTEMPTS))
        .turnTimeout(Duration.ofMillis(getLong(TURN_TIMEOUT_MS)));
    return withShape(rules, getInt(GAME_PLAYERS), getInt(GAME_CLUE_ROUNDS));
  }

  /**
   * {@code rules} with {@value #GAME_PLAYERS} and {@value #GAME_CLUE_ROUNDS} applied ({@link #FROM_MODE} keeps the
   * mode's), validated: a value the rules refuse is a ConfigException that says which.
   */
  public static GameConfig withShape(GameConfig.Builder rules, int players, int clueRounds) {
    if (players != FROM_MODE) {
      rules.numPlayers(players);
    }
    if (clueRounds != FROM_MODE) {
      rules.clueRounds(clueRounds);
    }
    try {
      return rules.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid game rules (" + GAME_PLAYERS + "=" + players + ", " + GAME_CLUE_ROUNDS + "="
          + clueRounds + "): " + e.getMessage());
    }
  }
}
