package id.go.kecamatan.shared.web;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * Chooses a QR code's mask as ZXing does (the lowest penalty of ISO 18004's four rules, the first
 * mask of equal ones), from the code built with mask 0, on rows and columns of bits: ZXing builds
 * the whole matrix again for each of the eight masks and scores it module by module, a twentieth of
 * a letter's processor time. The choice is the same for every text ({@code QrCodeTests}); a code
 * wider than 64 modules (version 12 and up, longer texts than the system encodes) is left to ZXing.
 */
final class QrMasks {

  /** The widest code whose rows fit a {@code long}. */
  static final int MAX_WIDTH = 64;

  private static final int N1 = 3;
  private static final int N2 = 3;
  private static final int N3 = 40;
  private static final int N4 = 10;

  private QrMasks() {}

  /**
   * Each mask's modules to turn: by row ({@code [mask][y]}, bit x) and by column ({@code
   * [mask][x]}, bit y).
   */
  private static final long[][] ROW_MASKS = new long[8][MAX_WIDTH];

  private static final long[][] COLUMN_MASKS = new long[8][MAX_WIDTH];

  static {
    for (int mask = 0; mask < 8; mask++) {
      for (int y = 0; y < MAX_WIDTH; y++) {
        for (int x = 0; x < MAX_WIDTH; x++) {
          if (turns(mask, x, y)) {
            ROW_MASKS[mask][y] |= 1L << x;
            COLUMN_MASKS[mask][x] |= 1L << y;
          }
        }
      }
    }
  }

  /**
   * The mask ZXing would choose for this code, which was built with mask 0; -1 when it is wider
   * than {@link #MAX_WIDTH}.
   */
  static int best(QRCode code) {
    int[] ranked = ranked(code);
    return ranked == null ? -1 : ranked[0];
  }

