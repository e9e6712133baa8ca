package org.visionzero.streams.config;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.visionzero.topics.TopicCatalog;

/**
 * Configuration of the trajectory scorer ({@code vz scorer}) and of the leaderboard application: both only
 * need the shared Streams settings; their default application ids differ.
 */
public final class ScorerConfig extends AbstractConfig {
  public static final String DEFAULT_APPLICATION_ID = "vz-scorer";
  public static final String DEFAULT_LEADERBOARD_APPLICATION_ID = "vz-leaderboard";

  public static final ConfigDef CONFIG_DEF = StreamsAppSettings.define(new ConfigDef(), DEFAULT_APPLICATION_ID);
  public static final ConfigDef LEADERBOARD_CONFIG_DEF =
      StreamsAppSettings.define(new ConfigDef(), DEFAULT_LEADERBOARD_APPLICATION_ID);

  private ScorerConfig(ConfigDef def, Map<?, ?> values) {
    super(def, values, false);
  }

  /** Settings of the scorer application. */
  public static ScorerConfig scorer(Map<?, ?> values) {
    return new ScorerConfig(CONFIG_DEF, values);
  }

  /** Settings of the leaderboard application (default id {@value #DEFAULT_LEADERBOARD_APPLICATION_ID}). */
  public static ScorerConfig leaderboard(Map<?, ?> values) {
    return new ScorerConfig(LEADERBOARD_CONFIG_DEF, values);
  }

  public TopicCatalog topics() {
    return StreamsAppSettings.topics(this);
  }

  public Properties streamsProperties() {
    return StreamsAppSettings.streamsProperties(this);
  }
}
