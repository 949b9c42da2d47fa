package id.go.kecamatan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.BlobStore;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drafts of online applications: saving, resuming, submitting once, and the purge. */
@IntegrationTest
class DraftsIntegrationTests {

  @Autowired Drafts drafts;
  @Autowired DraftFiles draftFiles;
  @Autowired DraftSubmissions submissions;
  @Autowired Documents documents;
  @Autowired BlobStore blobs;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  UUID jetis;
  UUID village;

  @BeforeEach
  void demoIds() {
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
  }

  UUID requirement(Draft draft) {
    return drafts.service(draft).requirements().get(0).id();
  }

  ApplicantForm identity() {
    return new ApplicantForm(
        ApplicationsIntegrationTests.FEMALE_NIK,
        "Siti Aminah",
        "Mojokerto",
        "1990-01-01",
        "FEMALE",
        village.toString(),
        "Dusun Krajan",
        "081234567890",
        null,
        null);
  }

  @Test
  void theResumeCodeIsReadAsResidentsTypeIt() {
    Draft draft = drafts.start(jetis, "LEGALISIR");
    assertThat(draft.resumeCode()).hasSize(8);
    String typed = " " + draft.displayedResumeCode().toLowerCase() + " ";
    assertThat(drafts.resume(typed)).map(Draft::id).contains(draft.id());
    assertThat(drafts.resume(draft.resumeCode().replace(' ', '-'))).isPresent();
    assertThat(drafts.resume("0OIL-0OIL")).isEmpty();
    assertThat(drafts.resume("x".repeat(10_000))).isEmpty();
    assertThat(drafts.resume(null)).isEmpty();
  }

  @Test
  void aServiceNotOfferedOnlineCannotBeStarted() {
    assertThatThrownBy(() -> drafts.start(jetis, "EKTP")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> drafts.start(jetis, "NO-SUCH-SERVICE"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void expiredDraftsArePurgedWithTheirFilesAndFreshOnesKept() throws Exception {
    Draft old = drafts.start(jetis, "LEGALISIR");
    drafts.saveIdentity(old, identity());
    var stored =
        draftFiles.addFiles(old, requirement(old), List.of(ApplicationsIntegrationTests.pdf()));
    assertThat(stored.ok()).isTrue();
    UUID file = stored.value().allFiles().get(0);
    String blob =
        jdbc.sql("select blob_key from document where id = ?")
            .param(file)
            .query(String.class)
            .single();
    assertThat(blobs.exists(blob)).isTrue();

    // a clock just before the end of the keeping period purges nothing of this draft
    Clock almost = Clock.offset(clock, drafts.keep().minus(Duration.ofMinutes(5)));
    new DraftPurge(drafts, almost).run();
    assertThat(drafts.find(old.id())).isPresent();

    // the next run after the period ends deletes the draft, its document row and its blob
    Clock later = Clock.offset(clock, drafts.keep().plus(Duration.ofHours(1)));
    new DraftPurge(drafts, later).run();
    assertThat(
            jdbc.sql("select count(*) from application_draft where id = ?")
                .param(old.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(documents.find(jetis, file)).isEmpty();
    assertThat(blobs.exists(blob)).isFalse();
  }

  @Test
  void aSubmittedDraftIsPurgedButItsApplicationKeepsTheFiles() {
    Draft draft = drafts.start(jetis, "LEGALISIR");
    assertThat(drafts.saveIdentity(draft, identity()).ok()).isTrue();
    for (var r : drafts.service(draft).requirements()) {
      if (r.required()) {
        assertThat(
                draftFiles
                    .addFiles(draft, r.id(), List.of(ApplicationsIntegrationTests.pdf()))
                    .ok())
            .isTrue();
      }
    }
    Draft filled = drafts.find(draft.id()).orElseThrow();
    assertThat(
            drafts
                .saveAnswers(
                    filled,
                    Map.of(
                        "jenis_dokumen", List.of("Surat keterangan"),
                        "jumlah_lembar", List.of("2"),
                        "keperluan", List.of("Melamar kerja")))
                .ok())
        .isTrue();
    var submitted = submissions.submit(draft.id(), true);
    assertThat(submitted.ok()).as("%s", submitted.errors().all()).isTrue();
    List<UUID> files =
        submitted.value().attachments().values().stream().flatMap(List::stream).toList();
    assertThat(files).isNotEmpty();

    new DraftPurge(drafts, Clock.offset(clock, drafts.keep().plus(Duration.ofDays(1)))).run();
    assertThat(drafts.find(draft.id())).isEmpty();
    for (UUID file : files) {
      assertThat(documents.find(jetis, file)).isPresent();
    }
  }

  @Test
  void submittingWithoutConsentIsRefusedAndAnIncompleteDraftNamesWhatIsMissing() {
    Draft draft = drafts.start(jetis, "LEGALISIR");
    assertThat(submissions.submit(draft.id(), false).errors().has("consent")).isTrue();
    var incomplete = submissions.submit(draft.id(), true);
    assertThat(incomplete.ok()).isFalse();
    assertThat(incomplete.errors().has("nik")).isTrue();
    assertThat(incomplete.errors().all().keySet()).anyMatch(k -> k.startsWith("files["));
    assertThat(drafts.find(draft.id()).orElseThrow().submitted()).isFalse();
  }
}
