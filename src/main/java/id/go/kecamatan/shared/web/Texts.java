package id.go.kecamatan.shared.web;

import java.util.Arrays;
import java.util.List;

/** Helpers for text typed into forms. */
public final class Texts {

  private Texts() {}

  /** The non-blank lines of a text typed one entry per line, trimmed. */
  public static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
