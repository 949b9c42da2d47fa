package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.web.FieldErrors;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The message templates without the application: the shipped defaults, the checks against hostile
 * input, plain-text rendering, the SMS alphabet and length, and the contacts a message goes to.
 */
class MessageTemplateTests {

  static final Office JETIS =
      new Office(
          UUID.randomUUID(),
          UUID.randomUUID(),
          "35.16.16",
          "jetis-mojokerto",
          "Jetis",
          "Jl. Raya Jetis 1",
          "0321 123456",
          "kecamatan.jetis@mojokertokab.go.id",
          null,
          null,
          "416.305",
          null,
          false,
          true,
          0);

  static final Map<String, String> SAMPLE =
      SampleValues.of(
          JETIS,
          new Links(() -> "https://layanan.mojokertokab.go.id"),
          LocalDate.of(2026, 11, 16),
          id.go.kecamatan.shared.web.Zone.WIB);

  @Test
  void everyKindHasADefaultOnEachOfItsChannelsThatPassesItsOwnChecks() {
    for (MessageKind kind : MessageKind.values()) {
      for (Channel channel : kind.channels()) {
        String subject = DefaultTemplates.subject(kind, channel);
        String text = DefaultTemplates.text(kind, channel);
        FieldErrors errors = MessageTemplates.check(kind, channel, subject, text, SAMPLE);
        assertThat(errors.all()).as(kind + " " + channel).isEmpty();
        assertThat(subject != null).as(kind + " " + channel).isEqualTo(channel == Channel.EMAIL);
        String written = MessageTemplate.render(text, SAMPLE);
        assertThat(written).as(kind + " " + channel).doesNotContain("{{", "}}");
        if (channel == Channel.SMS) {
          assertThat(Gsm.length(written)).as(kind.code()).isBetween(1, 160);
        }
      }
    }
    assertThat(MessageKind.STAFF_DIGEST.channels()).containsExactly(Channel.EMAIL);
    assertThat(MessageKind.SIGNING_AWAITING.channels()).containsExactly(Channel.EMAIL);
  }

  @Test
  void theSignersNoticeListsEachLetterAndCountsTheOthers() {
    LocalDate day = LocalDate.of(2026, 11, 16);
    String list =
        SignerNotices.list(
            java.util.List.of(
                new SignerNotices.Waiting("351616-AAAAAAA2", "Surat Keterangan Domisili", day),
                new SignerNotices.Waiting(
                    "351616-BBBBBBB3", "Surat Keterangan Tidak Mampu", day.plusDays(1))),
            27);
    assertThat(list)
        .isEqualTo(
            "- 351616-AAAAAAA2, Surat Keterangan Domisili, tenggat 16 November 2026\n"
                + "- 351616-BBBBBBB3, Surat Keterangan Tidak Mampu, tenggat 17 November 2026\n"
                + "- dan 25 surat lainnya");
    // a service named like a placeholder stays as it is
    assertThat(
            SignerNotices.list(
                java.util.List.of(new SignerNotices.Waiting("351616-CCCCCCC4", "{{tenggat}}", day)),
                1))
        .isEqualTo("- 351616-CCCCCCC4, {{tenggat}}, tenggat 16 November 2026");
    assertThat(
            MessageTemplate.render(
                DefaultTemplates.subject(MessageKind.SIGNING_AWAITING, Channel.EMAIL), SAMPLE))
        .isEqualTo("3 surat menunggu tanda tangan Anda, 16 November 2026");
  }

  @Test
  void theDefaultSubmittedMessagesSayTheCodeTheDeadlineAndTheLink() {
    String sms =
        MessageTemplate.render(
            DefaultTemplates.text(MessageKind.APPLICATION_SUBMITTED, Channel.SMS), SAMPLE);
    assertThat(sms)
        .isEqualTo(
            "Kecamatan Jetis: permohonan 351616-K7M2Q9XW diterima, selesai 23 November 2026."
                + " Status: https://layanan.mojokertokab.go.id/status/351616-K7M2Q9XW");
    String subject =
        MessageTemplate.render(
            DefaultTemplates.subject(MessageKind.APPLICATION_SUBMITTED, Channel.EMAIL), SAMPLE);
    assertThat(subject).isEqualTo("Permohonan 351616-K7M2Q9XW sudah diterima");
  }

  @Test
  void anUnknownPlaceholderOrOneOfAnotherKindIsRefusedByName() {
    FieldErrors unknown =
        MessageTemplates.check(
            MessageKind.APPROVED, Channel.WHATSAPP, null, "Halo {{ pemohon.nik }}", SAMPLE);
    assertThat(unknown.get("text").key())
        .isEqualTo("notificationTemplates.error.unknownPlaceholder");
    assertThat(unknown.get("text").args()).containsExactly("pemohon.nik");
    // the reason belongs to a rejection, not to an approval
    FieldErrors otherKind =
        MessageTemplates.check(
            MessageKind.APPROVED, Channel.EMAIL, "{{alasan}}", "Disetujui", SAMPLE);
    assertThat(otherKind.get("subject").args()).containsExactly("alasan");
    FieldErrors braces =
        MessageTemplates.check(
            MessageKind.APPROVED, Channel.WHATSAPP, null, "Halo {{pemohon.nama", SAMPLE);
    assertThat(braces.get("text").key()).isEqualTo("notificationTemplates.error.braces");
  }

