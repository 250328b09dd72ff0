package dev.hypernd.cli;

import static com.github.stefanbirkner.systemlambda.SystemLambda.catchSystemExit;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErr;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOut;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withEnvironmentVariable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.stefanbirkner.systemlambda.SystemLambda.WithEnvironmentVariables;
import dev.hypernd.control.SocketPaths;
import dev.hypernd.daemon.control.ControlFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link HypernctlMain#main} against a real server: its exit codes through {@code
 * System.exit}, the socket it finds from the environment ({@code HYPERND_SOCKET}, {@code
 * XDG_RUNTIME_DIR}), and its output on the process's own streams. {@link HypernctlUsageTest} tests
 * the same rules with an injected {@link CliContext}. Colour needs a terminal, which a test JVM
 * does not have: {@code NO_COLOR} is tested on hypernctl in a child JVM on a pseudo-terminal.
 */
class HypernctlEntryPointTest {
  @TempDir Path dir;
  private ControlFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ControlFixture(dir);
    f.scheduler.task("greet", ctx -> "hello " + ctx.arg(0));
    f.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** Runs main with {@code HYPERND_SOCKET} and {@code XDG_RUNTIME_DIR} as given (null: unset). */
  private static Exit main(String socketVariable, String runtimeDir, String... args)
      throws Exception {
    WithEnvironmentVariables env =
        withEnvironmentVariable(SocketPaths.ENV_VARIABLE, socketVariable)
            .and("XDG_RUNTIME_DIR", runtimeDir)
            .and("NO_COLOR", null);
    AtomicInteger code = new AtomicInteger(-1);
    String[] out = new String[1];
    String err =
        tapSystemErr(
            () ->
                out[0] =
                    tapSystemOut(
                        () -> env.execute(() -> code.set(catchSystemExit(() -> run(args))))));
    return new Exit(code.get(), out[0], err);
  }

  private static void run(String... args) {
    HypernctlMain.main(args);
  }

  private record Exit(int code, String out, String err) {}

  @Test
  void theSocketComesFromHyperndSocket() throws Exception {
    Exit exit = main(f.socket.toString(), null, "status");

    assertThat(exit.code()).as(exit.err()).isZero();
    assertThat(exit.out()).contains("9.9.9-test", "greet");
  }

  @Test
  void theSocketOptionWinsOverTheVariable() throws Exception {
    Exit exit =
        main(
            dir.resolve("elsewhere.sock").toString(),
            null,
            "--socket",
            f.socket.toString(),
            "jobs");

    assertThat(exit.code()).as(exit.err()).isZero();
    assertThat(exit.out()).contains("greet");
  }

  @Test
  void aDaemonThatSaysNoExitsOne() throws Exception {
    Exit exit = main(f.socket.toString(), null, "result", "sched-999");

    assertThat(exit.code()).isEqualTo(1);
    assertThat(exit.err()).contains("sched-999");
  }

  @Test
  void noVerbIsAUsageErrorExitingTwo() throws Exception {
    Exit exit = main(f.socket.toString(), null);

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.err()).contains("hypernctl: a verb is required", "Try 'hypernctl --help'");
  }

  @Test
  void withoutHyperndSocketAUserOtherThanRootUsesXdgRuntimeDir() throws Exception {
    Path runtime = Files.createDirectories(dir.resolve("runtime"));

    Exit exit = main(null, runtime.toString(), "status");

    // The daemon is not there: the message names where hypernctl looked, and it exits 3.
    assertThat(exit.code()).isEqualTo(3);
    if (SocketPaths.currentUid() == 0) {
      assumeFalse(Files.exists(SocketPaths.SYSTEM_SOCKET), "a system hypernd runs here");
      assertThat(exit.err()).contains(SocketPaths.SYSTEM_SOCKET.toString());
    } else {
      assertThat(exit.err()).contains(runtime.resolve("hypernd.sock").toString());
    }
  }

  @Test
  void anUnreachableDaemonExitsThreeNamingTheSocket() throws Exception {
    Path absent = dir.resolve("absent.sock");

    Exit exit = main(absent.toString(), null, "status");

    assertThat(exit.code()).isEqualTo(3);
    assertThat(exit.err()).contains(absent.toString());
    assertThat(exit.out()).isEmpty();
  }
}
