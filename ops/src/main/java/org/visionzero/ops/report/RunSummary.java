package org.visionzero.ops.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.ops.eval.JsonNumbers;
import org.visionzero.ops.eval.VersionResult;
import org.visionzero.process.ProcessUsage;

/**
 * What {@code summary.json} says about a run: the final evaluation's headline figures under fixed keys, then
 * the context (run, versions, steps, time) and every version's evaluation.
 *
 * @param finalResult the evaluation of the last version, if one was made
 */
public record RunSummary(String runId, Instant started, Instant ended, Optional<TrainingStepCompleted> lastStep,
    Optional<VersionResult> finalResult, List<VersionResult> results, Map<String, Object> extra) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    Optional<VersionResult> last = finalResult;
    json.put("decisionAccuracy", figure(last.map(r -> r.decisionAccuracy().rate())));
    json.put("decisionAccuracyPerGameLow", figure(last.map(r -> r.decisionAccuracyPerGame().low())));
    json.put("decisionAccuracyPerGameHigh", figure(last.map(r -> r.decisionAccuracyPerGame().high())));
    json.put("noImageAccuracy", figure(last.map(r -> r.noImageAccuracy().rate())));
    json.put("noImageAccuracyPerGameLow", figure(last.map(r -> r.noImageAccuracyPerGame().low())));
    json.put("noImageAccuracyPerGameHigh", figure(last.map(r -> r.noImageAccuracyPerGame().high())));
    json.put("evaluatedGamesPerArm", last.map(r -> r.decisionAccuracyPerGame().count()).orElse(0L));
    json.put("evaluatedPairs", last.map(VersionResult::decisionPairs).orElse(0L));
    json.put("naRate", figure(last.map(r -> r.naRate().rate())));
    // a share of votes; its interval over games (the votes of one game read the same clues)
    json.put("naRateLow", figure(last.map(r -> r.naRateVotes().low())));
    json.put("naRateHigh", figure(last.map(r -> r.naRateVotes().high())));
    json.put("winRateVsV0FixedReferee", figure(last.map(r -> r.clueWinRate().rate())));
    json.put("winRateVsV0FixedRefereeLow", figure(last.map(r -> r.clueWinRate().low())));
    json.put("winRateVsV0FixedRefereeHigh", figure(last.map(r -> r.clueWinRate().high())));
    json.put("winRateVsV0FixedRefereeAsSpy", figure(last.map(r -> r.clueWinsAsSpy().rate())));
    json.put("winRateVsV0FixedRefereeAsSpyLow", figure(last.map(r -> r.clueWinsAsSpy().low())));
    json.put("winRateVsV0FixedRefereeAsSpyHigh", figure(last.map(r -> r.clueWinsAsSpy().high())));
    json.put("winRateVsV0FixedRefereeAsCivilians", figure(last.map(r -> r.clueWinsAsCivilians().rate())));
    json.put("winRateVsV0FixedRefereeAsCiviliansLow", figure(last.map(r -> r.clueWinsAsCivilians().low())));
    json.put("winRateVsV0FixedRefereeAsCiviliansHigh", figure(last.map(r -> r.clueWinsAsCivilians().high())));
    json.put("clueFidelity", figure(last.map(r -> r.clueFidelity().value())));
    json.put("winRateVsV0PaperStyle", figure(last.map(r -> r.paperWinRate().rate())));
    json.put("spyEchoRate", figure(last.map(r -> r.spyEchoRate().rate())));
    json.put("runId", runId);
    json.put("evaluatedVersion", last.map(VersionResult::version).orElse(null));
    json.put("refereeVersion", last.map(VersionResult::refereeVersion).orElse(null));
    json.put("started", started.toString());
    json.put("ended", ended.toString());
    json.put("seconds", Duration.between(started, ended).toMillis() / 1000.0);
    // the whole process's peak, as the kernel counts it (heap, libtorch, stacks); null where not reported
    OptionalLong peakRss = ProcessUsage.peakResidentBytes();
    json.put("peakRssBytes", peakRss.isPresent() ? peakRss.getAsLong() : null);
    json.put("trainingSteps", lastStep.map(TrainingStepCompleted::getStep).orElse(0L));
    json.put("policyVersion", lastStep.map(TrainingStepCompleted::getPolicyVersion).orElse(0));
    json.put("final", last.map(VersionResult::toJson).orElse(null));
    json.put("evaluations", results.stream().map(VersionResult::toJson).toList());
    json.putAll(extra);
    return json;
  }

  private static Double figure(Optional<Double> value) {
    return value.map(JsonNumbers::finiteOrNull).orElse(null);
  }
}
