package id.go.kecamatan.counter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The clips of one announcement, in order: chime, "nomor antrean", the letter, each digit, "silakan
 * ke loket", the counter's number in words ("Nomor antrean A nol nol tujuh, silakan ke loket dua").
 * The clips are prerecorded files under {@code /suara/} (src/main/voice/generate.py).
 */
final class Voice {

  private Voice() {}

  static final String[] DIGITS = {
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"
  };

  static List<String> clips(String label, int desk) {
    List<String> clips = new ArrayList<>();
    clips.add("bel");
    clips.add("nomor-antrean");
    for (char c : label.toCharArray()) {
      if (Character.isLetter(c)) {
        clips.add("huruf-" + Character.toString(c).toLowerCase(Locale.ROOT));
      } else if (Character.isDigit(c)) {
        clips.add(DIGITS[c - '0']);
      }
    }
    clips.add("silakan-ke-loket");
    clips.addAll(number(desk));
    return clips;
  }

  /** A number from 1 to 99 in words: "tujuh", "sebelas", "dua belas", "dua puluh tiga". */
  static List<String> number(int n) {
    if (n < 1 || n > 99) {
      throw new IllegalArgumentException("A counter number is 1 to 99: " + n);
    }
    if (n < 10) {
      return List.of(DIGITS[n]);
    }
    if (n == 10) {
      return List.of("sepuluh");
    }
    if (n == 11) {
      return List.of("sebelas");
    }
    if (n < 20) {
      return List.of(DIGITS[n - 10], "belas");
    }
    List<String> words = new ArrayList<>(List.of(DIGITS[n / 10], "puluh"));
    if (n % 10 != 0) {
      words.add(DIGITS[n % 10]);
    }
    return words;
  }
}
