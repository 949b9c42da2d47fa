package id.go.kecamatan.documents.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.tika.Tika;

/**
 * The kinds of file accepted, decided from the first bytes only: by the signatures of JPEG, PNG and
 * PDF at the start of the file, which are Apache Tika's own for these types (and no other type's in
 * Tika's table begins with them), and by Tika for every other file. Tika weighs some 1,500 types'
 * patterns, many of them searched case-insensitively through the first kilobytes: some 2.5 ms of
 * processor time for each photo or scan, the commonest uploads by far.
 */
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
    byte[] first;
    try (InputStream in = Files.newInputStream(file)) {
      first = in.readNBytes(SIGNATURE_BYTES);
    }
    FileKind kind = bySignature(first);
    return kind != null ? kind : byTika(file);
  }

  private static final int SIGNATURE_BYTES = 8;

  private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};

  /** JPEG, PNG or PDF by the signature the file starts with; {@code null} for Tika to decide. */
  static FileKind bySignature(byte[] first) {
    if (startsWith(first, JPEG_SIGNATURE)) {
      return JPEG;
    }
    if (startsWith(first, PNG_SIGNATURE)) {
      return PNG;
    }
    if (startsWith(first, PDF_SIGNATURE)) {
      return PDF;
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** What Tika alone decides (every file without one of the signatures; tests compare). */
  static FileKind byTika(Path file) throws IOException {
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
