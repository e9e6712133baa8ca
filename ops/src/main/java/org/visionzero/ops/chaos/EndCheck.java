package org.visionzero.ops.chaos;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.logtools.rescore.Rescore;
import org.visionzero.logtools.rescore.RescoreFrom;
import org.visionzero.logtools.rescore.RescoreReport;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.chaos.poison.PoisonWriter;
import org.visionzero.topics.TopicCatalog;

/**
 * The end of a chaos run: the log read back with the brokers up and the components stopped, independently of
 * their bookkeeping ({@code LogAudit}, {@link ChaosLog}, {@link CheckpointAudit}, {@code vz rescore}), beside what
 * the supervisor saw, into {@code chaos.json}.
 */
final class EndCheck {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

  /**
   * What the supervisor saw.
   *
   * @param topicReplicas the fewest replicas a catalog topic was created with
   * @param restartBackoff the restarts of processes that kept stopping by themselves that waited, by name
   */
  record Observed(Instant began, Instant firstKill, Instant drainStart, List<String> processes, int topicReplicas,
      Map<String, Integer> kills, Map<String, Integer> unplannedExits,
      Map<String, RestartBackoff.Waits> restartBackoff, RecoveryTimes recovery) {
  }

  private EndCheck() {
  }

  /** Turns answered twice in one attempt, but for games whose turn requests a poison load replayed. */
  private static int sameAttemptTwice(ChaosLog log, ChaosLoad load) {
    return Math.toIntExact(log.answers().sameAttemptTwice().stream()
        .filter(turn -> !load.replayedInto(turn.substring(0, Math.max(0, turn.lastIndexOf('/'))))).count());
  }

  static ChaosReport run(ChaosSettings settings, Map<String, Object> clients, TopicCatalog topics, ChaosLoad load,
      Observed observed) throws Exception {
    LogAudit audit = LogAudit.read(clients, topics, READ_TIMEOUT);
    Instant read = Instant.now();
    ChaosLog log = ChaosLog.read(clients, topics, ChaosSettings.RUN_ID, READ_TIMEOUT);
    CheckpointAudit checkpoints = CheckpointAudit.of(log.checkpoints(), log.versionsThatAnswered(),
        ChaosSettings.RUN_ID, new FileBlobStore(settings.dataDir().resolve("blobs")));
    RescoreReport rescore = Rescore.run(clients, topics, RescoreFrom.beginning(), READ_TIMEOUT);
    int firstKillVersion = AccuracyPoint.versionPublishedBy(log.checkpoints(), ChaosSettings.POLICY,
        observed.firstKill());
    Map<String, Object> poison = load.report(clients, topics, READ_TIMEOUT);
    // Trajectories a poison load wrote for games it made up have no events to re-derive them from: not compared.
    long poisonCompared = java.util.stream.Stream.of(rescore.differing(), rescore.notRecorded(), rescore.notRescored())
        .flatMap(List::stream).filter(PoisonWriter::isPoisonId).count();
    ChaosReport report = new ChaosReport(Duration.between(observed.began(), Instant.now()).toSeconds(),
        observed.processes(), observed.topicReplicas(), observed.kills(), observed.unplannedExits(),
        observed.restartBackoff(), observed.recovery(),
        log.games().tally(observed.drainStart(), read.minus(settings.stallHorizon())),
        audit.turnsAnsweredTwice().size(), sameAttemptTwice(log, load),
        log.answers().toSeveralAttempts().size(), audit.retries(), audit.trajectoriesTwice().size(),
        audit.inconsistentTrajectories().size(), audit.completedWithoutTrajectory().size(), checkpoints,
        rescore.identical(), Math.toIntExact(rescore.total() - poisonCompared), poison,
        AccuracyPoint.atOrBefore(log.evaluation().results(), firstKillVersion, settings.evalGamesPerArm()),
        AccuracyPoint.newest(log.evaluation().results(), settings.evalGamesPerArm()),
        log.undecodable() + audit.undecodable());
    Files.writeString(settings.dataDir().resolve("chaos.json"), report.toJson());
    return report;
  }
}
