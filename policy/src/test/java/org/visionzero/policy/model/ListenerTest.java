package org.visionzero.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.checkpoint.Checkpoint;
import org.visionzero.policy.checkpoint.CheckpointRejectedException;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.testing.TestGames;

/**
 * The listener ({@link ParameterSet#listener}): the decoder weights the decision head's clue fit reads. Tied to the
 * decoder until {@link VzModel#detachListener}, then a frozen copy: judging is bit-identical to the tied model, and
 * a speaker trained afterwards no longer moves the judge.
 */
class ListenerTest {
  private static final String V0_RESOURCE = "/org/visionzero/policy/v0-testscenes.vzck";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldJudgeAndSpeakBitIdenticallyWithAFrozenCopyOfTheDecoder() throws IOException {
    try (VzModel tied = v0WithFitWeights(); VzModel detached = tied.copy()) {
      assertThat(detached.detachListener()).isTrue();
      assertThat(detached.parameters().hasOwnListener()).isTrue();
      assertThat(tied.parameters().hasOwnListener()).isFalse();
      List<PolicyTurn> observers = TestGames.observerTurns(6, 8);
      List<PolicyTurn> speakers = TestGames.clueTurns(8);

      assertThat(clueFit(detached, observers)).containsExactly(clueFit(tied, observers));
      assertThat(voteLogProbs(detached, observers)).containsExactly(voteLogProbs(tied, observers));
      List<ClueAnswer> tiedClues = new ModelPolicy(tied, false).clues(speakers);
      List<ClueAnswer> detachedClues = new ModelPolicy(detached, false).clues(speakers);
      for (int i = 0; i < speakers.size(); i++) {
        assertThat(detachedClues.get(i).tokenIds()).isEqualTo(tiedClues.get(i).tokenIds());
        assertThat(detachedClues.get(i).logProbs()).containsExactly(tiedClues.get(i).logProbs());
      }
    }
  }

  @Test
  void shouldKeepTheClueFitWhenTheSpeakerChangesAfterDetaching() throws IOException {
    try (VzModel tied = v0WithFitWeights(); VzModel detached = tied.copy()) {
      detached.detachListener();
      List<PolicyTurn> observers = TestGames.observerTurns(6, 8);
      float[] before = clueFit(detached, observers);

      perturbDecoder(tied);
      perturbDecoder(detached);

      assertThat(clueFit(detached, observers)).containsExactly(before);
      assertThat(clueFit(tied, observers)).isNotEqualTo(before); // without the copy the judge moves with the speaker
    }
  }

  @Test
  void shouldNeverTrainTheListenerAndDetachOnlyOnce() throws IOException {
    try (VzModel model = v0WithFitWeights()) {
      model.detachListener();
      float[] copy = model.parameters().get("listener.gru.wx").toFloatArray();

      model.parameters().setTrainable(name -> true);
      perturbDecoder(model);

      assertThat(model.parameters().trainable()).noneMatch(name -> name.startsWith(ParameterSet.LISTENER));
      assertThat(model.detachListener()).as("a second detach keeps the first copy").isFalse();
      assertThat(Arrays.equals(model.parameters().get("listener.gru.wx").toFloatArray(), copy)).isTrue();
      long listenerWeights = model.parameters().count(name -> name.startsWith(ParameterSet.LISTENER));
      assertThat(listenerWeights).isEqualTo(ParameterSet.listenerShapes(model.config()).values().stream()
          .mapToLong(s -> s.size()).sum());
    }
  }

  @Test
  void shouldCarryTheListenerThroughACheckpointAndLoadOlderOnesTied() throws IOException {
    byte[] v0 = resource();
    Checkpoint old = Checkpoints.decode(v0, Checkpoints.sha256(v0));
    assertThat(old.parameters().keySet()).noneMatch(name -> name.startsWith(ParameterSet.LISTENER));

    try (VzModel model = Checkpoints.load(v0, Checkpoints.sha256(v0), Device.cpu())) {
      assertThat(model.parameters().hasOwnListener()).isFalse();
      model.detachListener();
      perturbDecoder(model);
      byte[] saved = Checkpoints.save(model);

      Checkpoint decoded = Checkpoints.decode(saved, Checkpoints.sha256(saved));
      assertThat(Arrays.equals(decoded.parameters().get("listener.out.w"), old.parameters().get("decoder.out.w")))
          .isTrue();
      try (VzModel loaded = Checkpoints.load(saved, Checkpoints.sha256(saved), Device.cpu())) {
        assertThat(loaded.parameters().hasOwnListener()).isTrue();
        List<PolicyTurn> observers = TestGames.observerTurns(4, 8);
        assertThat(clueFit(loaded, observers)).containsExactly(clueFit(model, observers));
      }
      Checkpoints.loadInto(model, v0, Checkpoints.sha256(v0));
      assertThat(model.parameters().hasOwnListener()).as("v0 has none: its listener is its decoder").isFalse();
    }
  }

