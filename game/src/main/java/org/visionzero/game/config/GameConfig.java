package org.visionzero.game.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.visionzero.events.DecisionMode;

/**
 * Every constant of the game, its rewards and Iterative-SPO, as one validated value (VISION-ZERO.md sections
 * 1–4). {@link #code()} is the authors' released code (the default), {@link #paper()} the paper; adjust with
 * {@link #toBuilder()}.
 *
 * @param mode                     which source the defaults follow; recorded on every game as 'code' or 'paper'
 * @param numPlayers               N, players at the table including the spy (3..9: votes are one digit)
 * @param numSpies                 spies per game; only 1 is supported
 * @param clueRounds               clue rounds; every seat speaks once per round, in seat order
 * @param decisionMode             OBSERVER (one neutral observer sampled G times) or CIVILIAN_VOTES (one vote per civilian)
 * @param decisionSamples          G, samples drawn per decision turn (8 for the observer; 1 when civilians vote)
 * @param blankSpyImage            true when the spy sees a blank image (paper) instead of the modified one (code)
 * @param temperature              sampling temperature of clue and decision turns
 * @param clueBeta                 β, weight of the spy-versus-civilians vote gap in the clue rewards
 * @param clueLambda               λ, weight of a civilian's own vote excess in its clue reward
 * @param raeAlpha                 α, decay of the role-advantage baselines: {@code b ← α·b + (1−α)·mean}
 * @param raeEnabled               whether clue advantages subtract the role baselines (RAE); off, the advantage is the
 *                                 raw clue reward (the paper's ablation without RAE)
 * @param decisionRewardShape      CODE ({@code 0.3·(2f−1) + 1.2·a + 0.99·[a>0]}) or PAPER ({@code r = a})
 * @param formatMinReasoningChars  the format flag needs reasoning strictly longer than this many characters
 * @param phaseSchedule            FIXED_CYCLE (code) or HYSTERESIS (paper) Iterative-SPO controller; CLUE_ONLY and
 *                                 DECISION_ONLY are the single-stage ablations
 * @param cycleLength              L of the fixed cycle: L decision steps then L clue steps
 * @param emaRho                   ρ, decay of the accuracy and N/A-rate EMAs of the hysteresis controller
 * @param clueSwitchMinAccuracy    DECISION → CLUE needs the accuracy EMA at least this high
 * @param clueSwitchMaxNaRate      DECISION → CLUE needs the N/A-rate EMA at most this high
 * @param decisionSwitchMinError   CLUE → DECISION when {@code 1 − accuracy EMA} reaches this
 * @param decisionSwitchMinNaRate  CLUE → DECISION when the N/A-rate EMA reaches this
 * @param dwellSteps               steps a phase must last before the hysteresis controller may switch
 * @param patienceSteps            P, steps after which a phase is left even without its condition
 * @param patienceEnabled          whether the patience rule applies (the paper calls it optional)
 * @param maxAttempts              attempts per turn before the game is aborted
 * @param turnTimeout              time a worker has to answer one turn attempt
 */