  /**
   * The eight masks from the lowest penalty to the highest (of equal ones, the first first), for
   * this code built with mask 0: the first is the one ZXing would choose; null when the code is
   * wider than {@link #MAX_WIDTH}.
   */
  static int[] ranked(QRCode code) {
    ByteMatrix matrix = code.getMatrix();
    int n = matrix.getWidth();
    if (n > MAX_WIDTH || code.getMaskPattern() != 0) {
      return null;
    }
    long all = n == MAX_WIDTH ? -1L : (1L << n) - 1;
    // the modules as built with mask 0, and those that carry data (the masks turn them only)
    long[] rows = new long[n];
    long[] columns = new long[n];
    long[] dataRows = new long[n];
    long[] dataColumns = new long[n];
    long[] function = functionPattern(code.getVersion(), n);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (matrix.get(x, y) == 1) {
          rows[y] |= 1L << x;
          columns[x] |= 1L << y;
        }
        if ((function[y] >>> x & 1L) == 0) {
          dataRows[y] |= 1L << x;
          dataColumns[x] |= 1L << y;
        }
      }
    }
    int[] format = formats(code.getECLevel());
    long[] maskedRows = new long[n];
    long[] maskedColumns = new long[n];
    int[] penalties = new int[8];
    for (int mask = 0; mask < 8; mask++) {
      for (int i = 0; i < n; i++) {
        maskedRows[i] = rows[i] ^ (dataRows[i] & (ROW_MASKS[0][i] ^ ROW_MASKS[mask][i]));
        maskedColumns[i] =
            columns[i] ^ (dataColumns[i] & (COLUMN_MASKS[0][i] ^ COLUMN_MASKS[mask][i]));
      }
      placeFormat(maskedRows, maskedColumns, format[mask], n);
      penalties[mask] = penalty(maskedRows, maskedColumns, n, all);
    }
    return java.util.stream.IntStream.range(0, 8)
        .boxed()
        .sorted(java.util.Comparator.comparingInt(mask -> penalties[mask]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * The modules that are not data, by row: the finder patterns with their separators and format
   * information, the timing patterns, the alignment patterns, the version information (as ZXing's
   * decoder lays them out, {@code Version.buildFunctionPattern}, which is not public).
   */
  private static long[] functionPattern(Version version, int n) {
    long[] rows = new long[n];
    region(rows, 0, 0, 9, 9);
    region(rows, n - 8, 0, 8, 9);
    region(rows, 0, n - 8, 9, 8);
    int[] centers = version.getAlignmentPatternCenters();
    int max = centers.length;
    for (int x = 0; x < max; x++) {
      int top = centers[x] - 2;
      for (int y = 0; y < max; y++) {
        // none where a finder pattern is
        if ((x != 0 || (y != 0 && y != max - 1)) && (x != max - 1 || y != 0)) {
          region(rows, centers[y] - 2, top, 5, 5);
        }
      }
    }
    region(rows, 6, 9, 1, n - 17);
    region(rows, 9, 6, n - 17, 1);
    if (version.getVersionNumber() > 6) {
      region(rows, n - 11, 0, 3, 6);
      region(rows, 0, n - 11, 6, 3);
    }
    return rows;
  }

  private static void region(long[] rows, int left, int top, int width, int height) {
    long bits = (width == MAX_WIDTH ? -1L : (1L << width) - 1) << left;
    for (int y = top; y < top + height; y++) {
      rows[y] |= bits;
    }
  }

  /** The four rules' penalty of a matrix given as its rows and its columns. */
  static int penalty(long[] rows, long[] columns, int n, long all) {
    int penalty = 0;
    int dark = 0;
    for (int i = 0; i < n; i++) {
      penalty += runs(rows[i], all) + runs(columns[i], all);
      penalty += N3 * (finderLike(rows[i], all) + finderLike(columns[i], all));
      dark += Long.bitCount(rows[i]);
    }
    // rule 2: each 2 x 2 block of one colour
    for (int y = 0; y < n - 1; y++) {
      long both = rows[y] & rows[y + 1];
      long neither = ~rows[y] & ~rows[y + 1] & all;
      penalty +=
          N2 * (Long.bitCount(both & (both >>> 1)) + Long.bitCount(neither & (neither >>> 1)));
    }
    // rule 4: how far dark modules are from half, in steps of 5 %
    int total = n * n;
    penalty += N4 * (Math.abs(dark * 2 - total) * 10 / total);
    return penalty;
  }

  /** Rule 1: a run of five or more modules of one colour costs 3, and 1 for each beyond five. */
  private static int runs(long line, long all) {
    return runsOf(line) + runsOf(~line & all);
  }

  private static int runsOf(long colour) {
    // a bit for each module that starts five of this colour in a row
    long five = colour & (colour >>> 1) & (colour >>> 2) & (colour >>> 3) & (colour >>> 4);
    // a run of length L >= 5 holds L - 4 of them and costs 3 + (L - 5) = (L - 4) + 2
    long starts = five & ~(colour << 1);
    return Long.bitCount(five) + (N1 - 1) * Long.bitCount(starts);
  }

  /**
   * Rule 3 as ZXing counts it: dark-light-dark-dark-dark-light-dark with four light modules (inside
   * the code) before it or after it.
   */
  private static int finderLike(long dark, long all) {
    long light = ~dark & all;
    long pattern =
        dark
            & (light >>> 1)
            & (dark >>> 2)
            & (dark >>> 3)
            & (dark >>> 4)
            & (light >>> 5)
            & (dark >>> 6);
    long before = (light << 1) & (light << 2) & (light << 3) & (light << 4);
    long after = (light >>> 7) & (light >>> 8) & (light >>> 9) & (light >>> 10);
    return Long.bitCount(pattern & (before | after));
  }

  /**
   * Whether this data mask turns the module at column x, row y (ISO 18004, as ZXing computes it).
   */
  private static boolean turns(int mask, int x, int y) {
    int intermediate =
        switch (mask) {
          case 0 -> (y + x) & 1;
          case 1 -> y & 1;
          case 2 -> x % 3;
          case 3 -> (y + x) % 3;
          case 4 -> ((y / 2) + (x / 3)) & 1;
          case 5 -> ((y * x) & 1) + (y * x) % 3;
          case 6 -> (((y * x) & 1) + (y * x) % 3) & 1;
          default -> ((y * x) % 3 + ((y + x) & 1)) & 1;
        };
    return intermediate == 0;
  }

  /** The 15 format bits of each mask at this error correction level (BCH code, then the XOR). */
  private static int[] formats(ErrorCorrectionLevel level) {
    int[] formats = new int[8];
    for (int mask = 0; mask < 8; mask++) {
      int info = (level.getBits() << 3) | mask;
      int bch = info << 10;
      for (int bit = 14; bit >= 10; bit--) {
        if ((bch >>> bit & 1) != 0) {
          bch ^= 0x537 << (bit - 10);
        }
      }
      formats[mask] = ((info << 10) | bch) ^ 0x5412;
    }
    return formats;
  }

  /** Where ZXing places the format bits: around the top-left finder, and split over the others. */
  private static final int[][] FORMAT_TOP_LEFT = {
    {8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8}, {4, 8}, {3, 8},
    {2, 8}, {1, 8}, {0, 8}
  };

  private static void placeFormat(long[] rows, long[] columns, int format, int n) {
    for (int i = 0; i < 15; i++) {
      boolean bit = (format >>> i & 1) != 0;
      set(rows, columns, FORMAT_TOP_LEFT[i][0], FORMAT_TOP_LEFT[i][1], bit);
      if (i < 8) {
        set(rows, columns, n - i - 1, 8, bit);
      } else {
        set(rows, columns, 8, n - 7 + (i - 8), bit);
      }
    }
  }

  private static void set(long[] rows, long[] columns, int x, int y, boolean dark) {
    if (dark) {
      rows[y] |= 1L << x;
      columns[x] |= 1L << y;
    } else {
      rows[y] &= ~(1L << x);
      columns[x] &= ~(1L << y);
    }
  }
}
