package id.go.kecamatan.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The files of a multipart request as {@link Upload}s, their streams open until this is closed (use
 * it in try-with-resources): the resident's pages, the counter's and the API read uploads the same
 * way.
 */
public final class RequestUploads implements AutoCloseable {

  /** Files per requirement are sent as {@code files[<requirementId>]}. */
  private static final Pattern FILES = Pattern.compile("files\\[([0-9a-fA-F\\-]{36})]");

  /** The form field a requirement's files are sent as: {@code files[<requirementId>]}. */
  public static String field(Object requirementId) {
    return "files[" + requirementId + "]";
  }

  /**
   * The field of one of these requirements that {@code named} names (as the upload limit filter
   * names the field of a file over the limit), or null when it names none of them.
   */
  public static String namedField(java.util.Collection<?> requirementIds, String named) {
    if (named == null || named.isBlank()) {
      return null;
    }
    return requirementIds.stream()
        .map(RequestUploads::field)
        .filter(f -> f.equalsIgnoreCase(named))
        .findFirst()
        .orElse(null);
  }

  private final List<InputStream> opened = new ArrayList<>();

  /**
   * The {@code files[<requirementId>]} parts by requirement id (lower case); other parts ignored.
   */
  public Map<String, List<Upload>> byRequirement(HttpServletRequest request) {
    Map<String, List<Upload>> files = new LinkedHashMap<>();
    if (request instanceof MultipartHttpServletRequest multipart) {
      for (Map.Entry<String, List<MultipartFile>> f : multipart.getMultiFileMap().entrySet()) {
        Matcher m = FILES.matcher(f.getKey());
        if (m.matches()) {
          files.put(m.group(1).toLowerCase(Locale.ROOT), of(f.getValue()));
        }
      }
    }
    return files;
  }

  /**
   * The names of the chosen files' parts that are not {@code files[<requirementId>]} (such as
   * {@code files[abc]} or {@code file}): {@link #byRequirement} leaves them out, so an API names
   * them to its client rather than drop a file without a word.
   */
  public static List<String> strayFileParts(HttpServletRequest request) {
    return strayFileParts(request, name -> FILES.matcher(name).matches());
  }

  /** The names of the chosen files' parts that are not {@code expected}. */
  public static List<String> strayFileParts(
      HttpServletRequest request, java.util.function.Predicate<String> expected) {
    List<String> stray = new ArrayList<>();
    if (request instanceof MultipartHttpServletRequest multipart) {
      for (Map.Entry<String, List<MultipartFile>> f : multipart.getMultiFileMap().entrySet()) {
        if (!expected.test(f.getKey()) && f.getValue().stream().anyMatch(RequestUploads::chosen)) {
          stray.add(f.getKey());
        }
      }
    }
    return stray;
  }

  /**
   * Whether a part is a chosen file, not the empty part a form sends for a file input left empty.
   */
  public static boolean chosen(MultipartFile file) {
    String name = file.getOriginalFilename();
    return !file.isEmpty() || (name != null && !name.isBlank());
  }

  /** These files, leaving out the empty parts a form sends for a file input left empty. */
  public List<Upload> of(List<MultipartFile> files) {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!chosen(file)) {
        continue;
      }
      String name = file.getOriginalFilename();
      try {
        InputStream in = file.getInputStream();
        opened.add(in);
        uploads.add(new Upload(name, file.getContentType(), in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploads;
  }

  @Override
  public void close() {
    for (InputStream in : opened) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the request's temporary files go with it
      }
    }
  }
}
