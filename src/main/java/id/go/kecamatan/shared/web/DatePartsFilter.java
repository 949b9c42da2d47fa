package id.go.kecamatan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Dates people know by heart (a birth date) are typed as three fields, day, month and year, as
 * GOV.UK's date input does ({@code form/date.jte}), not with a date picker whose format differs
 * from phone to phone. A posted form with {@code <name>-day}, {@code <name>-month} and {@code
 * <name>-year} gets the parameter {@code <name>} as {@code year-month-day} (day and month of one
 * digit padded), so every controller and rule reads one date as before and the API keeps its ISO
 * dates. Parts that are not numbers are passed on as typed, and the date's rule refuses them.
 */
@Component
@Order(-130)
public class DatePartsFilter extends OncePerRequestFilter {

  static final String DAY = "-day";
  static final String MONTH = "-month";
  static final String YEAR = "-year";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod()) || !hasDayPart(request)) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    for (String name : request.getParameterMap().keySet()) {
      if (name.endsWith(DAY)) {
        String date = name.substring(0, name.length() - DAY.length());
        if (!parameters.containsKey(date)) {
          parameters.put(
              date,
              new String[] {
                combine(
                    request.getParameter(name),
                    request.getParameter(date + MONTH),
                    request.getParameter(date + YEAR))
              });
        }
      }
    }
    Map<String, String[]> combined = Collections.unmodifiableMap(parameters);
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getParameter(String name) {
            String[] values = combined.get(name);
            return values == null || values.length == 0 ? null : values[0];
          }

          @Override
          public Map<String, String[]> getParameterMap() {
            return combined;
          }

          @Override
          public Enumeration<String> getParameterNames() {
            return Collections.enumeration(combined.keySet());
          }

          @Override
          public String[] getParameterValues(String name) {
            return combined.get(name);
          }
        },
        response);
  }

  private static boolean hasDayPart(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    for (String name : request.getParameterMap().keySet()) {
      if (name.endsWith(DAY)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The date of these parts as {@code year-month-day}; empty when all three are empty (the rule
   * says it is required), the parts as typed when any is not a number.
   */
  public static String combine(String day, String month, String year) {
    String d = part(day);
    String m = part(month);
    String y = part(year);
    if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
      return "";
    }
    return y + "-" + pad(m) + "-" + pad(d);
  }

  /** The three parts of a stored {@code year-month-day} (or of what was typed), for the fields. */
  public static String[] split(String date) {
    if (date == null || date.isBlank()) {
      return new String[] {"", "", ""};
    }
    String[] parts = date.split("-", -1);
    if (parts.length != 3) {
      return new String[] {"", "", ""};
    }
    return new String[] {strip(parts[2]), strip(parts[1]), parts[0]};
  }

  private static String part(String value) {
    // a dash would move the parts; people type none in a day, a month or a year
    return value == null ? "" : value.strip().replace("-", "");
  }

  private static String pad(String part) {
    return part.length() == 1 && Character.isDigit(part.charAt(0)) ? "0" + part : part;
  }

  private static String strip(String part) {
    return part.length() == 2 && part.charAt(0) == '0' ? part.substring(1) : part;
  }
}
