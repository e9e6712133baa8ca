package org.visionzero.ops.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code vz topics}, {@code vz bench}, ...): alone, it shows its usage. */
abstract class CommandGroup implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public final void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
