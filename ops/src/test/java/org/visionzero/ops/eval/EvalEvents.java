package org.visionzero.ops.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.Outcome;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.scene.SceneGraphJson;
import org.visionzero.scene.SceneGraphJson.Scene;
import org.visionzero.scene.SceneGraphJson.SceneObject;

/** Events the evaluator reads, built for its unit tests. */
final class EvalEvents {

  static final String SCENE_JSON = new SceneGraphJson(64, 64,
      new Scene(List.of(new SceneObject(1, "cube", "red", "large", "metal", 10, 10, 4))),
      new Scene(List.of(new SceneObject(1, "sphere", "red", "large", "metal", 10, 10, 4))), List.of(1)).toJson();

  private EvalEvents() {
  }

  static ImagePairCreated pair(String pairId, boolean heldOut, String broken, String sceneGraphJson) {
    BlobRef image = new BlobRef("blob:sha256/" + pairId, "00", "image/png", 1L);
    return ImagePairCreated.newBuilder()
        .setEventId("pair/" + pairId).setOccurredAt(Instant.EPOCH).setPairId(pairId).setSource(ImageSource.SCENES)
        .setOriginal(image).setModified(image).setDifferences(List.of()).setSpyHint("")
        .setSceneGraphJson(sceneGraphJson).setBroken(broken).setHeldOut(heldOut)
        .build();
  }

  static ImagePairCreated heldOutPair(String pairId) {
    return pair(pairId, true, null, SCENE_JSON);
  }

  static CheckpointPublished checkpoint(String policy, int version, long step) {
    return CheckpointPublished.newBuilder()
        .setEventId("checkpoint/" + policy + "/" + version).setOccurredAt(Instant.EPOCH)
        .setPolicy(new PolicyRef(policy, version))
        .setCheckpoint(new BlobRef("blob:sha256/" + version + "-" + step, "ab", "application/x-vz-checkpoint", 1L))
        .setTrainerStep(step).setParentVersion(Math.max(0, version - 1)).setArchitecture("test").setRunId("run")
        .setHistory(Map.of())
        .build();
  }

  /**
   * A scored evaluation game of run {@code runId}: one decision sample per entry of {@code correct} (each a vote
   * for a seat), the civilians winning; the referee, where the arm needs one, is v2.
   */
  static ScoredTrajectory scored(String runId, String gameId, String pairId, EvalArm arm, int version,
      List<Boolean> correct) {
    PolicyRef evaluated = new PolicyRef("vz", version);
    PolicyRef base = new PolicyRef("vz", 0);
    PolicyRef referee = new PolicyRef("vz", 2);
    List<ScoredDecision> decisions = new ArrayList<>();
    for (int i = 0; i < correct.size(); i++) {
      decisions.add(new ScoredDecision(new DecisionSample(0, i, VoteKind.SEAT, 1, "", "", true,
          new SampledTokens(List.of(), List.of())), evaluated, correct.get(i), 0.0, 0.0));
    }
    return ScoredTrajectory.newBuilder()
        .setEventId("t/" + gameId).setOccurredAt(Instant.EPOCH).setGameId(gameId).setPairId(pairId)
        .setPurpose(Purpose.EVALUATION).setMode("code").setNumPlayers(4).setSpySeat(3)
        .setCivilianPolicy(arm.civilians(evaluated, base, referee)).setSpyPolicy(arm.spy(evaluated, base, referee))
        .setDecisionPolicy(arm.decision(evaluated, base, referee)).setClueRewards(List.of()).setClues(List.of())
        .setDecisions(decisions)
        .setOutcome(new Outcome(3, List.of(), 0, 0, 0, Winner.CIVILIANS, 0.0))
        .setBlankDecisionImage(arm.blankDecisionImage())
        .setTags(new EvalTags(runId, arm, version, arm.needsReferee() ? 2 : EvalTags.NO_REFEREE).toMap())
        .build();
  }
}
