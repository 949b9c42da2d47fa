package id.go.kecamatan.letters;

import java.util.List;
import java.util.UUID;

/**
 * Documents of other modules waiting for a signer of the office (signed through {@link
 * DocumentSigning} on their own page), listed above the letters in the signing queue so that the
 * signer finds everything to sign in one place. A module that has such documents offers a bean.
 */
public interface SigningTasks {

  /**
   * One document waiting.
   *
   * @param labelKey the message key of its label, with {@code args}
   * @param path the page where it is signed
   */
  record Task(String labelKey, List<Object> args, String path) {}

  /** The office's documents waiting for the signature, oldest first. */
  List<Task> waiting(UUID officeId);
}
