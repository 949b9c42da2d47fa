package id.go.kecamatan.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.DigestUtils;

/**
 * The addresses of the stylesheets and scripts under {@code static/css} and {@code static/js} with
 * their content's hash in the name ({@code /css/app.css} becomes {@code /css/app-<md5>.css}): such
 * an address names one content for ever, so browsers keep it a year without asking again, and a
 * changed file gets a new address. The hash is Spring's content version ({@code
 * ContentVersionStrategy}), which the resource handler checks before serving ({@link
 * WebConfiguration}); the plain address still works, with a short lifetime.
 */
public final class Assets {

  /** How a hashed name ends: {@code -} and the 32 hex digits of the MD5 before the extension. */
  static final String HASH = "-" + "?".repeat(32);

  /** The directories whose files are served under hashed names. */
  static final String[] DIRECTORIES = {"css", "js"};

  private static final Pattern ASSET = Pattern.compile("^/(css|js)/([^/]+)\\.(css|js)$");
  private static final Map<String, String> URLS = new ConcurrentHashMap<>();

  private Assets() {}

  /** The hashed address of {@code path} ({@code /css/app.css}); any other path as it is. */
  public static String url(String path) {
    Matcher asset = ASSET.matcher(path);
    if (!asset.matches()) {
      return path;
    }
    return URLS.computeIfAbsent(
        path,
        p -> {
          try (InputStream in = Assets.class.getResourceAsStream("/static" + p)) {
            if (in == null) {
              return p;
            }
            String hash = DigestUtils.md5DigestAsHex(in);
            return "/" + asset.group(1) + "/" + asset.group(2) + "-" + hash + "." + asset.group(3);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
