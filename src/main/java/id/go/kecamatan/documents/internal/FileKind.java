package id.go.kecamatan.documents.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;

/** The kinds of file accepted, decided by Apache Tika from the first bytes only. */
public enum FileKind {
  JPEG,
  PNG,
  WEBP,
  HEIF,
  PDF,
  OTHER;

  private static final Tika TIKA = new Tika();

  /** The kind of a file by its magic bytes; its name and declared type play no part. */
  public static FileKind of(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return ofMediaType(TIKA.detect(in));
    }
  }

  static FileKind ofMediaType(String type) {
    return switch (type) {
      case "image/jpeg" -> JPEG;
      case "image/png" -> PNG;
      case "image/webp" -> WEBP;
      case "image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence" -> HEIF;
      case "application/pdf" -> PDF;
      default -> OTHER;
    };
  }
}
