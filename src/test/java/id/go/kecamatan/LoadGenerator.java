package id.go.kecamatan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A closed-loop load generator on loopback for the benchmarks (not a test): {@code concurrency}
 * threads each send one request (a GET, or any request a supplier makes) after the other for a
 * fixed time through one keep-alive {@link HttpClient} (HTTP/1.1) and keep every response's
 * latency; the result gives requests per second and percentiles. The same generator drives the
 * application and the static server it is compared with, so the figures of one run can be divided.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  /**
   * What one run measured.
   *
   * @param errors answers with another status than the expected one, and failed requests
   * @param clientCpuNanos the processor time of the generator itself (its sending threads and its
   *     HTTP client's), which a benchmark in the same JVM subtracts from the process's
   */
  public record Result(
      String target,
      int concurrency,
      Duration duration,
      long requests,
      long errors,
      long bytes,
      long p50Micros,
      long p95Micros,
      long p99Micros,
      long maxMicros,
      long clientCpuNanos) {

    public double perSecond() {
      return requests / (duration.toNanos() / 1e9);
    }

    /** One line for grep: {@code BENCH target c=16 req/s=... p50=... ms ...}. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "BENCH %-44s c=%-3d req/s=%9.1f p50=%7.2f ms p95=%7.2f ms p99=%7.2f ms max=%8.2f ms"
              + " requests=%d errors=%d bytes/req=%d",
          target,
          concurrency,
          perSecond(),
          p50Micros / 1000.0,
          p95Micros / 1000.0,
          p99Micros / 1000.0,
          maxMicros / 1000.0,
          requests,
          errors,
          requests == 0 ? 0 : bytes / requests);
    }
  }

  /**
   * Sends GET {@code uri} with {@code headers} (name, value, ...) from {@code concurrency} threads
   * for {@code duration}; an answer with another status than {@code status} is an error.
   */
  public static Result run(
      String target, URI uri, int concurrency, Duration duration, int status, String... headers)
      throws InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpRequest request = builder.GET().build();
    return run(target, concurrency, duration, status, () -> request, response -> {});
  }

  /**
   * Sends the requests {@code requests} makes (called once per request, from the sending thread)
   * from {@code concurrency} threads for {@code duration}; an answer with another status than
   * {@code status} is an error; every answer is handed to {@code answered} (from the sending
   * thread) before the next request.
   */
  public static Result run(
      String target,
      int concurrency,
      Duration duration,
      int status,
      Supplier<HttpRequest> requests,
      Consumer<HttpResponse<byte[]>> answered)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicLong errors = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong clientCpu = new AtomicLong();
    Map<Long, Long> clientThreadsBefore = ProcessorTime.threads(LoadGenerator::clientThread);
    long[][] latencies = new long[concurrency][];
    int[] counts = new int[concurrency];
    CountDownLatch done = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int t = 0; t < concurrency; t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                long[] own = new long[1 << 16];
                int n = 0;
                try {
                  while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long sent = System.nanoTime();
                    try {
                      HttpResponse<byte[]> response =
                          http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      if (response.statusCode() != status) {
                        errors.incrementAndGet();
                      }
                      answered.accept(response);
                      bytes.addAndGet(response.body().length);
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    }
                    if (n == own.length) {
                      own = Arrays.copyOf(own, own.length * 2);
                    }
                    own[n++] = (System.nanoTime() - sent) / 1_000;
                  }
                } finally {
                  clientCpu.addAndGet(
                      java.lang.management.ManagementFactory.getThreadMXBean()
                          .getCurrentThreadCpuTime());
                  counts[index] = n;
                  latencies[index] = own;
                  done.countDown();
                }
              },
              "load-" + t);
      thread.start();
    }
    done.await();
    long elapsed = System.nanoTime() - start;
    // the client's own threads (its selector and workers) live as long as it does: still here
    clientCpu.addAndGet(
        ProcessorTime.threadsSince(clientThreadsBefore, LoadGenerator::clientThread));
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < concurrency; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Result(
        target,
        concurrency,
        Duration.ofNanos(elapsed),
        total,
        errors.get(),
        bytes.get(),
        percentile(all, 50),
        percentile(all, 95),
        percentile(all, 99),
        total == 0 ? 0 : all[total - 1],
        clientCpu.get());
  }

  private static boolean clientThread(String name) {
    return name.startsWith("HttpClient-");
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  /** The machine's load average as {@code uptime} prints it (1, 5 and 15 minutes). */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
