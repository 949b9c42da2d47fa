package id.go.kecamatan.shared.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports {@link InvalidSettingsException} as the one message of a failed start, no stack trace.
 */
class InvalidSettingsAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
    StringBuilder description = new StringBuilder("Layanan Kecamatan cannot start:\n");
    for (String problem : cause.problems()) {
      description.append("\n  - ").append(problem);
    }
    return new FailureAnalysis(
        description.toString(),
        "Set the settings named above (as environment variables or in application.yml) and start"
            + " again. The README's \"Operations\" section lists every setting a node needs.",
        null);
  }
}
