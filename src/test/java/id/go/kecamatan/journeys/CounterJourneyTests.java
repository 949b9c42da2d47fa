package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.OfficeOnboarding;
import id.go.kecamatan.counter.Calling;
import id.go.kecamatan.counter.Desks;
import id.go.kecamatan.counter.QueueSettings;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.counter.VisitOutcome;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A day at the counter of an office of its own (so no other test's tickets or clock matter): the
 * office administrator enables a ticket kiosk with a code; on a 360 px phone-sized kiosk walk-ins
 * take regular tickets, a disabled resident and an elderly one (age from the NIK) take priority
 * tickets, and once the inside limit is reached the next ticket says "tunggu di luar". The officer
 * calls at a counter: the priority ticket comes before earlier regular ones, then a regular one
 * (the fairness cap), call again is refused too soon, three calls and no-show put it back once,
 * serve and finish. The display board shows each call live through its stream and queues the voice
 * announcements; without JavaScript it shows them after a refresh. A second journey drives the
 * board's script with a recording stand-in for the browser's audio: the sound check, calls queued
 * behind each other and never cut, a refused stream reopened.
 */
@IntegrationTest
class CounterJourneyTests extends BrowserJourney {

  private static final LocatorAssertions.ContainsTextOptions LIVE =
      new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

  @Autowired JdbcClient jdbc;
  @Autowired Offices offices;
  @Autowired OfficeOnboarding onboarding;
  @Autowired ServiceGroups groups;
  @Autowired Desks desks;
  @Autowired QueueSettings settings;
  @Autowired Tickets tickets;
  @Autowired Calling calling;

  /** An office of the Banyumas regency with its administrator, a group A and two counters. */
  record CounterOffice(Office office, String admin, UUID group, UUID loket1, UUID loket2) {}

  CounterOffice office(String code, String admin, String prefix) {
    UUID id =
        jdbc.sql("select id from office where code = ?")
            .param(code)
            .query(UUID.class)
            .optional()
            .orElseGet(
                () -> {
                  Outcome<Office> registered =
                      onboarding.register(
                          offices.regencyByCode("33.02").orElseThrow().id(),
                          code,
                          new OfficeOnboarding.FirstAdmin(
                              admin, "Admin Antrean " + code, null, WebClient.PASSWORD));
                  assertThat(registered.ok()).as("%s", registered.errors().all()).isTrue();
                  return registered.value().id();
                });
    UUID group =
        groups
            .save(
                id,
                null,
                new ServiceGroups.Form(prefix, "Umum", "1", "999", "true", "", "5", "true"))
            .value();
    UUID one = desks.save(id, null, "1", "Loket 1", List.of(group.toString()), "true").value();
    UUID two = desks.save(id, null, "2", "Loket 2", List.of(group.toString()), "true").value();
    return new CounterOffice(offices.get(id), admin, group, one, two);
  }

  @Test
  void priorityWalkInsGoFirstWithinTheCapTheFullRoomWaitsOutsideAndTheBoardCallsLive() {
    CounterOffice c = office("33.02.20", "admin.antrean.uji", "A");
    String slug = c.office().slug();
    // inside limit 4, one priority call in a row while a regular ticket waits, call again only
    // after ten minutes (changed below as the administrator would)
    assertThat(settings.save(c.office().id(), "4", "600", "1", "60", "3").any()).isFalse();

    try (BrowserContext officeContext = newDesktopContext();
        BrowserContext tv = newDesktopContext();
        BrowserContext tvWithoutScript = newPhoneContextWithoutJavaScript();
        BrowserContext residentPhone = newPhoneContext()) {
      Page officer = officeContext.newPage();
      signIn(officer, c.admin());

      // the administrator enables the kiosk with a one-time code
      officer.navigate("/admin/antrean/pengaturan");
      axeScan(officer);
      officer.getByLabel("Nama perangkat").fill("Anjungan pintu masuk");
      button(officer, "Tambah perangkat dan buat kode").click();
      String code = officer.locator("#kiosk-code").textContent().strip();
      Page kiosk = page;
      kiosk.navigate("/kecamatan/" + slug + "/antrean/ambil");
      assertThat(heading(kiosk)).hasText("Aktifkan anjungan");
      axeScan(kiosk);
      kiosk.getByLabel("Kode aktivasi").fill(code);
      button(kiosk, "Aktifkan").click();
      assertThat(heading(kiosk)).hasText("Ambil nomor antrean");
      axeScan(kiosk);
      assertThat(scrollWidth(kiosk)).isLessThanOrEqualTo(PHONE_WIDTH);

      // the display board is on before the first call, live and without JavaScript
      Page board = tv.newPage();
      board.navigate("/kecamatan/" + slug + "/antrean/layar");
      assertThat(board.locator("body")).hasAttribute("data-stream", "open");
      axeScan(board);
      Page plainBoard = tvWithoutScript.newPage();
      plainBoard.navigate("/kecamatan/" + slug + "/antrean/layar");
      assertThat(plainBoard.locator("#board-current")).containsText("Belum ada panggilan");

      // walk-ins: two regular, one disabled, one elderly (age from the NIK), then the room is full
      String r1 = take(kiosk, slug, null, null);
      String r2 = take(kiosk, slug, null, null);
      String disabled = take(kiosk, slug, "Penyandang disabilitas", null);
      kiosk.navigate("/kecamatan/" + slug + "/antrean/ambil");
      kiosk.getByLabel("Lansia").check();
      button(kiosk, "Ambil nomor").click();
      assertThat(kiosk.locator(".error-summary")).containsText("Untuk prioritas lansia, isi NIK");
      axeScan(kiosk);
      String elderly = take(kiosk, slug, "Lansia", "3516160305500001");
      assertThat(List.of(r1, r2, disabled, elderly))
          .containsExactly("A-001", "A-002", "A-003", "A-004");
      String outside = take(kiosk, slug, null, null);
      assertThat(kiosk.locator("#wait-outside")).containsText("Silakan menunggu di luar ruangan");
      assertThat(kiosk.locator(".ticket-qr svg")).isVisible();
      axeScan(kiosk);
      assertThat(scrollWidth(kiosk)).isLessThanOrEqualTo(PHONE_WIDTH);
      // the resident follows the ticket on her own phone from the QR's link
      Page resident = residentPhone.newPage();
      resident.navigate(kiosk.url().replace("?baru", ""));
      assertThat(resident.locator("#ticket-number")).hasText(outside);
      assertThat(resident.locator("#ticket-state")).containsText("menunggu di luar ruangan");
      axeScan(resident);

      // Loket 1 calls: the disabled resident's ticket before the earlier regular ones
      Page desk = officer;
      desk.navigate("/admin/antrean/loket/" + c.loket1());
      assertThat(desk.locator("#waiting-list li").first()).containsText(disabled);
      axeScan(desk);
      button(desk, "Panggil berikutnya").click();
      assertThat(desk.locator("#current-number")).hasText(disabled);
      assertThat(board.locator("#board-current")).containsText(disabled, LIVE);
      assertThat(board.locator("#board-current")).containsText("Loket 1");
      assertThat(board.locator("#announcements [data-label='" + disabled + "']")).hasCount(1);
      assertThat(board.locator("body"))
          .hasAttribute("data-announced", Pattern.compile("\\b" + disabled + "$"));
      reloadBoard(plainBoard);
      assertThat(plainBoard.locator("#board-current")).containsText(disabled);
      assertThat(plainBoard.locator("#board-current")).containsText("Loket 1");

      // call again: not within the set pause; the administrator shortens it
      button(desk, "Panggil ulang").click();
      assertThat(desk.locator("#desk-notice")).containsText("Tunggu sebentar");
      desk.navigate("/admin/antrean/pengaturan");
      desk.getByLabel("Jeda sebelum memanggil ulang (detik)").fill("0");
      desk.locator("form[action='/admin/antrean/pengaturan'] button[type=submit]").click();
      assertThat(desk.getByRole(AriaRole.STATUS)).containsText("Aturan antrean disimpan");
      desk.navigate("/admin/antrean/loket/" + c.loket1());
      button(desk, "Panggil ulang").click();
      assertThat(desk.locator("#desk-notice")).containsText("Nomor dipanggil ulang");
      assertThat(board.locator("#announcements [data-label='" + disabled + "']"))
          .hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
      button(desk, "Panggil ulang").click();
      assertThat(desk.locator("#current-number + .meta")).containsText("dipanggil 3 kali");
      assertThat(button(desk, "Panggil ulang")).hasCount(0);
      // three calls and nobody came: back at the end of the queue, once
      button(desk, "Tidak hadir").click();
      assertThat(desk.locator("#desk-notice")).containsText("Tiket dicatat tidak hadir");
      assertThat(desk.locator("#desk-free")).isVisible();
      assertThat(desk.locator("#waiting-list")).containsText(disabled);
      axeScan(desk);

      // the cap: after one priority call a regular ticket waiting is called
      button(desk, "Panggil berikutnya").click();
      assertThat(desk.locator("#current-number")).hasText(r1);
      button(desk, "Warga hadir, layani").click();
      assertThat(desk.locator("#current-number + .meta")).containsText("Dilayani");
      axeScan(desk);
      desk.getByLabel("Hasil layanan")
          .selectOption(new SelectOption().setLabel("Selesai dilayani"));
      button(desk, "Selesai").click();
      assertThat(desk.locator("#desk-free")).isVisible();

      // Loket 2 calls next: the elderly resident before the earlier regular A-002
      desk.navigate("/admin/antrean/loket/" + c.loket2());
      button(desk, "Panggil berikutnya").click();
      assertThat(desk.locator("#current-number")).hasText(elderly);
      assertThat(board.locator("#board-current")).containsText(elderly, LIVE);
      assertThat(board.locator("#board-current")).containsText("Loket 2");
      assertThat(board.locator("#board-recent")).containsText(r1);
      assertThat(board.locator("body"))
          .hasAttribute("data-announced", Pattern.compile("\\b" + r1 + " " + elderly + "$"));
      reloadBoard(plainBoard);
      assertThat(plainBoard.locator("#board-current")).containsText(elderly);
      axeScan(board);

      // the room emptied: the ticket that waited outside is asked in
      resident.reload();
      assertThat(resident.locator("#ticket-state")).not().containsText("di luar");
      assertThat(resident.locator("#ticket-state")).containsText("Urutan Anda");
      assertThat(resident.locator("#ticket-number")).hasText(outside);
    }
  }

  /** The clips of an announcement, as {@code Voice} lists them. */
  static List<String> clips(String label, String deskWord) {
    List<String> clips = new ArrayList<>(List.of("bel", "nomor-antrean"));
    clips.add("huruf-" + label.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
    String[] digits = {
      "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"
    };
    label.substring(2).chars().forEach(d -> clips.add(digits[d - '0']));
    clips.add("silakan-ke-loket");
    clips.add(deskWord);
    return clips;
  }

  /**
   * The browser's audio replaced by a recorder: each clip stays "playing" until the test ends it,
   * so the test sees whether a new call waits or cuts in.
   */
  static final String RECORDING_AUDIO =
      """
      window.__played = [];
      window.__current = null;
      window.Audio = function (src) { this.src = src; this.handlers = {}; };
      window.Audio.prototype.addEventListener = function (type, handler) {
        (this.handlers[type] = this.handlers[type] || []).push(handler);
      };
      window.Audio.prototype.play = function () {
        window.__played.push(this.src.replace(/^.*\\/suara\\//, '').replace('.wav', ''));
        window.__current = this;
        return Promise.resolve();
      };
      window.__end = function () {
        var a = window.__current;
        window.__current = null;
        (a.handlers.ended || []).forEach(function (h) { h(); });
      };
      """;

  @Test
  void theBoardQueuesAnnouncementsBehindTheSoundCheckAndReopensARefusedStream() {
    CounterOffice c = office("33.02.21", "admin.layar.uji", "K");
    String slug = c.office().slug();
    // called before the board opened: shown, not announced
    String before = issue(c);
    calling.callNext(c.office().id(), c.loket2());

    try (BrowserContext tv = newDesktopContext()) {
      tv.addInitScript(RECORDING_AUDIO);
      AtomicInteger streams = new AtomicInteger();
      tv.route(
          "**/antrean/layar/langsung",
          route -> {
            if (streams.incrementAndGet() == 1) {
              // the first stream refused, as by a node restarting behind the load balancer
              route.fulfill(new Route.FulfillOptions().setStatus(502).setBody("Bad Gateway"));
            } else {
              route.resume();
            }
          });
      Page board = tv.newPage();
      board.navigate("/kecamatan/" + slug + "/antrean/layar");
      assertThat(board.locator("body"))
          .hasAttribute(
              "data-stream",
              "open",
              new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
      assertThat(streams.get()).as("the refused stream was opened again").isGreaterThan(1);
      assertThat(board.locator("#board-current")).containsText(before);
      assertThat(board.locator("#announcements p")).hasCount(0);

      // the sound check unlocks the voice and plays a sample call
      button(board, "Tes suara").click();
      board.waitForFunction("() => window.__played.length === 1");
      // two calls arrive while it plays: both wait, nothing is cut
      String first = issue(c);
      String second = issue(c);
      calling.callNext(c.office().id(), c.loket1());
      assertThat(board.locator("#announcements"))
          .hasAttribute(
              "data-queue", first, new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
      UUID earlier = calling.atDesk(c.office().id(), c.loket2()).orElseThrow().id();
      calling.serve(c.office().id(), c.loket2(), earlier);
      calling.finish(c.office().id(), c.loket2(), earlier, VisitOutcome.SERVED);
      calling.callNext(c.office().id(), c.loket2());
      assertThat(board.locator("#announcements"))
          .hasAttribute(
              "data-queue",
              first + " " + second,
              new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
      assertThat(played(board)).as("still the sound check's chime").containsExactly("bel");

      List<String> expected =
          Stream.of(
                  List.of(
                      "bel",
                      "nomor-antrean",
                      "huruf-a",
                      "nol",
                      "nol",
                      "satu",
                      "silakan-ke-loket",
                      "satu"),
                  clips(first, "satu"),
                  clips(second, "dua"))
              .flatMap(List::stream)
              .toList();
      for (int i = 1; i < expected.size(); i++) {
        board.evaluate("() => window.__end()");
        int n = i + 1;
        board.waitForFunction("() => window.__played.length === " + n);
        if (i == 8) {
          assertThat(board.locator("#announcements")).hasAttribute("data-playing", first);
        }
        if (i == 16) {
          assertThat(board.locator("#announcements")).hasAttribute("data-playing", second);
          assertThat(board.locator("#announcements")).hasAttribute("data-queue", second);
        }
      }
      board.evaluate("() => window.__end()");
      assertThat(played(board)).containsExactlyElementsOf(expected);
      assertThat(board.locator("#announcements")).hasAttribute("data-queue", "");
      assertThat(board.locator("body")).hasAttribute("data-announced", first + " " + second);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> played(Page board) {
    return (List<String>) board.evaluate("() => window.__played.slice()");
  }

  private String issue(CounterOffice c) {
    return tickets
        .issue(
            Tickets.Request.walkIn(
                c.office().id(), c.group(), TicketSource.FRONT_OFFICE, null, null, null, null))
        .number();
  }

  /** Takes a ticket at the kiosk and returns its number from the resident's page. */
  private static String take(Page kiosk, String slug, String priority, String nik) {
    kiosk.navigate("/kecamatan/" + slug + "/antrean/ambil");
    kiosk.locator("input[name=group]").first().check();
    if (priority != null) {
      kiosk.getByLabel(priority, new Page.GetByLabelOptions().setExact(true)).check();
    }
    if (nik != null) {
      kiosk.locator("#nik").fill(nik);
    }
    button(kiosk, "Ambil nomor").click();
    assertThat(heading(kiosk)).hasText("Nomor antrean Anda");
    return kiosk.locator("#ticket-number").textContent().strip();
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /**
   * Reloads the board without JavaScript, which reloads itself every 20 s too: a reload that meets
   * the page's own is aborted by it ({@code net::ERR_ABORTED}, seen once on a machine so busy that
   * the journey took 41 s), and the reload after it cannot meet another.
   */
  private static void reloadBoard(Page board) {
    try {
      board.reload();
    } catch (PlaywrightException e) {
      if (e.getMessage() == null || !e.getMessage().contains("ERR_ABORTED")) {
        throw e;
      }
      board.reload();
    }
  }
}
