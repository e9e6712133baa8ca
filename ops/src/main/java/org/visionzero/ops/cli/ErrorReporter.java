package org.visionzero.ops.cli;

import java.io.PrintWriter;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.visionzero.ops.config.VzConfigException;
import org.visionzero.text.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one clear message on stderr and an exit code; the stack trace only with
 * {@code VZ_DEBUG=1}, because the messages already say what to fix.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  static final int CONFIG_ERROR = CommandLine.ExitCode.USAGE;
  static final int FAILURE = CommandLine.ExitCode.SOFTWARE;
  private static final String DEBUG_VARIABLE = "VZ_DEBUG";

  @Override
  public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    boolean configError = error instanceof VzConfigException;
    // A config message is complete on its own; other failures also show their causes.
    // A message may quote the log (a clue, an id): shown, never obeyed.
    err.println(command.getCommandSpec().qualifiedName() + ": "
        + SafeText.lines(configError ? error.getMessage() : describe(error)));
    if ("1".equals(System.getenv(DEBUG_VARIABLE))) {
      error.printStackTrace(err);
    } else if (!configError) {
      err.println("(set " + DEBUG_VARIABLE + "=1 for the stack trace)");
    }
    err.flush();
    return configError ? CONFIG_ERROR : FAILURE;
  }

  /** The message chain, so a root cause hidden in a wrapper is still shown, and what to do about a refusal. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(messageOf(error));
    String fix = "";
    for (Throwable cause = error; cause != null; cause = cause == cause.getCause() ? null : cause.getCause()) {
      String message = messageOf(cause);
      if (cause != error && !text.toString().contains(message)) {
        text.append(" (cause: ").append(message).append(')');
      }
      if (cause instanceof AuthenticationException) {
        fix = ". The cluster refused the credentials: check security.protocol, sasl.mechanism and the user and "
            + "password in sasl.jaas.config of --config (ops/SECURITY.md)";
      } else if (cause instanceof AuthorizationException) {
        fix = ". The cluster refused the operation: the principal lacks an ACL (ops/SECURITY.md, \"ACLs per "
            + "component\")";
      }
    }
    return text + fix;
  }

  private static String messageOf(Throwable error) {
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }
}
