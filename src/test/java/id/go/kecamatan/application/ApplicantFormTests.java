package id.go.kecamatan.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicantFormTests {

  @Test
  void mapChangesEveryFieldAndKeepsTheEmptyOnes() {
    ApplicantForm typed =
        ApplicantForm.from(field -> field.equals("email") ? null : " " + field + "\u0000 ");

    ApplicantForm mapped = typed.map(value -> value.replace("\u0000", "").strip());

    assertThat(mapped)
        .isEqualTo(
            new ApplicantForm(
                "nik",
                "name",
                "birthPlace",
                "birthDate",
                "sex",
                "villageId",
                "address",
                "phone",
                null,
                "preferredChannel"));
  }

  @Test
  void fromReadsEachFieldByItsName() {
    ApplicantForm form = ApplicantForm.from(field -> field);

    assertThat(form.map(String::toUpperCase).preferredChannel()).isEqualTo("PREFERREDCHANNEL");
    assertThat(ApplicantForm.empty().map(value -> "x")).isEqualTo(ApplicantForm.empty());
  }
}
