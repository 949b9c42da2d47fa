package id.go.kecamatan.documents;

import id.go.kecamatan.shared.web.Localizable;
import java.text.NumberFormat;
import java.util.Locale;

/** A size in bytes as people read it: 10 MB, or 1,5 MB in Indonesian; for messages. */
public record FileSize(long bytes) implements Localizable {

  private static final long KB = 1024;
  private static final long MB = 1024 * KB;

  @Override
  public String message(Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(1);
    if (bytes >= MB) {
      return format.format(bytes / (double) MB) + " MB";
    }
    if (bytes >= KB) {
      return format.format(bytes / (double) KB) + " KB";
    }
    return bytes + " B";
  }

  @Override
  public String toString() {
    return message(Locale.ROOT);
  }
}
