package id.go.kecamatan.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a thing does not exist or belongs to another office: both answer 404 so that ids of
 * other offices cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {
  public NotFoundException() {
    super("not found");
  }
}
