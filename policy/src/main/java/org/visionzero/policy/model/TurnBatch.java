package org.visionzero.policy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.Vocabulary;

/**
 * The model inputs of a batch of turns, as plain Java arrays; {@link #toArrays} moves them into a manager.
 *
 * <p>Clue decoder input: the image, the role, and the history flattened to tokens with their speaker seat
 * and round (latest {@code maxHistoryTokens} kept). Decision head input: the image, the role, and per seat
 * 1..maxPlayers its clues across rounds (token, position in the clue, round), plus which seats exist and
 * which one is the voter's own.
 */
public final class TurnBatch {
  private final ModelConfig config;
  private final int size;
  private final float[] images;
  private final long[] roles;
  private final int historyLength;
  private final long[] historyTokens;
  private final long[] historySeats;
  private final long[] historyRounds;
  private final float[] historyMask;
  private final int seatLength;
  private final long[] seatTokens;
  private final long[] seatPositions;
  private final long[] seatRounds;
  private final float[] seatMask;
  private final float[] seatValid;
  private final float[] selfSeat;
  private final int clueRows;
  private final int clueLength;
  private final long[] clueTokens;
  private final float[] clueMask;
  private final long[] clueTurn;
  private final long[] clueSeat;
  private final List<List<Integer>> echoes;
  private final long[] echoTokens;
  private final float[] echoAvailable;

  /** One turn's input: the image it sees (null = blank), its role and what it knows. */
  public record Input(TurnView view, BufferedImage image) {}

