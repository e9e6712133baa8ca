package org.visionzero.policy.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ParameterSet;
import org.visionzero.policy.model.VzModel;

/**
 * The checkpoint format: one byte array, identified by its sha256.
 *
 * <pre>
 * "VZCK" | int32 format version | int32 header length | header (UTF-8 JSON) | parameters | extra sections
 * </pre>
 * The header holds the policy name and version, the architecture config, the vocabulary, each parameter's
 * name and shape (the listener's frozen copy of decoder weights, {@code listener.*}, when the model has one), and
 * each extra section's name and length. Parameters are little-endian float32 in header
 * order; extra sections follow as raw bytes. Extra sections let the trainer store optimiser state, RAE
 * baselines and the like beside the weights without a format change.
 */
public final class Checkpoints {
  public static final String MEDIA_TYPE = "application/x-vz-checkpoint";
  public static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = {'V', 'Z', 'C', 'K'};
  private static final int PREAMBLE = MAGIC.length + 2 * Integer.BYTES;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Checkpoints() {}

  /** The model's weights, architecture, vocabulary and version, without extra sections. */
  public static byte[] save(VzModel model) {
    return save(model, Map.of());
  }

  /** The model plus named extra sections (kept in the given order). */
  public static byte[] save(VzModel model, Map<String, byte[]> extras) {
    Map<String, float[]> values = model.parameters().values();
    Map<String, Shape> shapes = model.parameters().currentShapes();
    ObjectNode header = JSON.createObjectNode();
    header.put("formatVersion", FORMAT_VERSION);
    header.put("policyName", VzModel.POLICY_NAME);
    header.put("policyVersion", model.version());
    ObjectNode architecture = header.putObject("architecture");
    model.config().asMap().forEach(architecture::put);
    ArrayNode words = header.putArray("vocabulary");
    model.vocabulary().words().forEach(words::add);
    ArrayNode params = header.putArray("parameters");
    long floats = 0;
    for (Map.Entry<String, Shape> e : shapes.entrySet()) {
      ObjectNode p = params.addObject();
      p.put("name", e.getKey());
      ArrayNode dims = p.putArray("shape");
      for (long d : e.getValue().getShape()) {
        dims.add(d);
      }
      floats += e.getValue().size();
    }
    ArrayNode extraNodes = header.putArray("extras");
    long extraBytes = 0;
    for (Map.Entry<String, byte[]> e : extras.entrySet()) {
      extraNodes.addObject().put("name", e.getKey()).put("length", e.getValue().length);
      extraBytes += e.getValue().length;
    }
    byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
    long total = PREAMBLE + headerBytes.length + floats * Float.BYTES + extraBytes;
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putInt(FORMAT_VERSION).putInt(headerBytes.length).put(headerBytes);
    for (float[] v : values.values()) {
      out.asFloatBuffer().put(v);
      out.position(out.position() + v.length * Float.BYTES);
    }
    extras.values().forEach(out::put);
    return out.array();
  }

