package id.go.kecamatan.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A file input left empty sends a part without a name: it is no file chosen, anywhere. */
class UploadTests {

  private static Upload named(String name) {
    return new Upload(name, "image/jpeg", new ByteArrayInputStream(new byte[] {1}));
  }

  @Test
  void aFileIsChosenOnlyWithAName() {
    assertThat(named("ktp.jpg").chosen()).isTrue();
    assertThat(named(null).chosen()).isFalse();
    assertThat(named("").chosen()).isFalse();
    assertThat(named("   ").chosen()).isFalse();
  }

  @Test
  void aListHoldsAChosenFileOnlyWhenOneHasAName() {
    assertThat(Upload.anyChosen(null)).isFalse();
    assertThat(Upload.anyChosen(List.of())).isFalse();
    assertThat(Upload.anyChosen(Arrays.asList(null, named(""), named(" ")))).isFalse();
    assertThat(Upload.anyChosen(Arrays.asList(null, named(""), named("kk.pdf")))).isTrue();
  }

  @Test
  void aRequirementsFilesAreSentUnderItsField() {
    UUID id = UUID.fromString("0b7c4f3e-2a55-4d8e-9c1f-5e6a7b8c9d0e");
    assertThat(RequestUploads.field(id)).isEqualTo("files[0b7c4f3e-2a55-4d8e-9c1f-5e6a7b8c9d0e]");
  }
}
