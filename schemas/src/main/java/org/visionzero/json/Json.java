package org.visionzero.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one JSON mapper of the project: every result, report and contract is written (and read) through it,
 * never by string formatting. It lives in {@code schemas} because every module may use it and Jackson already
 * comes with Avro. JSON has no NaN or infinity: a number that is not finite (an undefined figure, e.g. a rate
 * over no games) is written as {@code null}, on purpose and everywhere alike.
 */
public final class Json {
  private static final ObjectMapper MAPPER = configure();

  private Json() {}

  /** The shared mapper (thread-safe once configured); do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** An empty object node to fill. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON of a tree, record, map or list. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** A figure rounded half-up to {@code decimals} places, for results people read (not finite: unchanged). */
  public static double round(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return value;
    }
    return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** Indented JSON, for files people read. */
  public static String writePretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper configure() {
    // A generator decorator, not a serializer: tree nodes (ObjectNode.put(name, double)) write numbers directly.
    JsonFactory factory = JsonFactory.builder().addDecorator((f, generator) -> new FiniteNumbers(generator)).build();
    return new ObjectMapper(factory).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Writes a number that is not finite as null. */
  private static final class FiniteNumbers extends JsonGeneratorDelegate {
    FiniteNumbers(JsonGenerator delegate) {
      super(delegate, false);
    }

    @Override
    public void writeNumber(double value) throws IOException {
      if (Double.isFinite(value)) {
        super.writeNumber(value);
      } else {
        writeNull();
      }
    }

    @Override
    public void writeNumber(float value) throws IOException {
      if (Float.isFinite(value)) {
        super.writeNumber(value);
      } else {
        writeNull();
      }
    }
  }
}
