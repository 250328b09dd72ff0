package dev.hypernd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real hypernctl command line in-process and keeps what it printed. */
final class Hypernctl {
  private final CliContext context;
  String out = "";
  String err = "";

  Hypernctl(Map<String, String> env, boolean terminal, Instant now) {
    this.context = new CliContext(env, terminal, Clock.fixed(now, ZoneOffset.UTC));
  }

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cmd = HypernctlMain.commandLine(context);
    cmd.setOut(new PrintWriter(o, true));
    cmd.setErr(new PrintWriter(e, true));
    int code = cmd.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }
}
