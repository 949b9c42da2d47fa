package id.go.kecamatan;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Phone numbers for tests, each one new. Not made from {@code System.nanoTime()}: its digits depend
 * on how long the machine has been up (on a machine started minutes ago it has 12 digits, not 13).
 */
public final class TestPhones {

  private TestPhones() {}

  /** {@code prefix} (e.g. {@code "0857"}) and eight random digits: a number no other test uses. */
  public static String unique(String prefix) {
    return prefix + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
