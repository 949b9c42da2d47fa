package id.go.kecamatan.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sharing a public page: the "Bagikan lewat WhatsApp" link ({@code https://wa.me/?text=...}, the
 * text and the page's address in one message, which WhatsApp opens on a phone and on the web) and
 * the short description of the page's Open Graph preview.
 */
public final class Sharing {

  /** The length of an Open Graph description that previews show whole. */
  static final int SUMMARY = 200;

  private Sharing() {}

  /** The wa.me link that opens WhatsApp with the text, then the address on its own line. */
  public static String whatsApp(String text, String url) {
    return "https://wa.me/?text="
        + URLEncoder.encode(text + "\n" + url, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The first {@value #SUMMARY} characters of a text on one line, cut at a word. */
  public static String summary(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("(?m)^(## |- )", "").replaceAll("\\s+", " ").strip();
    if (line.length() <= SUMMARY) {
      return line;
    }
    int cut = line.lastIndexOf(' ', SUMMARY - 1);
    return line.substring(0, cut > SUMMARY / 2 ? cut : SUMMARY - 1) + "…";
  }
}
