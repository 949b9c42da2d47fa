package id.go.kecamatan.letters.internal.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.accounts.OfficeOnboarding;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letter numbers on the real database: concurrent takes (also from a second connection pool
 * standing for a second application instance), rollback without a gap, the new year, the agenda
 * book, scopes. Each test numbers letters of its own far-future year in an office of its own.
 */
@IntegrationTest
class LetterNumberingIntegrationTests {

  private static NumberingOffice office;

  @Autowired LetterNumberingService numbering;
  @Autowired AgendaBook agenda;
  @Autowired TransactionTemplate transactions;
  @Autowired OfficeOnboarding onboarding;
  @Autowired Offices offices;
  @Autowired Catalog catalog;
  @Autowired AuditTrail audit;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private NumberingOffice office() {
    synchronized (LetterNumberingIntegrationTests.class) {
      if (office == null) {
        office =
            NumberingOffice.register(onboarding, offices, jdbc, "35.16.13", "admin.sooko.nomor");
      }
      return office;
    }
  }

  private LetterNumber take(UUID service, LocalDate day) {
    return transactions.execute(tx -> numbering.take(office().id(), service, day));
  }

  /** Saves the scope with the default format, or per service with the service code added. */
  private void scope(NumberingScope scope) {
    String format =
        scope == NumberingScope.SERVICE
            ? "{klasifikasi}/{kode_layanan}/{nomor:3}/{kode_unit}/{tahun}"
            : LetterNumberFormat.DEFAULT;
    assertThat(numbering.save(office().id(), format, scope.name()).ok()).isTrue();
  }

