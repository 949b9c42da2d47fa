package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WhatsApp or SMS through an HTTP gateway: the configured body template is POSTed to the configured
 * URL with the authentication header; accepted means a 2xx answer (whose body contains the
 * configured success text, when one is set). A 4xx answer other than 408 and 429 is the gateway
 * refusing the request itself and fails at once; no answer, a 5xx, 408 or 429 are tried again.
 */
class HttpGateway implements MessageGateway {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(to|text)}}");
  private static final int MAX_RESPONSE = 64 * 1024;

  private final URI url;
  private final NotificationsProperties.HttpChannel settings;
  private final HttpClient http;

  HttpGateway(String name, NotificationsProperties.HttpChannel settings) {
    this.url = URI.create(settings.url().strip());
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
        || url.getHost() == null) {
      throw new IllegalStateException(
          "layanan.notifications." + name + ".url must be an http(s) address");
    }
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      request("", "");
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "layanan.notifications." + name + ": the header name or value is not allowed", e);
    }
  }

  @Override
  public Via via() {
    return Via.HTTP;
  }

  @Override
  public void send(Recipient to, String subject, String text) throws DeliveryException {
    HttpResponse<InputStream> response;
    String body;
    try {
      response = http.send(request(to.address(), text), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(MAX_RESPONSE), StandardCharsets.UTF_8);
      }
    } catch (HttpTimeoutException e) {
      throw new DeliveryException("gateway timed out", false);
    } catch (ConnectException e) {
      throw new DeliveryException("gateway unreachable: connection refused", false);
    } catch (IOException e) {
      throw new DeliveryException(
          "gateway unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while sending", false);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String success = settings.successContains();
      if (success != null && !success.isEmpty() && !body.contains(success)) {
        throw new DeliveryException(
            "HTTP " + status + " without \"" + success + "\": " + snippet(body), false);
      }
      return;
    }
    boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    throw new DeliveryException("HTTP " + status + ": " + snippet(body), permanent);
  }

  private HttpRequest request(String to, String text) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(settings.timeout())
            .header("Content-Type", settings.contentType())
            .POST(HttpRequest.BodyPublishers.ofString(render(to, text), StandardCharsets.UTF_8));
    if (settings.authValue() != null && !settings.authValue().isBlank()) {
      request.header(settings.authHeader(), settings.authValue());
    }
    return request.build();
  }

  /** The body template with {@code {{to}}} and {@code {{text}}} replaced, escaped for its type. */
  String render(String to, String text) {
    Matcher m = PLACEHOLDER.matcher(settings.body());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = escape(m.group(1).equals("to") ? to : text);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String escape(String value) {
    String type = settings.contentType().toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return json(value);
    }
    if (type.contains("x-www-form-urlencoded")) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
    return value;
  }

  static String json(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String snippet(String body) {
    if (body.isBlank()) {
      return "(empty body)";
    }
    String clean = Errors.clean(body);
    return clean.length() <= 200 ? clean : clean.substring(0, 199) + "…";
  }
}
