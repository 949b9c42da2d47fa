package id.go.kecamatan.shared.startup;

import java.util.List;

/** The settings a node needs are missing or wrong; every problem is listed. */
public class InvalidSettingsException extends RuntimeException {

  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super("The settings are incomplete or wrong: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
