package org.visionzero.game.text;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig;

/**
 * Reads a vote from a text policy's output (VISION-ZERO.md section 1). In the first {@code \boxed{...}}:
 * exactly {@code N/A} or {@code NA} (trimmed, any case) abstains, else the first standalone digit 1–9 (not
 * touching another letter or digit) is the seat. Failing that, a JSON {@code {"spy": n}} anywhere in the
 * output names the seat. Anything else, and any seat outside 1..N, is INVALID. Never throws on any string.
 */
public final class VoteParser {
  /** The format flag needs reasoning longer than this many characters (VISION-ZERO.md section 2). */
  public static final int DEFAULT_MIN_REASONING_CHARS = 10;

  private static final Pattern STANDALONE_DIGIT = Pattern.compile("(?<![\\p{Alnum}])([1-9])(?![\\p{Alnum}])");
  private static final Pattern JSON_VOTE =
      Pattern.compile("\\{\\s*\"spy\"\\s*:\\s*\"?\\s*(-?\\d{1,9})\\s*\"?\\s*}", Pattern.CASE_INSENSITIVE);

  private final int numPlayers;
  private final int minReasoningChars;

  /** A parser for a table of N players with a format threshold in characters. */
  public VoteParser(int numPlayers, int minReasoningChars) {
    if (numPlayers < 1) {
      throw new IllegalArgumentException("numPlayers must be >= 1, was " + numPlayers);
    }
    if (minReasoningChars < 0) {
      throw new IllegalArgumentException("minReasoningChars must be >= 0, was " + minReasoningChars);
    }
    this.numPlayers = numPlayers;
    this.minReasoningChars = minReasoningChars;
  }

  /** A parser with the table size and format threshold of a configuration. */
  public static VoteParser forConfig(GameConfig config) {
    return new VoteParser(config.numPlayers(), config.formatMinReasoningChars());
  }

  /** Parses with the default format threshold. */
  public static ParsedVote parse(String output, int numPlayers) {
    return new VoteParser(numPlayers, DEFAULT_MIN_REASONING_CHARS).parse(output);
  }

  /** Parses one output. */
  public ParsedVote parse(String output) {
    Objects.requireNonNull(output, "output (use \"\" for an empty output)");
    Optional<AnswerMarkers.Found> boxed = AnswerMarkers.firstBoxed(output);
    if (boxed.isPresent()) {
      String content = boxed.get().content();
      String reasoning = AnswerMarkers.reasoningBefore(output, boxed.get().markerStart());
      String trimmed = content.trim();
      if (isAbstention(trimmed)) {
        return vote(VoteKind.ABSTAIN, 0, trimmed, reasoning);
      }
      Matcher digit = STANDALONE_DIGIT.matcher(content);
      if (digit.find()) {
        return seatVote(Integer.parseInt(digit.group(1)), trimmed, reasoning);
      }
    }
    Matcher json = JSON_VOTE.matcher(output);
    if (json.find()) {
      String reasoning = AnswerMarkers.reasoningBefore(output, json.start());
      // at most 9 digits: always fits an int
      return seatVote(Integer.parseInt(json.group(1)), json.group(), reasoning);
    }
    String answer = boxed.map(found -> found.content().trim()).orElse("");
    String reasoning = boxed.map(found -> AnswerMarkers.reasoningBefore(output, found.markerStart()))
        .orElseGet(() -> AnswerMarkers.reasoningBefore(output, output.length()));
    return vote(VoteKind.INVALID, 0, answer, reasoning);
  }

  private static boolean isAbstention(String trimmed) {
    String upper = trimmed.toUpperCase(Locale.ROOT);
    return upper.equals("N/A") || upper.equals("NA");
  }

  private ParsedVote seatVote(int seat, String answer, String reasoning) {
    return seat >= 1 && seat <= numPlayers ? vote(VoteKind.SEAT, seat, answer, reasoning)
        : vote(VoteKind.INVALID, 0, answer, reasoning);
  }

  private ParsedVote vote(VoteKind kind, int seat, String answer, String reasoning) {
    boolean formatOk = reasoning.length() > minReasoningChars && !answer.isBlank();
    return new ParsedVote(kind, seat, answer, reasoning, formatOk);
  }
}
