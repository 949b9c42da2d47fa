package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the tests: real HTTP against the running application, with its own cookies
 * (session), the CSRF token taken from the last page, redirects not followed.
 */
public final class WebClient {

  public static final String PASSWORD = "Demo-Kecamatan-2026";

  private static final Pattern CSRF =
      Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]*)\">");

  private final String base;
  private final CookieManager cookies;
  private final HttpClient http;
  private String csrf;

  public WebClient(int port) {
    this("http://localhost:" + port, new CookieManager(null, CookiePolicy.ACCEPT_ALL), null);
  }

  /**
   * A new browser that reaches the application over the IPv6 loopback address ({@code ::1}): a
   * client address of its own, where every other client of the tests is {@code 127.0.0.1}.
   */
  public static WebClient overIpv6(int port) {
    return new WebClient(
        "http://[::1]:" + port, new CookieManager(null, CookiePolicy.ACCEPT_ALL), null);
  }

  private WebClient(String base, CookieManager cookies, String csrf) {
    this.base = base;
    this.cookies = cookies;
    this.csrf = csrf;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The same browser (its cookies and CSRF token as they are now) talking to another node of the
   * application on this port.
   */
  public WebClient onPort(int port) {
    return new WebClient("http://localhost:" + port, cookies, csrf);
  }

  /** A new session signed in as this user (asserts that the sign-in succeeded). */
  public static WebClient signedIn(int port, String username) {
    return signedIn(port, username, PASSWORD);
  }

  public static WebClient signedIn(int port, String username, String password) {
    WebClient client = new WebClient(port);
    HttpResponse<String> response = client.login(username, password);
    assertThat(response.headers().firstValue("Location"))
        .as("sign-in of " + username)
        .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    client.get("/admin");
    return client;
  }

  public HttpResponse<String> login(String username, String password) {
    get("/masuk");
    return post("/masuk", "username", username, "password", password);
  }

  public String csrf() {
    return csrf;
  }

  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a form with the current CSRF token; fields as name, value pairs. */
  public HttpResponse<String> post(String path, String... fields) {
    List<String> all = new ArrayList<>(List.of(fields));
    if (csrf != null) {
      all.add("_csrf");
      all.add(csrf);
    }
    return postRaw(path, all.toArray(String[]::new));
  }

  /** Posts a form exactly as given: no CSRF token unless among the fields. */
  public HttpResponse<String> postRaw(String path, String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends a body with the headers given as name, value pairs. */
  public HttpResponse<String> sendWithHeaders(
      String method, String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .headers(headers)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A file to upload. */
  public record FilePart(String filename, String contentType, byte[] content) {}

  /** Uploads one file as multipart/form-data, with the CSRF token as a form field. */
  public HttpResponse<String> upload(
      String path, String field, String filename, String contentType, byte[] content) {
    return filename == null
        ? upload(path, field, Map.of())
        : upload(path, field, Map.of(), new FilePart(filename, contentType, content));
  }

  /**
   * Uploads files under one field name as multipart/form-data, with other form fields and the CSRF
   * token.
   */
  public HttpResponse<String> upload(
      String path, String field, Map<String, String> fields, FilePart... files) {
    String boundary = "----test" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> parts = new java.util.LinkedHashMap<>(fields);
    if (csrf != null) {
      parts.put("_csrf", csrf);
    }
    for (Map.Entry<String, String> part : parts.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part.getKey()
                  + "\"\r\n\r\n"
                  + part.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (FilePart file : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\""
                  + file.filename()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher matcher = CSRF.matcher(response.body());
      if (matcher.find()) {
        csrf = matcher.group(1);
      }
      return response;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }
}
