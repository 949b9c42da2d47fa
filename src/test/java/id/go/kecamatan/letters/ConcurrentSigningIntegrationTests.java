package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.shared.security.Officer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many letters signed at once: every number is taken once, in order, without gaps. */
@IntegrationTest
class ConcurrentSigningIntegrationTests {

  static final int LETTERS = 200;
  static final int THREADS = 4;
  static final int BATCH = 10;

  @Autowired LetterSigning signing;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;

  @Test
  void twoHundredLettersSignedConcurrentlyGetTwoHundredConsecutiveNumbers() throws Exception {
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc);
    UUID office = fixtures.office("33.02.27");
    Officer camat = fixtures.officer("camat.purwokertoutara");
    List<ApplicationId> approved = new ArrayList<>();
    for (int i = 0; i < LETTERS; i++) {
      approved.add(fixtures.approved(office, "Pemohon Serentak " + i).id());
    }
    List<List<ApplicationId>> batches = new ArrayList<>();
    for (int i = 0; i < LETTERS; i += BATCH) {
      batches.add(approved.subList(i, i + BATCH));
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<SigningReport>> runs = new ArrayList<>();
    try {
      for (List<ApplicationId> batch : batches) {
        runs.add(
            pool.submit(
                () -> signing.sign(camat, batch, LetterFixtures.PASSPHRASE.toCharArray()).value()));
      }
      for (Future<SigningReport> run : runs) {
        assertThat(run.get().skipped()).isEmpty();
      }
    } finally {
      pool.shutdown();
    }

    List<Integer> sequences =
        jdbc.sql(
                """
                select l.number_sequence from letter l
                where l.application_id = any(?) order by l.number_sequence
                """)
            .param(approved.stream().map(ApplicationId::value).toArray(UUID[]::new))
            .query(Integer.class)
            .list();
    assertThat(sequences).hasSize(LETTERS).doesNotHaveDuplicates();
    assertThat(sequences.get(LETTERS - 1) - sequences.get(0)).isEqualTo(LETTERS - 1);
    List<String> numbers =
        jdbc.sql("select number from letter where application_id = any(?)")
            .param(approved.stream().map(ApplicationId::value).toArray(UUID[]::new))
            .query(String.class)
            .list();
    assertThat(numbers).doesNotHaveDuplicates();
  }
}
