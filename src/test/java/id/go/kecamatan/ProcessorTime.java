package id.go.kecamatan;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Processor time for the benchmarks (not a test): this JVM's, some of its threads', and the
 * database server's, whose processes run beside the JVM on the same cores and which a rate on two
 * cores has to pay for too. Linux only ({@code /proc}).
 */
public final class ProcessorTime {

  /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}, 100 on Linux). */
  private static final long TICK_NANOS = 10_000_000L;

  private ProcessorTime() {}

  /** This JVM's processor time, all its threads, in nanoseconds. */
  public static long jvm() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The processor time so far of each live thread whose name passes {@code names}, by thread id, in
   * nanoseconds.
   */
  public static Map<Long, Long> threads(Predicate<String> names) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> times = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && names.test(info.getThreadName())) {
        times.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
      }
    }
    return times;
  }

  /**
   * Another process's processor time so far (user and system, all its threads), in nanoseconds; -1
   * when {@code /proc} does not show it.
   */
  public static long process(long pid) {
    try {
      long[] fields = stat(pid);
      return (fields[13] + fields[14]) * TICK_NANOS;
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  /**
   * What the threads of {@code before}'s kind spent since it was taken: a thread started since
   * counts whole, a thread that ended since counts nothing (its time left with it).
   */
  public static long threadsSince(Map<Long, Long> before, Predicate<String> names) {
    long total = 0;
    for (Map.Entry<Long, Long> now : threads(names).entrySet()) {
      total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return total;
  }

  /**
   * The database server's processor time in nanoseconds: its postmaster (found as the parent of
   * this connection's backend) with what its ended children left it, and its live children; -1 when
   * the server is not a local process that {@code /proc} shows.
   */
  public static long postgres(JdbcClient jdbc) {
    try {
      int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
      long postmaster = stat(backend)[3];
      long[] own = stat(postmaster);
      long total = own[13] + own[14] + own[15] + own[16];
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path p : processes.toList()) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            long[] child = stat(Long.parseLong(name));
            if (child[3] == postmaster) {
              total += child[13] + child[14];
            }
          } catch (IOException | RuntimeException gone) {
            // ended while we looked: its time went to the postmaster's
          }
        }
      }
      return total * TICK_NANOS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The numeric fields of {@code /proc/<pid>/stat}, indexed as proc(5) counts them from 1 minus
   * one: [3] parent, [13] utime, [14] stime, [15] cutime, [16] cstime (fields before the name's
   * closing parenthesis read as 0).
   */
  private static long[] stat(long pid) throws IOException {
    String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
    long[] fields = new long[rest.length + 2];
    for (int i = 0; i < rest.length; i++) {
      try {
        fields[i + 2] = Long.parseLong(rest[i]);
      } catch (NumberFormatException state) {
        fields[i + 2] = 0;
      }
    }
    return fields;
  }
}
