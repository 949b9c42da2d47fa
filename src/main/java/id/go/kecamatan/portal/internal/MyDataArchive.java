package id.go.kecamatan.portal.internal;

import id.go.kecamatan.application.ResidentRecords;
import id.go.kecamatan.application.ResidentRecords.FileEntry;
import id.go.kecamatan.application.ResidentRecords.Records;
import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.IssuedLetters;
import id.go.kecamatan.portal.MessagesToResident;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resident's copy of their data ("Data saya", UU 27/2022) as one ZIP, written straight to the
 * response: {@code ringkasan.txt} (readable, Indonesian), {@code data.json} (everything, for a
 * machine), the documents of each application and draft, and the letters issued (revoked ones only
 * described). Documents are copied one at a time, so memory use does not grow with the archive.
 */
@Component
public class MyDataArchive {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ResidentRecords records;
  private final IssuedLetters letters;
  private final ObjectProvider<MessagesToResident> messages;
  private final Clock clock;

  MyDataArchive(
      ResidentRecords records,
      IssuedLetters letters,
      ObjectProvider<MessagesToResident> messages,
      Clock clock) {
    this.records = records;
    this.letters = letters;
    this.messages = messages;
    this.clock = clock;
  }

  /** Writes the archive of everything held for the contact; audited. */
  public void write(String contact, OutputStream out) {
    Records held = records.of(contact);
    MessagesToResident source = messages.getIfAvailable();
    List<Map<String, Object>> sent = source == null ? List.of() : source.sentTo(contact);
    List<String> codes =
        held.applications().stream().map(a -> (String) a.get("kode_pelacakan")).toList();
    Map<String, IssuedLetter> issued = letters.ofTrackingCodes(codes);
    List<Map<String, Object>> letterList = new ArrayList<>();
    for (IssuedLetter letter : issued.values()) {
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("kode_pelacakan", letter.trackingCode());
      described.put("nomor", letter.number());
      described.put("tanggal", letter.letterDate().toString());
      described.put("penandatangan", letter.signerName());
      described.put("dicabut", letter.revokedAt() == null ? null : letter.revokedAt().toString());
      described.put("alasan_pencabutan", letter.revocationReason());
      described.put(
          "dalam_arsip",
          letter.revoked() ? null : "surat/" + letter.trackingCode() + "-" + letter.fileName());
      letterList.add(described);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("dibuat", clock.instant().toString());
    all.put("kontak", contact);
    all.put("permohonan", held.applications());
    all.put("draf", held.drafts());
    all.put("surat", letterList);
    all.put("pesan", sent);
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, "ringkasan.txt", MyDataSummary.text(all).getBytes(StandardCharsets.UTF_8));
      entry(zip, "data.json", JSON.writeValueAsBytes(all));
      for (FileEntry file : held.files()) {
        zip.putNextEntry(new ZipEntry(file.path()));
        try (InputStream in = records.open(file)) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
      for (IssuedLetter letter : issued.values()) {
        if (letter.revoked()) {
          continue;
        }
        Optional<byte[]> pdf = letters.pdf(letter);
        if (pdf.isPresent()) {
          entry(zip, "surat/" + letter.trackingCode() + "-" + letter.fileName(), pdf.get());
        }
      }
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records.recordExport(contact, held.applications().size(), held.files().size());
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
