package org.visionzero.logtools.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.Outcome;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRetried;
import org.visionzero.events.VoteKind;
import org.visionzero.game.fold.GameEvolver;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.rules.SeatAssignment;
import org.visionzero.json.Json;
import org.visionzero.text.SafeText;

/**
 * A game as recorded: every event of {@code game-events} for its id in log order (duplicates and ignored
 * answers included, marked as such), then its scored trajectory when there is one.
 *
 * @param gameId     the game
 * @param entries    one entry per recorded event, in log order
 * @param started    the game's start, null when the log has none
 * @param status     the state the recorded events fold to
 * @param trajectory the recorded scored trajectory, null when none was recorded
 * @param undecodable records with the game's key that could not be decoded (left out of the entries)
 */
public record Timeline(String gameId, List<TimelineEntry> entries, GameStarted started, GameState.Status status,
    ScoredTrajectory trajectory, int undecodable) {

  public Timeline {
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(status, "status");
    entries = List.copyOf(entries);
  }

  /** Folds the recorded events of one game (log order) into its timeline. */
  public static Timeline of(String gameId, List<LoggedEvent> events, ScoredTrajectory trajectory) {
    return of(gameId, events, trajectory, 0);
  }

  /** As {@link #of(String, List, ScoredTrajectory)}, noting records of the game that could not be decoded. */
  public static Timeline of(String gameId, List<LoggedEvent> events, ScoredTrajectory trajectory,
      int undecodable) {
    GameState state = GameState.empty();
    GameStarted started = null;
    List<TimelineEntry> entries = new ArrayList<>();
    for (LoggedEvent logged : events) {
      GameEvent event = logged.event();
      if (!gameId.equals(event.getGameId())) {
        throw new IllegalArgumentException("event " + event.getEventId() + " belongs to game "
            + event.getGameId() + ", not " + gameId);
      }
      if (started == null && event.getPayload() instanceof GameStarted start) {
        started = start;
      }
      GameState after = GameEvolver.evolve(state, event);
      entries.add(entry(logged, started, !after.equals(state)));
      state = after;
    }
    return new Timeline(gameId, entries, started, state.status(), trajectory, undecodable);
  }

  public Optional<ScoredTrajectory> scored() {
    return Optional.ofNullable(trajectory);
  }

  static TimelineEntry entry(LoggedEvent logged, GameStarted started, boolean accepted) {
    GameEvent event = logged.event();
    int none = TimelineEntry.NONE;
    Object payload = event.getPayload();
    if (payload instanceof GameStarted start) {
      String detail = String.format(Locale.ROOT, "pair %s, %s, %s mode, %d players, spy seat %d, "
              + "civilians %s, spy %s, decision %s, seed %d", start.getPairId(), start.getPurpose(),
          start.getMode(), start.getNumPlayers(), start.getSpySeat(),
          TimelineEntry.policyName(start.getCivilianPolicy()), TimelineEntry.policyName(start.getSpyPolicy()),
          TimelineEntry.policyName(start.getDecisionPolicy()), start.getSeed());
      return new TimelineEntry(logged.partition(), logged.offset(), event.getOccurredAt(), event.getEventId(),
          TimelineEntry.Kind.STARTED, none, none, none, null, null, "", List.of(), detail, accepted);
    }
    if (payload instanceof ClueGiven clue) {
      Role role = started == null || clue.getSeat() < 1 ? null
          : SeatAssignment.roleOf(clue.getSeat(), started.getSpySeat());
      return new TimelineEntry(logged.partition(), logged.offset(), event.getOccurredAt(), event.getEventId(),
          TimelineEntry.Kind.CLUE, clue.getTurn(), clue.getAttempt(), clue.getSeat(), role, clue.getPolicy(),
          clue.getText(), List.of(), "round " + clue.getRound(), accepted);
    }
    if (payload instanceof DecisionSampled decision) {
      Role role = decision.getVoterSeat() == 0 ? Role.OBSERVER : Role.CIVILIAN;
      List<String> votes = decision.getSamples().stream().map(Timeline::vote).toList();
      String texts = decision.getSamples().stream().map(DecisionSample::getText)
          .collect(Collectors.joining(" | "));
      return new TimelineEntry(logged.partition(), logged.offset(), event.getOccurredAt(), event.getEventId(),
          TimelineEntry.Kind.DECISION, decision.getTurn(), decision.getAttempt(), decision.getVoterSeat(), role,
          decision.getPolicy(), texts, votes, "", accepted);
    }
    if (payload instanceof TurnRetried retried) {
      return new TimelineEntry(logged.partition(), logged.offset(), event.getOccurredAt(), event.getEventId(),
          TimelineEntry.Kind.RETRY, retried.getTurn(), retried.getAttempt(), none, null, null, "", List.of(),
          retried.getReason(), accepted);
    }
    if (payload instanceof GameCompleted completed) {
      return new TimelineEntry(logged.partition(), logged.offset(), event.getOccurredAt(), event.getEventId(),
          TimelineEntry.Kind.COMPLETED, none, none, none, null, null, "", List.of(),
          describe(completed.getOutcome()), accepted);
    }
    GameAborted aborted = (GameAborted) payload;
    return new TimelineEntry(logged.partition(), logged.offset(), event.getOccurredAt(), event.getEventId(),
        TimelineEntry.Kind.ABORTED, aborted.getTurn(), aborted.getAttempts(), none, null, null, "", List.of(),
        aborted.getReason(), accepted);
  }

  static String vote(DecisionSample sample) {
    if (sample.getVoteKind() == VoteKind.SEAT) {
      return Integer.toString(sample.getVotedSeat());
    }
    return sample.getVoteKind() == VoteKind.ABSTAIN ? "N/A" : "invalid";
  }

  static String describe(Outcome outcome) {
    return String.format(Locale.ROOT, "winner %s, spy seat %d, votes per seat %s, abstentions %d, invalid %d, "
            + "accuracy %.3f", outcome.getWinner(), outcome.getSpySeat(), outcome.getVotesPerSeat(),
        outcome.getAbstentions(), outcome.getInvalidVotes(), outcome.getDecisionAccuracy());
  }

  /** The timeline for a terminal: a header, one line per event, then the outcome and rewards. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("game ").append(SafeText.terminal(gameId)).append("  (").append(status.name().toLowerCase(Locale.ROOT))
        .append(", ").append(entries.size()).append(" events)\n");
    for (TimelineEntry entry : entries) {
      text.append("  ").append(entry.toLine()).append('\n');
    }
    if (undecodable > 0) {
      text.append("  (").append(undecodable).append(" record(s) of this game could not be decoded; "
          + "the dead-letter topic has the reason)\n");
    }
    if (trajectory == null) {
      text.append("no scored trajectory recorded\n");
      return text.toString();
    }
    text.append("outcome: ").append(describe(trajectory.getOutcome())).append('\n');
    text.append("clue rewards (raw, before RAE):\n");
    for (int seat = 1; seat <= trajectory.getClueRewards().size(); seat++) {
      text.append(String.format(Locale.ROOT, "  seat %d %-8s %+.4f%n", seat,
          SeatAssignment.roleOf(seat, trajectory.getSpySeat()), trajectory.getClueRewards().get(seat - 1)));
    }
    text.append("decision samples:\n");
    for (ScoredDecision decision : trajectory.getDecisions()) {
      text.append(String.format(Locale.ROOT, "  voter %d sample %d vote %-7s %-7s reward %+.4f advantage %+.4f%n",
          decision.getDecision().getVoterSeat(), decision.getDecision().getSampleIndex(),
          vote(decision.getDecision()), decision.getCorrect() ? "correct" : "wrong", decision.getReward(),
          decision.getAdvantage()));
    }
    return text.toString();
  }

  /** The timeline as one JSON object: {@code gameId, status, events[], trajectory}. */
  public String toJson() {
    return Json.write(toJsonTree());
  }

  ObjectNode toJsonTree() {
    ObjectNode root = Json.object();
    root.put("gameId", gameId);
    root.put("status", status.name());
    root.put("undecodable", undecodable);
    if (started != null) {
      root.put("pairId", started.getPairId());
      root.put("purpose", started.getPurpose().name());
      root.put("mode", started.getMode());
      root.put("numPlayers", started.getNumPlayers());
      root.put("spySeat", started.getSpySeat());
    }
    ArrayNode events = root.putArray("events");
    for (TimelineEntry entry : entries) {
      ObjectNode node = events.addObject();
      node.put("partition", entry.partition());
      node.put("offset", entry.offset());
      node.put("time", entry.time().toString());
      node.put("eventId", entry.eventId());
      node.put("kind", entry.kind().name());
      putIfSet(node, "turn", entry.turn());
      putIfSet(node, "attempt", entry.attempt());
      putIfSet(node, "seat", entry.seat());
      if (entry.role() != null) {
        node.put("role", entry.role().name());
      }
      if (entry.policy() != null) {
        node.set("policy", PolicyJson.of(entry.policy()));
      }
      if (!entry.text().isEmpty()) {
        node.put("text", entry.text());
      }
      if (!entry.votes().isEmpty()) {
        entry.votes().forEach(node.putArray("votes")::add);
      }
      if (!entry.detail().isEmpty()) {
        node.put("detail", entry.detail());
      }
      node.put("accepted", entry.accepted());
    }
    if (trajectory != null) {
      root.set("trajectory", trajectoryJson(trajectory));
    }
    return root;
  }

  private static ObjectNode trajectoryJson(ScoredTrajectory trajectory) {
    ObjectNode node = Json.object();
    Outcome outcome = trajectory.getOutcome();
    node.put("winner", outcome.getWinner().name());
    node.put("spySeat", trajectory.getSpySeat());
    outcome.getVotesPerSeat().forEach(node.putArray("votesPerSeat")::add);
    node.put("decisionAccuracy", outcome.getDecisionAccuracy());
    trajectory.getClueRewards().forEach(node.putArray("clueRewards")::add);
    ArrayNode clues = node.putArray("clues");
    for (ScoredClue clue : trajectory.getClues()) {
      ObjectNode c = clues.addObject();
      c.put("seat", clue.getSeat());
      c.put("round", clue.getRound());
      c.put("role", clue.getRole().name());
      c.put("reward", clue.getReward());
    }
    ArrayNode decisions = node.putArray("decisions");
    for (ScoredDecision decision : trajectory.getDecisions()) {
      ObjectNode d = decisions.addObject();
      d.put("voterSeat", decision.getDecision().getVoterSeat());
      d.put("sampleIndex", decision.getDecision().getSampleIndex());
      d.put("vote", vote(decision.getDecision()));
      d.put("correct", decision.getCorrect());
      d.put("reward", decision.getReward());
      d.put("advantage", decision.getAdvantage());
    }
    return node;
  }

  private static void putIfSet(ObjectNode node, String field, int value) {
    if (value != TimelineEntry.NONE) {
      node.put(field, value);
    }
  }
}
