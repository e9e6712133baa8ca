package org.visionzero.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The closed vocabulary of clues: special tokens, then scene, chart and photo words.
 *
 * <p>Ids 0..3 are {@code <pad>}, {@code <bos>}, {@code <eos>}, {@code <unk>}. Words are lower case. The
 * vocabulary is part of a checkpoint: a model only loads with the vocabulary it was trained with.
 */
public final class Vocabulary {
  public static final String PAD = "<pad>";
  public static final String BOS = "<bos>";
  public static final String EOS = "<eos>";
  public static final String UNK = "<unk>";
  public static final int PAD_ID = 0;
  public static final int BOS_ID = 1;
  public static final int EOS_ID = 2;
  public static final int UNK_ID = 3;
  private static final int SPECIAL_COUNT = 4;

  public static final List<String> SHAPES = List.of("cube", "sphere", "cylinder");
  public static final List<String> COLORS =
      List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow");
  public static final List<String> SIZES = List.of("small", "large");
  public static final List<String> MATERIALS = List.of("metal", "rubber");
  private static final List<String> SCENE_WORDS =
      List.of("left", "right", "top", "bottom", "middle", "and", "object", "objects", "near", "behind", "front");
  private static final List<String> CHART_WORDS =
      List.of("bar", "line", "pie", "chart", "axis", "legend", "label", "title", "value", "higher", "lower",
          "highest", "lowest", "first", "second", "third", "last");
  private static final List<String> PHOTO_WORDS =
      List.of("person", "car", "tree", "sky", "building", "road", "dog", "cat", "water", "grass", "house",
          "window", "sign");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[^a-z0-9<>/]+");

  private final List<String> words;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.words.size(); i++) {
      if (index.put(this.words.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate word in vocabulary: " + this.words.get(i));
      }
    }
    this.ids = Collections.unmodifiableMap(index);
  }

  /** The project's standard vocabulary. */
  public static Vocabulary standard() {
    List<String> all = new ArrayList<>(List.of(PAD, BOS, EOS, UNK));
    all.addAll(SHAPES);
    all.addAll(COLORS);
    all.addAll(SIZES);
    all.addAll(MATERIALS);
    all.addAll(SCENE_WORDS);
    all.addAll(CHART_WORDS);
    all.addAll(PHOTO_WORDS);
    return new Vocabulary(all);
  }

  /** A vocabulary from its word list (as stored in a checkpoint); the first four must be the special tokens. */
  public static Vocabulary of(List<String> words) {
    if (words.size() <= SPECIAL_COUNT || !words.subList(0, SPECIAL_COUNT).equals(List.of(PAD, BOS, EOS, UNK))) {
      throw new IllegalArgumentException("a vocabulary must start with " + List.of(PAD, BOS, EOS, UNK)
          + " and have at least one word, was " + words);
    }
    return new Vocabulary(words);
  }

  public int size() {
    return words.size();
  }

  public List<String> words() {
    return words;
  }

  public String word(int id) {
    if (id < 0 || id >= words.size()) {
      throw new IllegalArgumentException("token id " + id + " outside vocabulary of " + words.size());
    }
    return words.get(id);
  }

  /** The id of a word, failing with a clear message for a word outside the vocabulary. */
  public int id(String word) {
    Integer id = ids.get(word.toLowerCase(Locale.ROOT));
    if (id == null) {
      throw new IllegalArgumentException("word '" + word + "' is not in the vocabulary");
    }
    return id;
  }

  public boolean contains(String word) {
    return ids.containsKey(word.toLowerCase(Locale.ROOT));
  }

  /** True for pad, bos, eos and unk. */
  public static boolean isSpecial(int id) {
    return id < SPECIAL_COUNT;
  }

  /**
   * Tokenises free text (e.g. another policy's clue): lower case, split on anything but letters and digits;
   * words outside the vocabulary become {@code <unk>}. No end token is added.
   */
  public List<Integer> encode(String text) {
    List<Integer> out = new ArrayList<>();
    for (String w : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(ids.getOrDefault(w, UNK_ID));
      }
    }
    return out;
  }

  /** Text of token ids: words joined by spaces; stops at the end token, skips pad and bos. */
  public String decode(List<Integer> tokenIds) {
    StringBuilder sb = new StringBuilder();
    for (int id : tokenIds) {
      if (id == EOS_ID) {
        break;
      }
      if (id == PAD_ID || id == BOS_ID) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(word(id));
    }
    return sb.toString();
  }

  /** Lower-case hex sha256 of the word list: two vocabularies are the same iff their fingerprints are. */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(String.join("\n", words).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.words.equals(words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary[" + words.size() + " words]";
  }
}
