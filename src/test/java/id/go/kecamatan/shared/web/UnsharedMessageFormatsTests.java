package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Messages with arguments are formatted on copies, so request threads never wait for each other.
 */
class UnsharedMessageFormatsTests {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");

  static UnsharedMessageFormats messages() {
    UnsharedMessageFormats messages = new UnsharedMessageFormats();
    messages.setBasenames("messages/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Test
  void everyCallFormatsOnItsOwnCopy() {
    UnsharedMessageFormats messages = messages();
    assertThat(messages.resolveCode("service.days", INDONESIAN))
        .isNotNull()
        .isNotSameAs(messages.resolveCode("service.days", INDONESIAN));
    assertThat(messages.resolveCode("tidak.ada", INDONESIAN)).isNull();
  }

  @Test
  void manyThreadsFormatTheSameMessageCorrectly() throws Exception {
    UnsharedMessageFormats messages = messages();
    String expected3 = messages.getMessage("service.days", new Object[] {3}, INDONESIAN);
    String expected1234 = messages.getMessage("service.days", new Object[] {1234}, Locale.ENGLISH);
    assertThat(expected3).contains("3");
    assertThat(expected1234).contains("1,234");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    if (!expected3.equals(
                            messages.getMessage("service.days", new Object[] {3}, INDONESIAN))
                        || !expected1234.equals(
                            messages.getMessage(
                                "service.days", new Object[] {1234}, Locale.ENGLISH))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
