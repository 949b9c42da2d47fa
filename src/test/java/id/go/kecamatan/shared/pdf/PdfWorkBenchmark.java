package id.go.kecamatan.shared.pdf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What rendering one short PDF/A document costs the processor in one warm thread (not a test, not
 * run by the build): {@link PdfA#render}, whose PDF/A metadata {@link PdfAMetadata} writes, against
 * the same document with the metadata written by openhtmltopdf's PDF/A mode through xmpbox (ADR
 * 0040), alternating in each round. The last rounds are what a warm node pays.
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * java -cp target/classes:target/test-classes:$(./mvnw -o -q dependency:build-classpath \
 *   -Dmdep.outputFile=/dev/stdout) id.go.kecamatan.shared.pdf.PdfWorkBenchmark
 * </pre>
 *
 * ({@code -Dbench.rounds=8 -Dbench.perRound=300}.)
 */
public final class PdfWorkBenchmark {

  private PdfWorkBenchmark() {}

  static final String XHTML =
      "<html lang=\"id\"><head><title>Surat Keterangan Domisili</title>"
          + "<meta name=\"author\" content=\"Kecamatan Jetis\"/></head>"
          + "<body style=\"font-family: 'Liberation Serif'\"><h1>SURAT KETERANGAN</h1>"
          + "<p>Yang bertanda tangan di bawah ini <b>Camat Jetis</b> menerangkan bahwa <i>warga</i>"
          + " tersebut benar berdomisili di wilayah kami.</p><table><tr><td>Nama</td>"
          + "<td>Budi Santoso</td></tr><tr><td>NIK</td><td>3402011234560001</td></tr></table>"
          + "</body></html>";

  public static void main(String[] args) {
    int rounds = Integer.getInteger("bench.rounds", 8);
    int perRound = Integer.getInteger("bench.perRound", 300);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.printf(
        Locale.ROOT,
        "BENCH one-page PDF/A document; %d rounds of %d; processor time of one thread, ms per"
            + " document%n",
        rounds,
        perRound);
    for (int round = 1; round <= rounds; round++) {
      long start = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        PdfA.render(XHTML);
      }
      long ours = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        PdfAMetadataTests.openhtmltopdfsOwn(XHTML);
      }
      long theirs = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          Locale.ROOT,
          "BENCH round %d: metadata by the application %.2f ms, by openhtmltopdf %.2f ms%n",
          round,
          (ours - start) / 1e6 / perRound,
          (theirs - ours) / 1e6 / perRound);
    }
  }
}
