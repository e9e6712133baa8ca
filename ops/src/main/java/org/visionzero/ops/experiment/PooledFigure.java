package org.visionzero.ops.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.visionzero.ops.eval.ClusteredProportion;
import org.visionzero.ops.eval.Mean;
import org.visionzero.ops.eval.Proportion;

/**
 * One figure of an arm over its seeds: the games (or votes) of every seed's final evaluation pooled, with the 95 %
 * interval of the pooled units, and each seed's own value. The interval covers evaluation noise only; how much the
 * seeds differ ({@link #perSeed}) is the training-run variance it does not cover.
 *
 * @param value   pooled value (NaN when no seed measured it)
 * @param low     low end of the pooled 95 % interval
 * @param high    high end
 * @param n       units of the interval pooled: games for per-game and clustered figures, trials for proportions
 * @param perSeed each finished seed's value, in seed order (NaN where a seed did not measure it)
 */
public record PooledFigure(double value, double low, double high, long n, List<Double> perSeed) {

  /** How a figure of summary.json's {@code final} is stored. */
  public enum Kind {
    /** {@code {mean, low, high, n, sum, sumOfSquares}}: a mean over games. */
    MEAN,
    /** {@code {rate, low, high, n, successes}}: a share of independent trials. */
    PROPORTION,
    /**
     * {@code {rate, n, successes, games, successesSquared, trialsSquared, successesTimesTrials}}: a share of votes
     * that come in games, its interval over games ({@link ClusteredProportion}).
     */
    CLUSTERED
  }

  /** Pools {@code key} of the {@code final} evaluation of every summary. */
  public static PooledFigure of(List<JsonNode> summaries, String key, Kind kind) {
    List<Double> perSeed = new ArrayList<>();
    Mean mean = Mean.EMPTY;
    Proportion proportion = Proportion.EMPTY;
    ClusteredProportion clustered = ClusteredProportion.EMPTY;
    for (JsonNode summary : summaries) {
      Optional<JsonNode> figure = Optional.ofNullable(summary.path("final").get(key)).filter(JsonNode::isObject);
      if (figure.isEmpty() || figure.get().path("n").asLong(0) == 0) {
        perSeed.add(Double.NaN);
        continue;
      }
      JsonNode f = figure.get();
      if (kind == Kind.MEAN) {
        mean = mean.plus(new Mean(f.path("sum").asDouble(), f.path("sumOfSquares").asDouble(), f.path("n").asLong()));
        perSeed.add(f.path("mean").asDouble(Double.NaN));
      } else if (kind == Kind.CLUSTERED) {
        Proportion votes = new Proportion(f.path("successes").asLong(), f.path("n").asLong());
        // A summary written before intervals were over games has the votes only: each vote then counts as a game.
        clustered = clustered.plus(f.has("games")
            ? new ClusteredProportion(votes.successes(), votes.trials(), f.path("games").asLong(),
                f.path("successesSquared").asLong(), f.path("trialsSquared").asLong(),
                f.path("successesTimesTrials").asLong())
            : ClusteredProportion.independent(votes));
        perSeed.add(f.path("rate").asDouble(Double.NaN));
      } else {
        proportion = proportion.plus(new Proportion(f.path("successes").asLong(), f.path("n").asLong()));
        perSeed.add(f.path("rate").asDouble(Double.NaN));
      }
    }
    return switch (kind) {
      case MEAN -> new PooledFigure(mean.value(), mean.low(), mean.high(), mean.count(), perSeed);
      case CLUSTERED -> new PooledFigure(clustered.rate(), clustered.low(), clustered.high(), clustered.games(),
          perSeed);
      case PROPORTION -> new PooledFigure(proportion.rate(), proportion.low(), proportion.high(),
          proportion.trials(), perSeed);
    };
  }
}
