package dev.hypernd.control.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.daemon.control.ControlFixture;
import dev.hypernd.fixtures.Poll;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that misbehave cannot hang, crash or bloat the server, nor starve other clients. */
class AbuseTest {
  private static final long HUNDRED_MB = 100L * 1024 * 1024;

  @TempDir Path dir;
  private ControlFixture f;

  private ControlFixture start(ControlServerOptions options) throws IOException {
    f = new ControlFixture(dir, options);
    f.scheduler.task("greet", ctx -> "hello");
    return f.start();
  }

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private void assertStillServing() throws IOException {
    try (RawClient c = new RawClient(f.socket)) {
      assertThat(c.ask("{\"verb\":\"status\"}").path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void tenThousandRandomAndMalformedLinesAreEachAnsweredWithAProtocolError() throws Exception {
    start(ControlServerOptions.defaults());
    Random random = new Random(20260105L);
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      lines.add(MalformedLines.next(random));
    }
    Map<String, Integer> codes = new TreeMap<>();
    int perConnection = 1000;
    for (int from = 0; from < lines.size(); from += perConnection) {
      try (RawClient c = new RawClient(f.socket)) {
        for (byte[] line : lines.subList(from, from + perConnection)) {
          c.channel.write(ByteBuffer.wrap(line));
          c.channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
          JsonNode answer = c.readAnswer();
          assertThat(answer.path("ok").isBoolean())
              .as(new String(line, StandardCharsets.UTF_8))
              .isTrue();
          String code =
              answer.path("ok").asBoolean() ? "ok" : answer.path("error").path("code").asText();
          codes.merge(code, 1, Integer::sum);
        }
      }
    }
    System.out.println("abuse: 10,000 random lines answered as " + codes);
    assertThat(codes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
    assertThat(codes).doesNotContainKey("internal");
    assertStillServing();
  }

  @Test
  void aHundredMegabyteLineIsRefusedAfterTheLimitWithoutBeingBuffered() throws Exception {
    start(ControlServerOptions.defaults());
    long heapBefore = usedHeapAfterGc();
    AtomicLong written = new AtomicLong();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(f.socket));
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<IOException> writing =
          writer.submit(
              () -> {
                ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                try {
                  while (written.get() < HUNDRED_MB) {
                    chunk.clear();
                    while (chunk.hasRemaining()) {
                      chunk.put((byte) 'a');
                    }
                    chunk.flip();
                    written.addAndGet(channel.write(chunk));
                  }
                  return null;
                } catch (IOException e) {
                  return e;
                }
              });
      String answer = readLine(channel);
      assertThat(answer).contains("\"code\":\"too_large\"");
      IOException stopped = writing.get(30, TimeUnit.SECONDS);
      writer.shutdown();
      assertThat(stopped).as("the server closed the connection").isNotNull();
    }
    long heapGrowth = usedHeapAfterGc() - heapBefore;
    System.out.printf(
        "abuse: 100 MB line refused after the client wrote %,d bytes; heap grew by %,d bytes%n",
        written.get(), heapGrowth);
    assertThat(written.get()).isLessThan(8L * 1024 * 1024);
    assertThat(heapGrowth).isLessThan(32L * 1024 * 1024);
    assertStillServing();
  }

  @Test
  void aClientThatSendsNoRequestIsDroppedAfterTheRequestTimeoutWhileOthersAreServed()
      throws Exception {
    Duration idle = Duration.ofMillis(300);
    start(ControlServerOptions.defaults().withRequestTimeout(idle));
    try (RawClient silent = new RawClient(f.socket);
        RawClient partial = new RawClient(f.socket)) {
      long connected = System.nanoTime();
      partial.send("{\"verb\":");
      for (int i = 0; i < 5; i++) {
        assertStillServing();
      }
      assertThat(silent.readLineOrEnd()).isNull();
      assertThat(partial.readLineOrEnd()).isNull();
      long elapsed = System.nanoTime() - connected;
      System.out.printf("abuse: idle clients dropped after %d ms%n", elapsed / 1_000_000);
      assertThat(elapsed).isGreaterThanOrEqualTo(idle.toNanos());
      assertThat(elapsed).isLessThan(Duration.ofSeconds(5).toNanos());
    }
    Poll.until(() -> f.server.connectionCount() == 0);
  }

  @Test
  void afterItsFirstRequestAClientMayIdleForTheLongerIdleTimeout() throws Exception {
    start(
        ControlServerOptions.defaults()
            .withRequestTimeout(Duration.ofMillis(300))
            .withIdleTimeout(Duration.ofSeconds(60)));
    try (RawClient regular = new RawClient(f.socket)) {
      assertThat(regular.ask("{\"verb\":\"status\"}").path("ok").asBoolean()).isTrue();
      // A client that says nothing, connected after the answer, measures the request timeout.
      try (RawClient silent = new RawClient(f.socket)) {
        assertThat(silent.readLineOrEnd()).isNull();
      }
      assertThat(regular.ask("{\"verb\":\"status\"}").path("ok").asBoolean())
          .as("still open after the request timeout")
          .isTrue();
    }
  }

  @Test
  void twoHundredConcurrentClientsAreAllAnsweredWithABoundedNumberOfThreads() throws Exception {
    start(ControlServerOptions.defaults());
    int clients = 200;
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    CountDownLatch connected = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int n = i;
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (RawClient c = new RawClient(f.socket)) {
                  connected.countDown();
                  go.await();
                  return c.ask("{\"verb\":\"status\",\"id\":" + n + "}");
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              },
              pool));
    }
    assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
    Poll.until(() -> f.server.connectionCount() == clients);
    int peakConnections = f.server.connectionCount();
    go.countDown();
    for (int i = 0; i < clients; i++) {
      JsonNode answer = answers.get(i).get(30, TimeUnit.SECONDS);
      assertThat(answer.path("ok").asBoolean()).isTrue();
      assertThat(answer.path("id").asInt()).isEqualTo(i);
    }
    long serverThreads = serverThreadCount();
    pool.shutdown();
    System.out.printf(
        "abuse: %d concurrent clients answered; %d connections open at once, %d server threads"
            + " (threads in the JVM before: %d)%n",
        clients, peakConnections, serverThreads, threadsBefore);
    assertThat(serverThreads)
        .isLessThanOrEqualTo(1 + ControlServerOptions.defaults().workerThreads());
    assertStillServing();
  }

  @Test
  void connectionsOverTheLimitAreToldTheDaemonIsBusy() throws IOException {
    start(ControlServerOptions.defaults().withMaxConnections(3, 1));
    List<RawClient> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(new RawClient(f.socket));
      }
      Poll.until(() -> f.server.connectionCount() == 3);
      try (RawClient extra = new RawClient(f.socket)) {
        assertThat(extra.readLineOrEnd()).contains("\"code\":\"busy\"");
      }
    } finally {
      for (RawClient c : held) {
        c.close();
      }
    }
    Poll.until(() -> f.server.connectionCount() == 0);
    assertStillServing();
  }

  private static long serverThreadCount() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("hypernd-control"))
        .count();
  }

  private static String readLine(SocketChannel channel) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    StringBuilder line = new StringBuilder();
    while (channel.read(one.clear()) > 0) {
      char c = (char) one.get(0);
      if (c == '\n') {
        return line.toString();
      }
      line.append(c);
    }
    return line.toString();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
