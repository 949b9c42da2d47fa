package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Told of each public page {@link RenderedPages} sends from memory, which skips every filter and
 * interceptor behind it: a filter that counts or records answers (the page-visit counts) does here
 * what it does after the chain, with the answer's status, type and headers already set.
 */
public interface ServedFromMemory {

  void served(HttpServletRequest request, HttpServletResponse response);
}
