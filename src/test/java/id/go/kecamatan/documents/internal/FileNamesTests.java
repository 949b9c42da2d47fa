package id.go.kecamatan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

  @Test
  void pathPartsAreStripped() {
    assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.clean("C:\\Users\\Siti\\Documents\\KTP Siti.jpg"))
        .isEqualTo("KTP Siti.jpg");
    assertThat(FileNames.clean("..\\..\\boot.ini")).isEqualTo("boot.ini");
  }

  @Test
  void controlAndDirectionCharactersAreRemoved() {
    assertThat(FileNames.clean("ktp\u0000.pdf")).isEqualTo("ktp.pdf");
    assertThat(FileNames.clean("ktp\r\nbaru.pdf")).isEqualTo("ktp baru.pdf");
    // A right-to-left override would show "invoice_fdp.exe" as "invoice_exe.pdf".
    assertThat(FileNames.clean("surat\u202Efdp.exe")).isEqualTo("suratfdp.exe");
    assertThat(FileNames.clean("a\tb.pdf")).isEqualTo("a b.pdf");
  }

  @Test
  void hiddenAndEmptyNamesGetAPlainName() {
    assertThat(FileNames.clean(null)).isEqualTo("berkas");
    assertThat(FileNames.clean("   ")).isEqualTo("berkas");
    assertThat(FileNames.clean("..")).isEqualTo("berkas");
    assertThat(FileNames.clean(".htaccess")).isEqualTo("htaccess");
    assertThat(FileNames.clean("dir/")).isEqualTo("berkas");
  }

  @Test
  void longNamesAreCutKeepingTheExtension() {
    String name = FileNames.clean("a".repeat(300) + ".pdf");
    assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    assertThat(
            FileNames.clean("😀".repeat(150))
                .codePointCount(0, FileNames.clean("😀".repeat(150)).length()))
        .isEqualTo(FileNames.MAX_LENGTH);
  }

  @Test
  void charactersWindowsRefusesAreReplaced() {
    assertThat(FileNames.clean("KK \"asli\" <scan>.pdf")).isEqualTo("KK _asli_ _scan_.pdf");
  }

  @Test
  void aPhotoTakesTheExtensionOfItsStoredType() {
    assertThat(FileNames.withExtension("IMG_0001.HEIC", "jpg")).isEqualTo("IMG_0001.jpg");
    assertThat(FileNames.withExtension("foto", "jpg")).isEqualTo("foto.jpg");
  }
}
