package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.notifications.Channel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The message log's masking, filter parsing and the bundle keys its page builds at run time. */
class MessageLogTests {

  @Test
  void recipientsShowOnlyTheirLastFourCharacters() {
    assertThat(MessageLog.mask("6281234567890")).isEqualTo("••••••••7890");
    assertThat(MessageLog.mask("siti@warga.example.id")).isEqualTo("••••••••e.id");
    assertThat(MessageLog.mask("62812345")).isEqualTo("••••2345");
  }

  @Test
  void onlyTheKnownFilterNamesAreFilters() {
    assertThat(MessageLog.Filter.parse(null)).contains(MessageLog.Filter.ALL);
    assertThat(MessageLog.Filter.parse("")).contains(MessageLog.Filter.ALL);
    assertThat(MessageLog.Filter.parse("FAILED")).contains(MessageLog.Filter.FAILED);
    assertThat(MessageLog.Filter.parse("LOG")).contains(MessageLog.Filter.LOG);
    for (String other : List.of("ALL", "failed", " SENT", "SENT'--", "\u0000")) {
      assertThat(MessageLog.Filter.parse(other)).as(other).isEmpty();
    }
  }

  @Test
  void everyKeyBuiltAtRunTimeIsInBothLanguages() throws IOException {
    List<String> keys = new ArrayList<>();
    for (MessageLog.Filter filter : MessageLog.Filter.values()) {
      keys.add("notifications.filter." + filter.name());
    }
    for (String status : List.of("PENDING", "SENT", "FAILED")) {
      keys.add("notifications.status." + status);
    }
    for (Channel channel : Channel.values()) {
      keys.add("notifications.channel." + channel.name());
    }
    for (String bundle : List.of("notifications.properties", "notifications_en.properties")) {
      Properties properties = new Properties();
      try (Reader in =
          Files.newBufferedReader(
              Path.of("src/main/resources/messages", bundle), StandardCharsets.UTF_8)) {
        properties.load(in);
      }
      assertThat(properties.stringPropertyNames()).as(bundle).containsAll(keys);
    }
  }
}