  @Test
  void hostileInputIsRefusedOrStaysPlainText() {
    String huge = "a".repeat(100_000);
    assertThat(
            MessageTemplates.check(MessageKind.APPROVED, Channel.WHATSAPP, null, huge, SAMPLE)
                .get("text")
                .key())
        .isEqualTo("error.tooLong");
    assertThat(
            MessageTemplates.check(
                    MessageKind.APPROVED, Channel.WHATSAPP, null, "Halo\u0000dunia", SAMPLE)
                .get("text")
                .key())
        .isEqualTo("error.control");
    assertThat(
            MessageTemplates.check(
                    MessageKind.APPROVED, Channel.EMAIL, "Satu\nDua", "Disetujui", SAMPLE)
                .get("subject")
                .key())
        .isEqualTo("error.control");
    assertThat(
            MessageTemplates.check(MessageKind.APPROVED, Channel.EMAIL, " ", "x", SAMPLE)
                .get("subject")
                .key())
        .isEqualTo("error.required");
    // markup is text like any other: accepted, and written out as typed, never interpreted
    String markup = "<b>Halo</b> <script>alert(1)</script> {{pemohon.nama}} &amp;";
    assertThat(
            MessageTemplates.check(MessageKind.APPROVED, Channel.EMAIL, "<i>x</i>", markup, SAMPLE)
                .any())
        .isFalse();
    assertThat(
            MessageTemplate.render(
                markup, Map.of("pemohon.nama", "<img src=x onerror=alert(1)> {{alasan}}")))
        .isEqualTo(
            "<b>Halo</b> <script>alert(1)</script> <img src=x onerror=alert(1)> {{alasan}} &amp;");
  }

  @Test
  void aValueIsPutInAsItIsAndNeverReadAsATemplate() {
    assertThat(
            MessageTemplate.render(
                "{{pemohon.nama}} / {{alasan}} / {{kosong}}",
                Map.of("pemohon.nama", "{{alasan}} $1 \\", "alasan", "Data ganda")))
        .isEqualTo("{{alasan}} $1 \\ / Data ganda / ");
  }

  @Test
  void anSmsKeepsToTheGsmAlphabetAndOneMessage() {
    FieldErrors emoji =
        MessageTemplates.check(
            MessageKind.APPROVED, Channel.SMS, null, "Disetujui 👍 {{permohonan.kode}}", SAMPLE);
    assertThat(emoji.get("text").key()).isEqualTo("notificationTemplates.error.smsCharacter");
    assertThat(emoji.get("text").args()).containsExactly("👍");
    // 160 characters with the sample values is fine, one more is not
    String code = SAMPLE.get("permohonan.kode");
    String fits = "{{permohonan.kode}}" + "x".repeat(160 - code.length());
    assertThat(MessageTemplates.check(MessageKind.APPROVED, Channel.SMS, null, fits, SAMPLE).any())
        .isFalse();
    FieldErrors tooLong =
        MessageTemplates.check(MessageKind.APPROVED, Channel.SMS, null, fits + "x", SAMPLE);
    assertThat(tooLong.get("text").key()).isEqualTo("notificationTemplates.error.smsTooLong");
    assertThat(tooLong.get("text").args()).containsExactly(161, 160);
    // the extension table counts twice
    assertThat(Gsm.length("[€]")).isEqualTo(6);
    assertThat(Gsm.length("é ü Ñ")).isEqualTo(5);
    assertThat(Gsm.length("ê")).isEqualTo(-1);
  }

  @Test
  void anSmsWrittenWithLongValuesIsCutToOneMessage() {
    MessageTemplates.Effective template =
        new MessageTemplates.Effective(
            MessageKind.REJECTED, Channel.SMS, null, "Ditolak: {{alasan}}", false, null);
    MessageTemplates.Rendered sms =
        MessageTemplates.render(template, Map.of("alasan", "Ñamá ✓ " + "panjang ".repeat(40)));
    assertThat(sms.subject()).isNull();
    assertThat(Gsm.length(sms.text())).isEqualTo(160);
    assertThat(sms.text()).startsWith("Ditolak: Ñam? ? panjang");
  }

  @Test
  void anEmailSubjectStaysOnOneLineWhateverTheValues() {
    MessageTemplates.Effective template =
        new MessageTemplates.Effective(
            MessageKind.APPROVED,
            Channel.EMAIL,
            "Untuk {{pemohon.nama}}",
            "Halo {{pemohon.nama}}",
            false,
            null);
    MessageTemplates.Rendered email =
        MessageTemplates.render(template, Map.of("pemohon.nama", "Siti\r\nBcc: x@evil.example"));
    assertThat(email.subject()).isEqualTo("Untuk Siti Bcc: x@evil.example");
    assertThat(email.text()).isEqualTo("Halo Siti\r\nBcc: x@evil.example");
  }

  @Test
  void everyKindChannelAndPlaceholderIsNamedInBothLanguages() throws Exception {
    for (String bundle :
        new String[] {
          "/messages/notification-templates.properties",
          "/messages/notification-templates_en.properties"
        }) {
      Properties messages = new Properties();
      try (var in = getClass().getResourceAsStream(bundle)) {
        messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      for (MessageKind kind : MessageKind.values()) {
        assertThat(messages).as(bundle).containsKey("notificationTemplates.kind." + kind.code());
        for (String placeholder : kind.placeholders()) {
          assertThat(messages).as(bundle).containsKey("notificationTemplates.ph." + placeholder);
        }
      }
      for (Channel channel : Channel.values()) {
        assertThat(messages).as(bundle).containsKey("notificationTemplates.channel." + channel);
      }
    }
  }
}
