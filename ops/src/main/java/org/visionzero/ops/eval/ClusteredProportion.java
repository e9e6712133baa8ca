package org.visionzero.ops.eval;

import java.util.Map;

/**
 * A share of successes among trials that come in games: the votes of one game read the same clues and image, so
 * they are not independent, and a Wilson interval over votes is too narrow. The share, {@code n} and
 * {@code successes} are still the votes'; the 95 % interval is Wilson's over the effective number of votes
 * {@code n_eff = n / deff}, the design effect {@code deff} estimated over games (the clusters) with the
 * cluster-robust (linearisation) variance of the ratio estimator: with game i's successes y_i of m_i votes,
 * k games and p = Σy / Σm,
 *
 * <pre>  V = k / (k - 1) · Σ (y_i - p·m_i)² / (Σm)²,   n_eff = p (1 - p) / V,   kept within [1, n]</pre>
 *
 * <p>Why this and not a bootstrap over games: it is closed-form in six running sums, so the tally updates it per
 * game at no cost (the results are read every loop and by the gauges), it is deterministic without a seed, and
 * two tallies add exactly. Wilson over an effective size keeps Wilson's behaviour near 0 and 1 (Dean and Pagano,
 * "Evaluating confidence interval methods for binomial proportions in clustered surveys", J. Surv. Stat. Methodol.
 * 2015). Where the games cannot show how alike their votes are — fewer than two games, or every vote a success or
 * every vote a failure — the game is the unit ({@code n_eff} = games), the worst case of a game's votes all alike.
 * The upper bound {@code n} keeps a negative estimate of the correlation from claiming more than the votes.
 *
 * @param successesSquared      Σ y_i²
 * @param trialsSquared         Σ m_i²
 * @param successesTimesTrials  Σ y_i·m_i
 */
public record ClusteredProportion(long successes, long trials, long games, long successesSquared,
    long trialsSquared, long successesTimesTrials) {

  public static final ClusteredProportion EMPTY = new ClusteredProportion(0, 0, 0, 0, 0, 0);

  public ClusteredProportion {
    if (games < 0 || trials < games || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= games >= 0, got "
          + successes + "/" + trials + " in " + games + " games");
    }
  }

  /** Every trial its own game: for figures whose trials are independent. */
  public static ClusteredProportion independent(Proportion votes) {
    return new ClusteredProportion(votes.successes(), votes.trials(), votes.trials(), votes.successes(),
        votes.trials(), votes.successes());
  }

  /** Adds one game's {@code successes} of {@code trials}; a game without trials adds nothing. */
  public ClusteredProportion plusGame(long successes, long trials) {
    if (trials == 0) {
      return this;
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
    }
    return new ClusteredProportion(this.successes + successes, this.trials + trials, games + 1,
        successesSquared + successes * successes, trialsSquared + trials * trials,
        successesTimesTrials + successes * trials);
  }

  /** Both tallies' games together (the sums add, so pooling runs is exact). */
  public ClusteredProportion plus(ClusteredProportion other) {
    return new ClusteredProportion(successes + other.successes, trials + other.trials, games + other.games,
        successesSquared + other.successesSquared, trialsSquared + other.trialsSquared,
        successesTimesTrials + other.successesTimesTrials);
  }

  /** The votes alone, with their (independent) Wilson interval. */
  public Proportion votes() {
    return new Proportion(successes, trials);
  }

  public double rate() {
    return votes().rate();
  }

  /** The number of independent votes the games are worth; NaN with no votes. */
  public double effectiveTrials() {
    if (trials == 0) {
      return Double.NaN;
    }
    double p = rate();
    if (games < 2 || successes == 0 || successes == trials) {
      return games;
    }
    double n = trials;
    // Σ (y_i - p m_i)² from the running sums; rounding can leave it a hair below 0.
    double squaredResiduals = Math.max(0, successesSquared - 2 * p * successesTimesTrials + p * p * trialsSquared);
    double variance = games / (games - 1.0) * squaredResiduals / (n * n);
    double effective = variance == 0 ? n : p * (1 - p) / variance;
    return Math.max(1, Math.min(n, effective));
  }

  public double low() {
    return trials == 0 ? Double.NaN
        : Math.max(0.0, Proportion.wilsonCentre(rate(), effectiveTrials())
            - Proportion.wilsonHalfWidth(rate(), effectiveTrials()));
  }

  public double high() {
    return trials == 0 ? Double.NaN
        : Math.min(1.0, Proportion.wilsonCentre(rate(), effectiveTrials())
            + Proportion.wilsonHalfWidth(rate(), effectiveTrials()));
  }

  /**
   * The keys of {@link Proportion#toJson} ({@code n} and {@code successes} counting votes, the interval over
   * games), the effective number of votes, and the games with the sums that let a reader pool runs exactly.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = Proportion.json(rate(), low(), high(), trials, successes);
    json.put("effectiveN", JsonNumbers.finiteOrNull(effectiveTrials()));
    json.put("games", games);
    json.put("successesSquared", successesSquared);
    json.put("trialsSquared", trialsSquared);
    json.put("successesTimesTrials", successesTimesTrials);
    return json;
  }
}
