package org.visionzero.trainer.loop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.visionzero.events.Phase;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.policy.train.GrpoMetrics;

/**
 * A learner whose "weights" are the list of games whose samples were applied, so a test can see exactly
 * what the surviving weights were trained on. Saves and loads like a real one.
 */
final class LedgerLearner implements Learner {
  static final String ARCHITECTURE = "ledger-v1";
  final List<String> trainedGames = new ArrayList<>();

  @Override
  public PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate) {
    LinkedHashSet<String> games = new LinkedHashSet<>();
    samples.forEach(s -> games.add(s.game().getGameId()));
    GrpoMetrics metrics = new GrpoMetrics(0.25, 0.0, 0.0, 1.0);
    return new PreparedUpdate() {
      @Override public GrpoMetrics metrics() { return metrics; }
      @Override public void apply() { trainedGames.addAll(games); }
      @Override public void discard() { }
    };
  }

  @Override public String architecture() { return ARCHITECTURE; }

  @Override public String mediaType() { return "application/x-vz-test-checkpoint"; }

  @Override
  public byte[] save(int version, Map<String, byte[]> sections) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(trainedGames.size());
      for (String game : trainedGames) {
        out.writeUTF(game);
      }
      TreeMap<String, byte[]> sorted = new TreeMap<>(sections);
      out.writeInt(sorted.size());
      for (var entry : sorted.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeInt(entry.getValue().length);
        out.write(entry.getValue());
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public Map<String, byte[]> load(byte[] checkpoint) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint))) {
      trainedGames.clear();
      int games = in.readInt();
      for (int i = 0; i < games; i++) {
        trainedGames.add(in.readUTF());
      }
      Map<String, byte[]> sections = new TreeMap<>();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        sections.put(name, body);
      }
      return sections;
    }
  }

  @Override public void close() { }
}
