package org.visionzero.ops.cli.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.visionzero.text.SafeText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json}: results as one JSON document on stdout instead of text for people. Everything printed here
 * passes {@link SafeText}, so text from the log (ids, clues, error messages) cannot reorder or rewrite what
 * follows it on a terminal: JSON with escapes a reader turns back into the same characters, text with them shown.
 */
public final class OutputOptions {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  public boolean json() {
    return json;
  }

  /** Prints {@code result} as JSON with {@code --json}, else the text {@code forPeople} renders. */
  public void print(Object result, Supplier<String> forPeople) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? SafeText.json(toJson(result)) : SafeText.lines(forPeople.get()));
    out.flush();
  }

  /** Prints {@code json} (already a JSON document, from a module's result record) with {@code --json}. */
  public void printJson(String json, Supplier<String> forPeople) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(this.json ? SafeText.json(json) : SafeText.lines(forPeople.get()));
    out.flush();
  }

  /** A progress line for people: on stderr, so that stdout stays one clean JSON document with {@code --json}. */
  public void progress(String line) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(SafeText.lines(line));
    err.flush();
  }

  public static String toJson(Object result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write result as JSON", e);
    }
  }
}
