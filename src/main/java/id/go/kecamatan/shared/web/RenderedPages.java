package id.go.kecamatan.shared.web;

import gg.jte.output.Utf8ByteOutput;
import id.go.kecamatan.shared.db.TableChanges;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Public pages kept as an anonymous visitor received them, and sent again from memory to the next
 * anonymous visitor of the same address, ahead of Spring Security, the handler lookup and the
 * template: a page is kept when its controller marked it public ({@link Revalidation#allow}) and it
 * went out revalidatable (no session, no cookie set, no officer, no kiosk). It is sent from memory
 * only for a GET without {@code Authorization} and without any cookie but the language's (so
 * nobody's session, kiosk or sign-in is at stake; each language's page is kept apart), with the
 * headers it had (the security headers, {@code Cache-Control: no-cache}, its {@code ETag},
 * answering {@code If-None-Match} with 304) and, to a browser that accepts it, as gzip compressed
 * once when it was kept.
 *
 * <p>A kept page is current while no memo of this node dropped anything ({@link
 * TableChanges#version}: every change of the public site's tables on any node, and this node's
 * applications for the demand figures) and for at most {@link #FRESH}, which bounds how late the
 * figures counted on other nodes and the day's banner show. A page a second old is rendered again
 * by one request while the others meanwhile get it as it was (nothing it shows changed: the memos'
 * version is the same), instead of every waiting request rendering it at once; a page whose memos
 * changed is never sent from memory. At most {@link #LIMIT} pages (addresses are anyone's to type);
 * all are dropped when it is reached. The filters behind this one are told of each page sent from
 * memory ({@link ServedFromMemory}: the page-visit counts).
 */
@Component
@Order(RenderedPages.ORDER)
public class RenderedPages extends OncePerRequestFilter {

  /** After the request id, the upload limit and the control characters; before the kiosk. */
  static final int ORDER = -125;

  /** How long a page is kept at most. */
  static final Duration FRESH = Duration.ofSeconds(1);

  /** Pages kept before they are all dropped. */
  static final int LIMIT = 2_000;

  /** The longest query string of a page kept. */
  static final int LONGEST_QUERY = 256;

  /** A cookie header that holds the language cookie alone ({@code WebConfiguration}). */
  private static final Pattern ONLY_LANGUAGE = Pattern.compile("\\s*lang=(id|en)\\s*;?\\s*");

  /** The request attribute with the page a view sent revalidatable ({@link Rendered}). */
  static final String RENDERED = RenderedPages.class.getName() + ".RENDERED";

  /** Headers of the answer not kept: the connector's, and the request's own id. */
  private static final Set<String> NOT_KEPT =
      Set.of(
          "content-length",
          "content-encoding",
          "content-type",
          "transfer-encoding",
          "vary",
          "date",
          "etag",
          "set-cookie",
          "keep-alive",
          "connection",
          RequestIdFilter.HEADER.toLowerCase(Locale.ROOT));

  /** A page as a view rendered it, with its entity tag. */
  record Rendered(Utf8ByteOutput page, String tag) {}

  /** A page kept: its bytes, gzip bytes (or null), tag and headers, and what it was made from. */
  private record Kept(
      byte[] bytes,
      byte[] gzip,
      String tag,
      String contentType,
      List<Map.Entry<String, String>> headers,
      String pattern,
      long version,
      long keptAt) {}

  private final TableChanges changes;
  private final ObjectProvider<ServedFromMemory> listeners;
  private final boolean compression;
  private final Map<String, Kept> pages = new ConcurrentHashMap<>();
  private final Set<String> renewing = ConcurrentHashMap.newKeySet();
  private final LongAdder sent = new LongAdder();
  private final LongSupplier nanoTime;

  @Autowired
  RenderedPages(
      TableChanges changes,
      ObjectProvider<ServedFromMemory> listeners,
      @Value("${server.compression.enabled:false}") boolean compression) {
    this(changes, listeners, compression, System::nanoTime);
  }

  RenderedPages(
      TableChanges changes,
      ObjectProvider<ServedFromMemory> listeners,
      boolean compression,
      LongSupplier nanoTime) {
    this.changes = changes;
    this.listeners = listeners;
    this.compression = compression;
    this.nanoTime = nanoTime;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = key(request);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    Kept kept = pages.get(key);
    long version = changes.version();
    if (kept != null && kept.version() == version) {
      if (nanoTime.getAsLong() - kept.keptAt() < FRESH.toNanos()) {
        send(kept, request, response);
        return;
      }
      if (!renewing.add(key)) {
        // another request is rendering it again: this one gets it as it was a moment ago
        send(kept, request, response);
        return;
      }
      try {
        if (!render(key, request, response, chain, version)) {
          pages.remove(key, kept);
        }
      } finally {
        renewing.remove(key);
      }
      return;
    }
    render(key, request, response, chain, version);
  }

  /** Lets the request through, and keeps the page it rendered when it may; whether it did. */
  private boolean render(
      String key,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      long version)
      throws ServletException, IOException {
    boolean listening = changes.listening();
    chain.doFilter(request, response);
    if (listening
        && request.getAttribute(RENDERED) instanceof Rendered rendered
        && (response.getStatus() == HttpServletResponse.SC_OK
            || response.getStatus() == HttpServletResponse.SC_NOT_MODIFIED)
        && !response.containsHeader(HttpHeaders.SET_COOKIE)
        && request.getSession(false) == null) {
      keep(key, rendered, request, response, version);
      return true;
    }
    return false;
  }

  /**
   * The page's address when it may come from memory: a GET without cookies or credentials and with
   * a short query string; null otherwise.
   */
  private static String key(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return null;
    }
    String language = language(request);
    if (language == null) {
      return null;
    }
    StringBuilder key = new StringBuilder(language).append(' ').append(request.getRequestURL());
    String query = request.getQueryString();
    if (query == null) {
      return key.toString();
    }
    return query.length() > LONGEST_QUERY ? null : key.append('?').append(query).toString();
  }

  /**
   * The language a cookie-less visitor sees ({@code "-"}: the default), or the one a visitor chose
   * when the language cookie is the only cookie sent (that page is the same for everyone who chose
   * it); null for any other cookie.
   */
  private static String language(HttpServletRequest request) {
    Enumeration<String> cookies = request.getHeaders(HttpHeaders.COOKIE);
    if (cookies == null || !cookies.hasMoreElements()) {
      return "-";
    }
    Matcher only = ONLY_LANGUAGE.matcher(cookies.nextElement());
    return only.matches() && !cookies.hasMoreElements() ? only.group(1) : null;
  }

  private void keep(
      String key,
      Rendered rendered,
      HttpServletRequest request,
      HttpServletResponse response,
      long version) {
    byte[] bytes = bytes(rendered.page());
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String name : response.getHeaderNames()) {
      if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : response.getHeaders(name)) {
          headers.add(Map.entry(name, value));
        }
      }
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pages.size() >= LIMIT) {
      pages.clear();
    }
    pages.put(
        key,
        new Kept(
            bytes,
            compression ? gzip(bytes) : null,
            rendered.tag(),
            response.getContentType(),
            List.copyOf(headers),
            pattern instanceof String p ? p : null,
            version,
            nanoTime.getAsLong()));
  }

  private void send(Kept kept, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    sent.increment();
    if (kept.pattern() != null) {
      // the request metrics name the page's route, as when its controller answers
      ServerHttpObservationFilter.findObservationContext(request)
          .ifPresent(context -> context.setPathPattern(kept.pattern()));
    }
    response.setContentType(kept.contentType());
    for (Map.Entry<String, String> header : kept.headers()) {
      response.addHeader(header.getKey(), header.getValue());
    }
    boolean modified = !new ServletWebRequest(request, response).checkNotModified(kept.tag());
    for (ServedFromMemory listener : listeners) {
      listener.served(request, response);
    }
    if (!modified) {
      return;
    }
    byte[] body = kept.bytes();
    if (kept.gzip() != null && acceptsGzip(request)) {
      body = kept.gzip();
      response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
      response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Whether the browser takes gzip (named, and not with {@code q=0}). */
  static boolean acceptsGzip(HttpServletRequest request) {
    String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    if (accepted == null) {
      return false;
    }
    for (String coding : accepted.split(",")) {
      String[] parts = coding.split(";");
      if (parts[0].strip().equalsIgnoreCase("gzip")) {
        return parts.length == 1 || !parts[1].strip().matches("(?i)q=0(\\.0{0,3})?");
      }
    }
    return false;
  }

  private static byte[] bytes(Utf8ByteOutput page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(page.getContentLength());
    try {
      page.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Drops every page kept (tests). */
  void clear() {
    pages.clear();
  }

  /** The number of answers sent from memory so far (tests). */
  long sent() {
    return sent.sum();
  }

  /** The number of pages kept. */
  int size() {
    return pages.size();
  }

  /** Whether a page of this path (with any query string, on any host) is kept. */
  boolean keeps(String path) {
    return pages.keySet().stream()
        .anyMatch(
            key ->
                java.net.URI.create(key.substring(key.indexOf(' ') + 1)).getRawPath().equals(path));
  }
}