  /** Lower-case hex sha256 of the bytes, as {@code BlobRef.sha256} carries it. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Verifies the hash, then decodes; refuses with a clear message on any mismatch or malformation. */
  public static Checkpoint decode(byte[] bytes, String expectedSha256) {
    String actual = sha256(bytes);
    if (expectedSha256 == null || !actual.equalsIgnoreCase(expectedSha256)) {
      throw new CheckpointRejectedException("checkpoint refused: sha256 is " + actual + " but " + expectedSha256
          + " was expected (tampered, truncated or the wrong blob)");
    }
    try {
      return parse(bytes);
    } catch (CheckpointRejectedException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw new CheckpointRejectedException("checkpoint refused: malformed content: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a checkpoint into {@code model}: hash, architecture and vocabulary are checked first, and only then
   * are the weights swapped and the version set. On refusal the model keeps its weights and version.
   */
  public static Checkpoint loadInto(VzModel model, byte[] bytes, String expectedSha256) {
    Checkpoint checkpoint = decode(bytes, expectedSha256);
    if (!checkpoint.config().equals(model.config())) {
      throw new CheckpointRejectedException("checkpoint refused: architecture " + checkpoint.config().fingerprint()
          + " differs from the running model's " + model.config().fingerprint());
    }
    if (!checkpoint.vocabulary().equals(model.vocabulary())) {
      throw new CheckpointRejectedException("checkpoint refused: its vocabulary (" + checkpoint.vocabulary().size()
          + " words, " + checkpoint.vocabulary().fingerprint() + ") differs from the running model's ("
          + model.vocabulary().size() + " words, " + model.vocabulary().fingerprint() + ")");
    }
    model.replaceWeights(checkpoint.parameters(), checkpoint.policyVersion());
    return checkpoint;
  }

  /** A new model from a checkpoint, on {@code device}. */
  public static VzModel load(byte[] bytes, String expectedSha256, Device device) {
    Checkpoint c = decode(bytes, expectedSha256);
    return VzModel.fromValues(c.config(), c.vocabulary(), c.parameters(), c.policyVersion(), device);
  }

  private static Checkpoint parse(byte[] bytes) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < PREAMBLE) {
      throw new CheckpointRejectedException("checkpoint refused: " + bytes.length + " bytes is too short");
    }
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new CheckpointRejectedException("checkpoint refused: not a vz checkpoint (bad magic)");
    }
    int format = in.getInt();
    if (format != FORMAT_VERSION) {
      throw new CheckpointRejectedException("checkpoint refused: format version " + format + ", this build reads "
          + FORMAT_VERSION);
    }
    int headerLength = in.getInt();
    if (headerLength < 0 || headerLength > in.remaining()) {
      throw new CheckpointRejectedException("checkpoint refused: header length " + headerLength + " is impossible");
    }
    byte[] headerBytes = new byte[headerLength];
    in.get(headerBytes);
    JsonNode header = JSON.readTree(headerBytes);
    Map<String, Integer> arch = new LinkedHashMap<>();
    header.required("architecture").fields().forEachRemaining(e -> arch.put(e.getKey(), e.getValue().asInt()));
    ModelConfig config = ModelConfig.fromMap(arch);
    List<String> words = new ArrayList<>();
    header.required("vocabulary").forEach(w -> words.add(w.asText()));
    Vocabulary vocabulary = Vocabulary.of(words);
    Map<String, Shape> declared = ParameterSet.shapes(config);
    Map<String, Shape> listener = ParameterSet.listenerShapes(config);
    Map<String, float[]> values = new LinkedHashMap<>();
    for (JsonNode p : header.required("parameters")) {
      String name = p.required("name").asText();
      List<Long> dims = new ArrayList<>();
      p.required("shape").forEach(d -> dims.add(d.asLong()));
      Shape shape = new Shape(dims.stream().mapToLong(Long::longValue).toArray());
      Shape expected = declared.containsKey(name) ? declared.get(name) : listener.get(name);
      if (expected == null || !expected.equals(shape)) {
        throw new CheckpointRejectedException("checkpoint refused: parameter '" + name + "' with shape " + shape
            + " does not belong to architecture " + config.fingerprint());
      }
      float[] v = new float[Math.toIntExact(shape.size())];
      in.asFloatBuffer().get(v);
      in.position(in.position() + v.length * Float.BYTES);
      values.put(name, v);
    }
    List<String> missing = new ArrayList<>(declared.keySet());
    missing.removeAll(values.keySet());
    if (!missing.stream().allMatch(ParameterSet::addedLater)) {
      throw new CheckpointRejectedException("checkpoint refused: it lacks parameters " + missing
          + " of architecture " + config.fingerprint());
    }
    // A checkpoint older than a parameter added later loads with that parameter at its fresh-model value.
    Map<String, float[]> ordered = new LinkedHashMap<>();
    declared.forEach((name, shape) -> ordered.put(name,
        values.containsKey(name) ? values.get(name) : ParameterSet.addedLaterValues(name, shape)));
    // The listener's copy is whole or absent (then the listener is the decoder: v0 and checkpoints before it).
    List<String> listenerHeld = listener.keySet().stream().filter(values::containsKey).toList();
    if (!listenerHeld.isEmpty() && listenerHeld.size() != listener.size()) {
      throw new CheckpointRejectedException("checkpoint refused: it holds " + listenerHeld.size() + " of the "
          + listener.size() + " parameters of the listener's copy " + listener.keySet());
    }
    listenerHeld.forEach(name -> ordered.put(name, values.get(name)));
    Map<String, byte[]> extras = new LinkedHashMap<>();
    for (JsonNode e : header.path("extras")) {
      byte[] section = new byte[e.required("length").asInt()];
      in.get(section);
      extras.put(e.required("name").asText(), section);
    }
    if (in.hasRemaining()) {
      throw new CheckpointRejectedException("checkpoint refused: " + in.remaining() + " unexpected trailing bytes");
    }
    return new Checkpoint(header.required("policyName").asText(), header.required("policyVersion").asInt(), config,
        vocabulary, ordered, extras);
  }
}
