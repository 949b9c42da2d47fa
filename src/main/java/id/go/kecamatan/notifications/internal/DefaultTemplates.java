package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The shipped templates, from {@code notifications/default-templates.properties}: one per kind and
 * channel, in Bahasa Indonesia, each with a subject for e-mail; and the fixed pieces of some values
 * (the lines of a list).
 */
final class DefaultTemplates {

  private static final Properties TEMPLATES = load();

  private DefaultTemplates() {}

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in =
        DefaultTemplates.class.getResourceAsStream("/notifications/default-templates.properties")) {
      if (in == null) {
        throw new IllegalStateException("notifications/default-templates.properties is missing");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  static String subject(MessageKind kind, Channel channel) {
    return channel == Channel.EMAIL ? require(kind, channel, "subject") : null;
  }

  static String text(MessageKind kind, Channel channel) {
    return require(kind, channel, "text");
  }

  /**
   * A fixed piece of a message that offices do not edit, e.g. one line of a list a placeholder
   * stands for: {@code <kind>.<name>} of the same file.
   */
  static String fragment(MessageKind kind, String name) {
    return require(kind.code() + "." + name);
  }

  private static String require(MessageKind kind, Channel channel, String part) {
    return require(kind.code() + "." + channel.name() + "." + part);
  }

  private static String require(String key) {
    String value = TEMPLATES.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("No shipped template " + key);
    }
    return value;
  }
}