  private static void assertConsecutive(List<LetterNumber> taken, int count) {
    assertThat(taken.stream().map(LetterNumber::sequence).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, count).boxed().toList());
    assertThat(taken.stream().map(LetterNumber::text).distinct()).hasSize(count);
  }

  @Test
  void theDefaultFormatNumbersTheOfficeSequence() {
    LetterNumber first = take(office().surat474(), LocalDate.of(2090, 11, 22));
    LetterNumber second = take(office().surat4009(), LocalDate.of(2090, 11, 23));

    assertThat(first).isEqualTo(new LetterNumber("474/001/416.399/2090", "OFFICE", 2090, 1));
    assertThat(second.text()).isEqualTo("400.9/002/416.399/2090");
  }

  @Test
  void twoHundredConcurrentTakesGetTwoHundredConsecutiveNumbers() throws Exception {
    LocalDate day = LocalDate.of(2091, 6, 1);
    UUID service = office().surat474();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<LetterNumber>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> take(service, day)));
      }
      List<LetterNumber> taken = new ArrayList<>();
      for (Future<LetterNumber> future : futures) {
        taken.add(future.get());
      }
      assertConsecutive(taken, 200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void takesFromTwoInstancesOnOneDatabaseNeverShareANumber() throws Exception {
    HikariDataSource main = (HikariDataSource) dataSource;
    try (HikariDataSource second = new HikariDataSource()) {
      second.setJdbcUrl(main.getJdbcUrl());
      second.setUsername(main.getUsername());
      second.setPassword(main.getPassword());
      second.setMaximumPoolSize(8);
      LetterNumberingService otherInstance =
          new LetterNumberingService(JdbcClient.create(second), catalog, offices, audit, clock);
      TransactionTemplate otherTransactions =
          new TransactionTemplate(new DataSourceTransactionManager(second));
      LocalDate day = LocalDate.of(2092, 3, 3);
      UUID officeId = office().id();
      UUID service = office().surat474();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<LetterNumber>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          futures.add(
              i % 2 == 0
                  ? pool.submit(() -> take(service, day))
                  : pool.submit(
                      () ->
                          otherTransactions.execute(
                              tx -> otherInstance.take(officeId, service, day))));
        }
        List<LetterNumber> taken = new ArrayList<>();
        for (Future<LetterNumber> future : futures) {
          taken.add(future.get());
        }
        assertConsecutive(taken, 200);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aSigningThatFailsAfterTakingANumberLeavesNoGap() {
    LocalDate day = LocalDate.of(2093, 4, 4);
    assertThat(take(office().surat474(), day).sequence()).isEqualTo(1);

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      assertThat(numbering.take(office().id(), office().surat474(), day).sequence())
                          .isEqualTo(2);
                      throw new IllegalStateException("the signature failed");
                    }))
        .hasMessage("the signature failed");

    LetterNumber next = take(office().surat474(), day);
    assertThat(next.sequence()).isEqualTo(2);
    assertThat(next.text()).isEqualTo("474/002/416.399/2093");
  }

  @Test
  void theSequenceStartsAgainAtOneOnTheFirstOfJanuary() {
    LocalDate newYearsEve = LocalDate.of(2094, 12, 31);
    take(office().surat474(), newYearsEve);
    assertThat(take(office().surat474(), newYearsEve).text()).isEqualTo("474/002/416.399/2094");

    LetterNumber newYear = take(office().surat474(), LocalDate.of(2095, 1, 1));

    assertThat(newYear).isEqualTo(new LetterNumber("474/001/416.399/2095", "OFFICE", 2095, 1));
  }

  @Test
  void numbersOfTheAgendaBookAreSkipped() {
    UUID officeId = office().id();
    LocalDate day = LocalDate.of(2096, 2, 2);
    assertThat(take(office().surat474(), day).sequence()).isEqualTo(1);
    assertThat(agenda.reserve(officeId, "OFFICE", "2096", "2", "Surat undangan rapat").ok())
        .isTrue();
    assertThat(agenda.reserve(officeId, "OFFICE", "2096", "3", "Surat edaran").ok()).isTrue();
    assertThat(agenda.reserve(officeId, "OFFICE", "2096", "5", "Nota dinas").ok()).isTrue();

    assertThat(take(office().surat474(), day).sequence()).isEqualTo(4);
    assertThat(take(office().surat474(), day).sequence()).isEqualTo(6);

    assertThat(
            agenda
                .reserve(officeId, "OFFICE", "2096", "6", "sudah terbit")
                .errors()
                .get("number")
                .key())
        .isEqualTo("numbering.error.issued");
    assertThat(agenda.reserve(officeId, "OFFICE", "2096", "9", "a").ok()).isTrue();
    assertThat(agenda.reserve(officeId, "OFFICE", "2096", "9", "b").errors().get("number").key())
        .isEqualTo("numbering.error.reserved");
    // a passed number stays; one ahead of the sequence can be removed
    UUID passed = reservation(2096, 5);
    assertThat(agenda.unreserve(officeId, passed).errors().get("reservation").key())
        .isEqualTo("numbering.error.passed");
    assertThat(agenda.unreserve(officeId, reservation(2096, 9)).ok()).isTrue();
    assertThat(agenda.reservations(officeId)).noneMatch(r -> r.year() == 2096 && r.number() == 9);
    assertThat(take(office().surat474(), day).sequence()).isEqualTo(7);
  }

  private UUID reservation(int year, int number) {
    return agenda.reservations(office().id()).stream()
        .filter(r -> r.year() == year && r.number() == number)
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void eachScopeKeepsItsOwnCounterAndAChangeOfScopeNeverRepeatsANumber() {
    LocalDate day = LocalDate.of(2097, 5, 5);
    try {
      scope(NumberingScope.SERVICE);
      LetterNumber a1 = take(office().surat474(), day);
      LetterNumber b1 = take(office().surat4009(), day);
      LetterNumber a2 = take(office().surat474(), day);
      assertThat(a1.scope()).isEqualTo("S:" + office().surat474());
      assertThat(List.of(a1.sequence(), b1.sequence(), a2.sequence())).containsExactly(1, 1, 2);
      assertThat(a1.text()).isEqualTo("474/SKD/001/416.399/2097");
      assertThat(b1.text()).isEqualTo("400.9/SKTM/001/416.399/2097");

      // per classification: K:474 continues after the highest number issued this year
      scope(NumberingScope.CLASSIFICATION);
      LetterNumber k474 = take(office().surat474(), day);
      assertThat(k474).isEqualTo(new LetterNumber("474/003/416.399/2097", "K:474", 2097, 3));
      assertThat(take(office().surat4009(), day).scope()).isEqualTo("K:400.9");

      // back to one office sequence: after every number of the year
      scope(NumberingScope.OFFICE);
      assertThat(take(office().surat474(), day).sequence()).isEqualTo(4);
      // and to per service again: the service counters are raised past the office's
      scope(NumberingScope.SERVICE);
      assertThat(take(office().surat4009(), day).sequence()).isEqualTo(5);
    } finally {
      scope(NumberingScope.OFFICE);
    }
  }

  @Test
  void takeRunsOnlyInTheCallersTransaction() {
    assertThatThrownBy(
            () -> numbering.take(office().id(), office().surat474(), LocalDate.of(2098, 1, 1)))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aServiceOfAnotherOfficeIsNotFound() {
    UUID jetisService =
        jdbc.sql(
                "select s.id from service_type s join office o on o.id = s.office_id where o.code = '35.16.16' limit 1")
            .query(UUID.class)
            .single();
    assertThatThrownBy(() -> take(jetisService, LocalDate.of(2098, 1, 1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void thePreviewShowsTheNextNumberWithoutTakingIt() {
    LocalDate day = LocalDate.of(2099, 7, 7);
    take(office().surat474(), day);
    agenda.reserve(office().id(), "OFFICE", "2099", "2", "manual");

    List<LetterNumberingService.Counter> counters = numbering.preview(office().id(), 2099);

    assertThat(counters).hasSize(1);
    assertThat(counters.get(0).last()).isEqualTo(1);
    assertThat(counters.get(0).next()).isEqualTo(3);
    assertThat(counters.get(0).nextText()).isEqualTo("474/003/416.399/2099");
    assertThat(numbering.preview(office().id(), 2099).get(0).next()).isEqualTo(3);
    assertThat(take(office().surat474(), day).sequence()).isEqualTo(3);
  }
}