public record GameConfig(
    Mode mode,
    int numPlayers,
    int numSpies,
    int clueRounds,
    DecisionMode decisionMode,
    int decisionSamples,
    boolean blankSpyImage,
    float temperature,
    double clueBeta,
    double clueLambda,
    double raeAlpha,
    boolean raeEnabled,
    DecisionRewardShape decisionRewardShape,
    int formatMinReasoningChars,
    PhaseSchedule phaseSchedule,
    int cycleLength,
    double emaRho,
    double clueSwitchMinAccuracy,
    double clueSwitchMaxNaRate,
    double decisionSwitchMinError,
    double decisionSwitchMinNaRate,
    int dwellSteps,
    int patienceSteps,
    boolean patienceEnabled,
    int maxAttempts,
    Duration turnTimeout) {

  /** Votes are parsed as one digit, so a table has at most this many seats. */
  public static final int MAX_PLAYERS = 9;
  /** Fewer than three players leave no civilian majority to detect the spy. */
  public static final int MIN_PLAYERS = 3;

  /** Which source the defaults follow. */
  public enum Mode {
    /** The authors' released code: the project default. */
    CODE,
    /** The paper (arXiv 2509.25541 v2). */
    PAPER;

    /** The name recorded in {@code GameStarted.mode}: 'code' or 'paper'. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a recorded mode name, case-insensitively. */
    public static Mode fromWireName(String name) {
      Objects.requireNonNull(name, "mode name");
      for (Mode mode : values()) {
        if (mode.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return mode;
        }
      }
      throw new IllegalArgumentException("unknown game mode '" + name + "': use 'code' or 'paper'");
    }
  }

  /** Shape of the decision reward. */
  public enum DecisionRewardShape {
    /** {@code 0.3·(2f−1) + 1.2·a + 0.99·[a > 0]}: guessing beats abstaining at chance. */
    CODE,
    /** {@code r = a}. */
    PAPER
  }

  /** Which Iterative-SPO controller alternates the stages. */
  public enum PhaseSchedule {
    /** DECISION when {@code (t mod 2L) < L}, else CLUE. */
    FIXED_CYCLE,
    /** EMA thresholds with dwell and optional patience. */
    HYSTERESIS,
    /** Ablation: every step trains the clue stage. */
    CLUE_ONLY,
    /** Ablation: every step trains the decision stage. */
    DECISION_ONLY;

    /** The setting's name, e.g. {@code fixed-cycle}. */
    public String settingName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a setting name such as {@code clue-only}, case-insensitively. */
    public static PhaseSchedule fromSettingName(String name) {
      Objects.requireNonNull(name, "schedule name");
      for (PhaseSchedule schedule : values()) {
        if (schedule.settingName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return schedule;
        }
      }
      throw new IllegalArgumentException("unknown phase schedule '" + name
          + "': use fixed-cycle, hysteresis, clue-only or decision-only");
    }
  }

  public GameConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(decisionMode, "decisionMode");
    Objects.requireNonNull(decisionRewardShape, "decisionRewardShape");
    Objects.requireNonNull(phaseSchedule, "phaseSchedule");
    Objects.requireNonNull(turnTimeout, "turnTimeout");
    requireRange("numPlayers", numPlayers, MIN_PLAYERS, MAX_PLAYERS);
    if (numSpies != 1) {
      throw new IllegalArgumentException("numSpies must be 1 (the only supported game), was " + numSpies);
    }
    requireRange("clueRounds", clueRounds, 1, Integer.MAX_VALUE);
    requireRange("decisionSamples", decisionSamples, 1, Integer.MAX_VALUE);
    if (decisionMode == DecisionMode.CIVILIAN_VOTES && decisionSamples != 1) {
      throw new IllegalArgumentException(
          "decisionSamples must be 1 when civilians vote (each civilian votes once), was " + decisionSamples);
    }
    if (!(temperature > 0f) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite number > 0, was " + temperature);
    }
    requireNonNegative("clueBeta", clueBeta);
    requireNonNegative("clueLambda", clueLambda);
    requireDecay("raeAlpha", raeAlpha);
    requireRange("formatMinReasoningChars", formatMinReasoningChars, 0, Integer.MAX_VALUE);
    requireRange("cycleLength", cycleLength, 1, Integer.MAX_VALUE);
    requireDecay("emaRho", emaRho);
    requireShare("clueSwitchMinAccuracy", clueSwitchMinAccuracy);
    requireShare("clueSwitchMaxNaRate", clueSwitchMaxNaRate);
    requireShare("decisionSwitchMinError", decisionSwitchMinError);
    requireShare("decisionSwitchMinNaRate", decisionSwitchMinNaRate);
    requireRange("dwellSteps", dwellSteps, 0, Integer.MAX_VALUE);
    requireRange("patienceSteps", patienceSteps, 1, Integer.MAX_VALUE);
    requireRange("maxAttempts", maxAttempts, 1, Integer.MAX_VALUE);
    if (turnTimeout.isNegative() || turnTimeout.isZero()) {
      throw new IllegalArgumentException("turnTimeout must be positive, was " + turnTimeout);
    }
  }

  /** The authors' released code: 4 players, an observer sampled 8 times, shaped reward, fixed cycle L = 1. */
  public static GameConfig code() {
    return new Builder()
        .mode(Mode.CODE)
        .numPlayers(4)
        .decisionMode(DecisionMode.OBSERVER)
        .decisionSamples(8)
        .blankSpyImage(false)
        .raeAlpha(0.9)
        .decisionRewardShape(DecisionRewardShape.CODE)
        .phaseSchedule(PhaseSchedule.FIXED_CYCLE)
        .build();
  }

  /** The paper: 5 players, civilians vote, blank spy image, {@code r = a}, hysteresis controller. */
  public static GameConfig paper() {
    return new Builder()
        .mode(Mode.PAPER)
        .numPlayers(5)
        .decisionMode(DecisionMode.CIVILIAN_VOTES)
        .decisionSamples(1)
        .blankSpyImage(true)
        .raeAlpha(0.95)
        .decisionRewardShape(DecisionRewardShape.PAPER)
        .phaseSchedule(PhaseSchedule.HYSTERESIS)
        .build();
  }

  /** The defaults of a mode. */
  public static GameConfig forMode(Mode mode) {
    return Objects.requireNonNull(mode, "mode") == Mode.CODE ? code() : paper();
  }

  /** A builder preset with this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Number of civilian seats, N − 1. */
  public int numCivilians() {
    return numPlayers - numSpies;
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      String range = max == Integer.MAX_VALUE ? ">= " + min : "in " + min + ".." + max;
      throw new IllegalArgumentException(name + " must be " + range + ", was " + value);
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }

  private static void requireDecay(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
    }
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
    }
  }

  /** Builds a {@link GameConfig}; starts from the code-mode constants shared by both modes. */
  public static final class Builder {
    private Mode mode = Mode.CODE;
    private int numPlayers = 4;
    private int numSpies = 1;
    private int clueRounds = 2;
    private DecisionMode decisionMode = DecisionMode.OBSERVER;
    private int decisionSamples = 8;
    private boolean blankSpyImage;
    private float temperature = 0.8f;
    private double clueBeta = 0.1;
    private double clueLambda = 0.1;
    private double raeAlpha = 0.9;
    private boolean raeEnabled = true;
    private DecisionRewardShape decisionRewardShape = DecisionRewardShape.CODE;
    private int formatMinReasoningChars = 10;
    private PhaseSchedule phaseSchedule = PhaseSchedule.FIXED_CYCLE;
    private int cycleLength = 1;
    private double emaRho = 0.95;
    private double clueSwitchMinAccuracy = 0.9;
    private double clueSwitchMaxNaRate = 0.1;
    private double decisionSwitchMinError = 0.4;
    private double decisionSwitchMinNaRate = 0.5;
    private int dwellSteps = 5;
    private int patienceSteps = 20;
    private boolean patienceEnabled;
    private int maxAttempts = 3;
    private Duration turnTimeout = Duration.ofSeconds(30);

    public Builder() {}

    private Builder(GameConfig c) {
      mode = c.mode;
      numPlayers = c.numPlayers;
      numSpies = c.numSpies;
      clueRounds = c.clueRounds;
      decisionMode = c.decisionMode;
      decisionSamples = c.decisionSamples;
      blankSpyImage = c.blankSpyImage;
      temperature = c.temperature;
      clueBeta = c.clueBeta;
      clueLambda = c.clueLambda;
      raeAlpha = c.raeAlpha;
      raeEnabled = c.raeEnabled;
      decisionRewardShape = c.decisionRewardShape;
      formatMinReasoningChars = c.formatMinReasoningChars;
      phaseSchedule = c.phaseSchedule;
      cycleLength = c.cycleLength;
      emaRho = c.emaRho;
      clueSwitchMinAccuracy = c.clueSwitchMinAccuracy;
      clueSwitchMaxNaRate = c.clueSwitchMaxNaRate;
      decisionSwitchMinError = c.decisionSwitchMinError;
      decisionSwitchMinNaRate = c.decisionSwitchMinNaRate;
      dwellSteps = c.dwellSteps;
      patienceSteps = c.patienceSteps;
      patienceEnabled = c.patienceEnabled;
      maxAttempts = c.maxAttempts;
      turnTimeout = c.turnTimeout;
    }

    public Builder mode(Mode v) { mode = v; return this; }
    public Builder numPlayers(int v) { numPlayers = v; return this; }
    public Builder numSpies(int v) { numSpies = v; return this; }
    public Builder clueRounds(int v) { clueRounds = v; return this; }
    public Builder decisionMode(DecisionMode v) { decisionMode = v; return this; }
    public Builder decisionSamples(int v) { decisionSamples = v; return this; }
    public Builder blankSpyImage(boolean v) { blankSpyImage = v; return this; }
    public Builder temperature(float v) { temperature = v; return this; }
    public Builder clueBeta(double v) { clueBeta = v; return this; }
    public Builder clueLambda(double v) { clueLambda = v; return this; }
    public Builder raeAlpha(double v) { raeAlpha = v; return this; }
    public Builder raeEnabled(boolean v) { raeEnabled = v; return this; }
    public Builder decisionRewardShape(DecisionRewardShape v) { decisionRewardShape = v; return this; }
    public Builder formatMinReasoningChars(int v) { formatMinReasoningChars = v; return this; }
    public Builder phaseSchedule(PhaseSchedule v) { phaseSchedule = v; return this; }
    public Builder cycleLength(int v) { cycleLength = v; return this; }
    public Builder emaRho(double v) { emaRho = v; return this; }
    public Builder clueSwitchMinAccuracy(double v) { clueSwitchMinAccuracy = v; return this; }
    public Builder clueSwitchMaxNaRate(double v) { clueSwitchMaxNaRate = v; return this; }
    public Builder decisionSwitchMinError(double v) { decisionSwitchMinError = v; return this; }
    public Builder decisionSwitchMinNaRate(double v) { decisionSwitchMinNaRate = v; return this; }
    public Builder dwellSteps(int v) { dwellSteps = v; return this; }
    public Builder patienceSteps(int v) { patienceSteps = v; return this; }
    public Builder patienceEnabled(boolean v) { patienceEnabled = v; return this; }
    public Builder maxAttempts(int v) { maxAttempts = v; return this; }
    public Builder turnTimeout(Duration v) { turnTimeout = v; return this; }

    /** Validates and builds; the message of a failure names the setting and the allowed values. */
    public GameConfig build() {
      return new GameConfig(mode, numPlayers, numSpies, clueRounds, decisionMode, decisionSamples,
          blankSpyImage, temperature, clueBeta, clueLambda, raeAlpha, raeEnabled, decisionRewardShape,
          formatMinReasoningChars, phaseSchedule, cycleLength, emaRho, clueSwitchMinAccuracy,
          clueSwitchMaxNaRate, decisionSwitchMinError, decisionSwitchMinNaRate, dwellSteps, patienceSteps,
          patienceEnabled, maxAttempts, turnTimeout);
    }
  }
}