  @Test
  void shouldRefuseAListenerCopyThatIsNotWhole() throws IOException {
    try (VzModel model = v0WithFitWeights()) {
      model.detachListener();
      Map<String, float[]> values = model.parameters().values();
      values.remove("listener.embed");
      byte[] partial = withoutParameter(Checkpoints.save(model), "listener.embed");

      assertThatThrownBy(() -> VzModel.fromValues(model.config(), model.vocabulary(), values, 1, Device.cpu()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listener's copy is incomplete");
      assertThatThrownBy(() -> Checkpoints.decode(partial, Checkpoints.sha256(partial)))
          .isInstanceOf(CheckpointRejectedException.class).hasMessageContaining("listener's copy");
    }
  }

  /** The committed v0 with non-zero clue-fit weights, so that the decision head reads the fit. */
  private static VzModel v0WithFitWeights() throws IOException {
    byte[] bytes = resource();
    VzModel model = Checkpoints.load(bytes, Checkpoints.sha256(bytes), Device.cpu());
    Map<String, float[]> values = model.parameters().values();
    SplittableRandom random = new SplittableRandom(3);
    for (String name : List.of(ParameterSet.CLUE_FIT_WEIGHTS, ParameterSet.BEST_CLUE_FIT_WEIGHTS)) {
      float[] w = values.get(name);
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) random.nextGaussian();
      }
    }
    model.replaceWeights(values, model.version());
    return model;
  }

  /** Adds noise to every decoder weight, keeping the listener's copy (when there is one) as it is. */
  private static void perturbDecoder(VzModel model) {
    Map<String, float[]> values = new LinkedHashMap<>(model.parameters().values());
    SplittableRandom random = new SplittableRandom(5);
    values.forEach((name, w) -> {
      if (name.startsWith(ParameterSet.DECODER)) {
        for (int i = 0; i < w.length; i++) {
          w[i] += (float) (0.05 * random.nextGaussian());
        }
      }
    });
    model.replaceWeights(values, model.version() + 1);
  }

  private static float[] clueFit(VzModel model, List<PolicyTurn> turns) {
    List<TurnBatch.Input> inputs = new ArrayList<>();
    turns.forEach(t -> inputs.add(new TurnBatch.Input(t.view(), t.image())));
    try (NDManager manager = model.newStepManager()) {
      TurnBatch.Arrays in = new TurnBatch(model.config(), model.vocabulary(), inputs).toArrays(manager);
      VzNetwork net = model.network();
      return net.clueFit(net.encode(in.images()), in).toFloatArray();
    }
  }

  private static float[] voteLogProbs(VzModel model, List<PolicyTurn> turns) {
    List<DecisionAnswer> answers = new ModelPolicy(model, false).decisions(turns);
    List<Float> out = new ArrayList<>();
    answers.forEach(a -> a.samples().forEach(v -> {
      out.add((float) v.tokenIds().get(0));
      for (float lp : v.logProbs()) {
        out.add(lp);
      }
    }));
    float[] flat = new float[out.size()];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = out.get(i);
    }
    return flat;
  }

  /** The checkpoint rewritten without one parameter (its header entry and its floats). */
  private static byte[] withoutParameter(byte[] checkpoint, String name) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(checkpoint).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = in.getInt(8);
    ObjectNode header = (ObjectNode) JSON.readTree(new String(checkpoint, 12, headerLength, StandardCharsets.UTF_8));
    ArrayNode parameters = (ArrayNode) header.get("parameters");
    long before = 0;
    long size = 0;
    for (int i = 0; i < parameters.size(); i++) {
      long elements = 1;
      for (JsonNode d : parameters.get(i).get("shape")) {
        elements *= d.asLong();
      }
      if (parameters.get(i).get("name").asText().equals(name)) {
        size = elements;
        parameters.remove(i);
        break;
      }
      before += elements;
    }
    byte[] newHeader = header.toString().getBytes(StandardCharsets.UTF_8);
    int bodyStart = 12 + headerLength;
    int cutFrom = bodyStart + Math.toIntExact(before * Float.BYTES);
    int cutTo = cutFrom + Math.toIntExact(size * Float.BYTES);
    ByteBuffer out = ByteBuffer.allocate(checkpoint.length - headerLength + newHeader.length - (cutTo - cutFrom))
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(checkpoint, 0, 8).putInt(newHeader.length).put(newHeader);
    out.put(checkpoint, bodyStart, cutFrom - bodyStart).put(checkpoint, cutTo, checkpoint.length - cutTo);
    return out.array();
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = ListenerTest.class.getResourceAsStream(V0_RESOURCE)) {
      assertThat(in).as("test resource " + V0_RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