  public TurnBatch(ModelConfig config, Vocabulary vocabulary, List<Input> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one turn");
    }
    this.config = config;
    this.size = inputs.size();
    int pixels = 3 * config.imageSize() * config.imageSize();
    images = new float[size * pixels];
    roles = new long[size];
    List<List<long[]>> histories = new ArrayList<>();
    int longest = 1;
    int players = config.maxPlayers();
    seatValid = new float[size * players];
    selfSeat = new float[size * players];
    List<List<List<long[]>>> seats = new ArrayList<>();
    List<List<List<Integer>>> clues = new ArrayList<>();
    int longestSeat = 1;
    int longestClue = 1;
    echoes = new ArrayList<>(size);
    echoTokens = new long[size * config.maxClueTokens()];
    echoAvailable = new float[size];
    java.util.Arrays.fill(echoTokens, Vocabulary.PAD_ID); // matches no generated token
    for (int b = 0; b < size; b++) {
      TurnView view = inputs.get(b).view();
      if (view.numPlayers() > players) {
        throw new IllegalArgumentException("the model supports at most " + players + " players, turn "
            + view.gameId() + "/" + view.turn() + " has " + view.numPlayers());
      }
      ImageTensors.write(inputs.get(b).image(), config.imageSize(), images, b * pixels);
      roles[b] = roleIndex(view.role());
      List<long[]> history = historyOf(view, vocabulary);
      histories.add(history);
      longest = Math.max(longest, history.size());
      List<List<long[]>> perSeat = seatsOf(b, view, vocabulary);
      seats.add(perSeat);
      for (List<long[]> seat : perSeat) {
        longestSeat = Math.max(longestSeat, seat.size());
      }
      List<Integer> echo = echoOf(view, vocabulary);
      echoes.add(echo);
      for (int t = 0; t < echo.size(); t++) {
        echoTokens[b * config.maxClueTokens() + t] = echo.get(t);
      }
      echoAvailable[b] = echo.isEmpty() ? 0f : 1f;
      List<List<Integer>> slots = clueSlotsOf(view, vocabulary);
      clues.add(slots);
      for (List<Integer> clue : slots) {
        longestClue = Math.max(longestClue, clue.size());
      }
    }
    // Only the clues there are become rows: a decision turn of 4 seats × 2 rounds fills 8 of maxPlayers × maxRounds.
    List<int[]> clueOwners = new ArrayList<>();
    List<List<Integer>> clueRowsTokens = new ArrayList<>();
    for (int b = 0; b < size; b++) {
      List<List<Integer>> slots = clues.get(b);
      for (int slot = 0; slot < slots.size(); slot++) {
        if (!slots.get(slot).isEmpty()) {
          clueOwners.add(new int[] {b, slot / config.maxRounds()});
          clueRowsTokens.add(slots.get(slot));
        }
      }
    }
    clueRows = clueRowsTokens.size();
    clueLength = longestClue;
    clueTokens = new long[clueRows * clueLength];
    clueMask = new float[clueTokens.length];
    clueTurn = new long[clueRows];
    clueSeat = new long[clueRows];
    java.util.Arrays.fill(clueTokens, Vocabulary.EOS_ID); // padding reads as "after the end"; masked out
    for (int r = 0; r < clueRows; r++) {
      List<Integer> clue = clueRowsTokens.get(r);
      for (int i = 0; i < clue.size(); i++) {
        clueTokens[r * clueLength + i] = clue.get(i);
        clueMask[r * clueLength + i] = 1f;
      }
      clueTurn[r] = clueOwners.get(r)[0];
      clueSeat[r] = (long) clueOwners.get(r)[0] * players + clueOwners.get(r)[1];
    }
    // The seat axis is as long as the longest seat's clues in this batch, not the architecture's cap:
    // the head only averages and maxes over it, and padding to the cap quadrupled the work.
    seatLength = longestSeat;
    seatTokens = new long[size * players * seatLength];
    seatPositions = new long[seatTokens.length];
    seatRounds = new long[seatTokens.length];
    seatMask = new float[seatTokens.length];
    for (int b = 0; b < size; b++) {
      for (int s = 0; s < players; s++) {
        List<long[]> seat = seats.get(b).get(s);
        for (int i = 0; i < seat.size(); i++) {
          int at = (b * players + s) * seatLength + i;
          seatTokens[at] = seat.get(i)[0];
          seatPositions[at] = seat.get(i)[1];
          seatRounds[at] = seat.get(i)[2];
          seatMask[at] = 1f;
        }
      }
    }
    historyLength = longest;
    historyTokens = new long[size * longest];
    historySeats = new long[size * longest];
    historyRounds = new long[size * longest];
    historyMask = new float[size * longest];
    for (int b = 0; b < size; b++) {
      List<long[]> h = histories.get(b);
      for (int i = 0; i < h.size(); i++) {
        int at = b * longest + i;
        historyTokens[at] = h.get(i)[0];
        historySeats[at] = h.get(i)[1];
        historyRounds[at] = h.get(i)[2];
        historyMask[at] = 1f;
      }
    }
  }

  public int size() {
    return size;
  }

  /** Model index of a role: civilian 0, spy 1, observer 2. */
  public static int roleIndex(Role role) {
    return switch (role) {
      case CIVILIAN -> 0;
      case SPY -> 1;
      case OBSERVER -> 2;
    };
  }

  /** Content tokens of a visible clue: its token ids when given, else its text tokenised; specials dropped. */
  static List<Integer> clueTokens(VisibleClue clue, Vocabulary vocabulary) {
    List<Integer> raw = clue.tokenIds().isEmpty() ? vocabulary.encode(clue.text()) : clue.tokenIds();
    List<Integer> out = new ArrayList<>();
    for (int id : raw) {
      if (id == Vocabulary.EOS_ID) {
        break;
      }
      if (id >= 0 && id < vocabulary.size() && !Vocabulary.isSpecial(id)) {
        out.add(id);
      } else if (id == Vocabulary.UNK_ID) {
        out.add(id);
      }
    }
    return out;
  }

  private List<long[]> historyOf(TurnView view, Vocabulary vocabulary) {
    List<long[]> all = new ArrayList<>();
    for (VisibleClue clue : view.history()) {
      long seat = Math.min(Math.max(clue.seat(), 0), config.maxPlayers());
      long round = Math.min(Math.max(clue.round(), 0), config.maxRounds());
      for (int id : clueTokens(clue, vocabulary)) {
        all.add(new long[] {id, seat, round});
      }
    }
    int keep = config.maxHistoryTokens();
    return all.size() <= keep ? all : all.subList(all.size() - keep, all.size());
  }

  /** Per seat 1..maxPlayers, its clue tokens across rounds as (token, position in clue, round), capped. */
  private List<List<long[]>> seatsOf(int b, TurnView view, Vocabulary vocabulary) {
    int players = config.maxPlayers();
    List<List<long[]>> seats = new ArrayList<>(players);
    for (int s = 0; s < players; s++) {
      seats.add(new ArrayList<>());
    }
    for (VisibleClue clue : view.history()) {
      int s = clue.seat() - 1;
      if (s < 0 || s >= view.numPlayers()) {
        continue; // a clue from no seat cannot be scored against a seat
      }
      long round = Math.min(Math.max(clue.round(), 0), config.maxRounds());
      List<Integer> tokens = clueTokens(clue, vocabulary);
      int limit = Math.min(tokens.size(), config.maxClueTokens());
      for (int i = 0; i < limit && seats.get(s).size() < config.seatTokens(); i++) {
        seats.get(s).add(new long[] {tokens.get(i), i, round});
      }
    }
    for (int s = 0; s < view.numPlayers(); s++) {
      seatValid[b * players + s] = 1f;
    }
    if (view.seat() >= 1 && view.seat() <= players) {
      selfSeat[b * players + view.seat() - 1] = 1f;
    }
    return seats;
  }

  /**
   * What a clue turn would say by echoing: the latest clue of another seat as generated tokens (content, then the
   * end token when it fits in {@code maxClueTokens}); empty for a decision turn or when no one else spoke yet.
   */
  private List<Integer> echoOf(TurnView view, Vocabulary vocabulary) {
    if (view.kind() != TurnKind.CLUE) {
      return List.of();
    }
    VisibleClue latest = null;
    for (VisibleClue clue : view.history()) {
      if (clue.seat() != view.seat()) {
        latest = clue;
      }
    }
    return latest == null ? List.of() : generated(clueTokens(latest, vocabulary));
  }

  /** Content tokens as the decoder would generate them: cut to {@code maxClueTokens}, the end token if it fits. */
  private List<Integer> generated(List<Integer> content) {
    List<Integer> tokens = new ArrayList<>(content.subList(0, Math.min(content.size(), config.maxClueTokens())));
    if (tokens.size() < config.maxClueTokens()) {
      tokens.add(Vocabulary.EOS_ID);
    }
    return List.copyOf(tokens);
  }

  /** The echo of turn {@code b} ({@link #echoOf}): empty when it has none. */
  public List<Integer> echo(int b) {
    return echoes.get(b);
  }

  /**
   * Every seat's clues one by one, for scoring each against the image: slot {@code (seat - 1) * maxRounds +
   * (round - 1)} holds that clue's content tokens and then its end token when it fits (a clue that filled
   * {@code maxClueTokens} was cut there and has none). The first clue of a seat in a round counts.
   */
  private List<List<Integer>> clueSlotsOf(TurnView view, Vocabulary vocabulary) {
    int rounds = config.maxRounds();
    List<List<Integer>> slots = new ArrayList<>();
    for (int i = 0; i < config.maxPlayers() * rounds; i++) {
      slots.add(List.of());
    }
    if (view.kind() != TurnKind.DECISION) {
      return slots; // only the decision head reads them
    }
    for (VisibleClue clue : view.history()) {
      if (clue.seat() < 1 || clue.seat() > view.numPlayers() || clue.round() < 1 || clue.round() > rounds) {
        continue;
      }
      int slot = (clue.seat() - 1) * rounds + clue.round() - 1;
      if (!slots.get(slot).isEmpty()) {
        continue;
      }
      slots.set(slot, generated(clueTokens(clue, vocabulary)));
    }
    return slots;
  }

  /** The batch as arrays of {@code manager} (so they die with it). */
  public Arrays toArrays(NDManager manager) {
    int players = config.maxPlayers();
    int side = config.imageSize();
    Shape seatShape = new Shape(size, players, seatLength);
    Shape historyShape = new Shape(size, historyLength);
    return new Arrays(
        manager.create(images, new Shape(size, 3, side, side)),
        manager.create(roles),
        manager.create(historyTokens, historyShape),
        manager.create(historySeats, historyShape),
        manager.create(historyRounds, historyShape),
        manager.create(historyMask, historyShape),
        manager.create(seatTokens, seatShape),
        manager.create(seatPositions, seatShape),
        manager.create(seatRounds, seatShape),
        manager.create(seatMask, seatShape),
        manager.create(seatValid, new Shape(size, players)),
        manager.create(selfSeat, new Shape(size, players)),
        manager.create(clueTokens, new Shape(clueRows, clueLength)),
        manager.create(clueMask, new Shape(clueRows, clueLength)),
        manager.create(clueTurn),
        manager.create(clueSeat),
        manager.create(echoTokens, new Shape(size, config.maxClueTokens())),
        manager.create(echoAvailable));
  }

  /**
   * The batch in a manager: every array's first axis is the batch, except the clue rows. {@code clueTokens} /
   * {@code clueMask} [R, L] hold each clue of the decision turns on its own row (see {@code clueSlotsOf}), with
   * the turn it belongs to ({@code clueTurn} [R]) and its seat as {@code turn × maxPlayers + seat − 1}
   * ({@code clueSeat} [R]); R is zero for clue turns. {@code echoTokens} [B, maxClueTokens] is what each clue turn
   * would say by echoing (pad after its end), {@code echoAvailable} [B] is 1 where it has an echo.
   */
  public record Arrays(
      NDArray images, NDArray roles,
      NDArray historyTokens, NDArray historySeats, NDArray historyRounds, NDArray historyMask,
      NDArray seatTokens, NDArray seatPositions, NDArray seatRounds, NDArray seatMask,
      NDArray seatValid, NDArray selfSeat,
      NDArray clueTokens, NDArray clueMask, NDArray clueTurn, NDArray clueSeat,
      NDArray echoTokens, NDArray echoAvailable) {}
}
