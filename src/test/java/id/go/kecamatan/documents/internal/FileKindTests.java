package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kind of a file by its first bytes: the signatures decide as Tika does, Tika the rest. */
class FileKindTests {

  @TempDir Path dir;

  @Test
  void everyFileGetsTheKindTikaGivesIt() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("jpeg", TestFiles.jpeg(TestFiles.photo(40, 20)));
    files.put("jpeg with exif", TestFiles.jpegWithExif(TestFiles.photo(40, 20), 6));
    files.put("jpeg and a zip after it", concat(TestFiles.jpeg(TestFiles.photo(8, 8)), zip()));
    files.put("png", TestFiles.png(TestFiles.photo(40, 20)));
    files.put("png with alpha", TestFiles.transparentPng(10, 10));
    files.put("png declaring huge dimensions", TestFiles.pngDeclaring(100_000, 100_000));
    files.put("pdf", TestFiles.pdf(1));
    files.put("pdf with scripts", TestFiles.activePdf("x"));
    files.put("pdf with a password", TestFiles.encryptedPdf("rahasia"));
    files.put("pdf after a byte order mark", concat(bytes("\uFEFF"), TestFiles.pdf(1)));
    files.put("webp", TestFiles.WEBP_LOSSY);
    files.put("webp lossless", TestFiles.WEBP_LOSSLESS);
    files.put("heic", heic());
    files.put("elf", TestFiles.elf());
    files.put("exe", TestFiles.windowsExecutable());
    files.put("zip", zip());
    files.put("html", bytes("<!DOCTYPE html><html><script>alert(1)</script></html>"));
    files.put("svg", bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"));
    files.put("text", bytes("Surat pengantar RT 01 / RW 02"));
    files.put("pdf without its dash", bytes("%PDF1.7 not quite"));
    files.put("jpeg start cut short", new byte[] {(byte) 0xff, (byte) 0xd8});
    files.put("png start cut short", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a});
    files.put("one byte", new byte[] {0x25});

    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = Files.write(dir.resolve("f" + file.getKey().hashCode()), file.getValue());
      assertThat(FileKind.of(path)).as(file.getKey()).isEqualTo(FileKind.byTika(path));
    }
    assertThat(FileKind.of(write(files.get("jpeg")))).isEqualTo(FileKind.JPEG);
    assertThat(FileKind.of(write(files.get("png")))).isEqualTo(FileKind.PNG);
    assertThat(FileKind.of(write(files.get("pdf")))).isEqualTo(FileKind.PDF);
    assertThat(FileKind.of(write(files.get("webp")))).isEqualTo(FileKind.WEBP);
    assertThat(FileKind.of(write(files.get("heic")))).isEqualTo(FileKind.HEIF);
    assertThat(FileKind.of(write(files.get("elf")))).isEqualTo(FileKind.OTHER);
    assertThat(FileKind.of(write(files.get("html")))).isEqualTo(FileKind.OTHER);
  }

  @Test
  void onlyAWholeSignatureAtTheStartDecidesWithoutTika() {
    assertThat(FileKind.bySignature(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}))
        .isEqualTo(FileKind.JPEG);
    assertThat(FileKind.bySignature(new byte[] {(byte) 0xff, (byte) 0xd8})).isNull();
    assertThat(FileKind.bySignature(new byte[] {0, (byte) 0xff, (byte) 0xd8, (byte) 0xff}))
        .isNull();
    assertThat(FileKind.bySignature(bytes("%PDF-"))).isEqualTo(FileKind.PDF);
    assertThat(FileKind.bySignature(bytes("%PDF"))).isNull();
    assertThat(FileKind.bySignature(bytes(" %PDF-1.7"))).isNull();
    assertThat(
            FileKind.bySignature(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
        .isEqualTo(FileKind.PNG);
    assertThat(
            FileKind.bySignature(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', '\n', 0x1a, '\n'}))
        .isNull();
    assertThat(FileKind.bySignature(new byte[0])).isNull();
  }

  private Path write(byte[] bytes) throws Exception {
    return Files.write(Files.createTempFile(dir, "kind-", ".bin"), bytes);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static byte[] zip() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("payload.sh"));
      zip.write(bytes("#!/bin/sh\necho hi\n"));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** The start of a HEIC file: its {@code ftyp} box with the brands an iPhone writes. */
  private static byte[] heic() {
    byte[] heic = new byte[64];
    byte[] box = {
      0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
      'i', 'c'
    };
    System.arraycopy(box, 0, heic, 0, box.length);
    return heic;
  }
}
