package id.go.kecamatan.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address residents reach the site at: {@code layanan.letters.public-url}, or when that is not
 * set the address of the current web request (or this server on localhost, outside a web request).
 * Every link that leaves the site starts with it: letters' QR codes, messages, posters, printed
 * tickets, shared pages; so a link made while an officer works over an internal address still works
 * for a resident.
 */
@Component
public class PublicAddress {

  private final String configured;
  private final Environment environment;

  public PublicAddress(
      @Value("${layanan.letters.public-url:}") String configured, Environment environment) {
    this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    this.environment = environment;
  }

  /** The site's address without a trailing slash, e.g. {@code https://layanan.example.go.id}. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : "http://localhost:" + port();
  }

  /**
   * This server's port: the one it listens on, or before it listens (the demo's letters are signed
   * while the application starts) the one it is configured to take.
   */
  private String port() {
    String listening = environment.getProperty("local.server.port");
    if (listening != null) {
      return listening;
    }
    String configured = environment.getProperty("server.port", "8080");
    return configured.equals("0") ? "8080" : configured;
  }

  /** The address of a page: {@code path} with its {@code {variables}} expanded. */
  public String of(String path, Object... values) {
    return UriComponentsBuilder.fromUriString(base())
        .path(path)
        .buildAndExpand(values)
        .toUriString();
  }
}
