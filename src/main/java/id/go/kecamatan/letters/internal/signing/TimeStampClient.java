package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.shared.Sha256;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 time-stamp authority over HTTP: the signature time-stamp of PAdES baseline B-T. Any
 * failure is a {@link SigningUnavailableException}: a letter is not issued without its time-stamp
 * when one is configured.
 */
public final class TimeStampClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  public TimeStampClient(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The DER-encoded time-stamp token over the SHA-256 of {@code signature}. */
  public byte[] stamp(byte[] signature) {
    try {
      TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
      generator.setCertReq(true);
      TimeStampRequest request =
          generator.generate(
              TSPAlgorithms.SHA256, Sha256.of(signature), new BigInteger(63, RANDOM));
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(timeout)
                  .header("Content-Type", "application/timestamp-query")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new SigningUnavailableException(
            "The time-stamp authority answered HTTP " + answer.statusCode());
      }
      TimeStampResponse response = new TimeStampResponse(answer.body());
      response.validate(request);
      TimeStampToken token = response.getTimeStampToken();
      if (token == null) {
        throw new SigningUnavailableException(
            "The time-stamp authority refused: " + response.getStatusString());
      }
      return token.getEncoded();
    } catch (IOException | TSPException e) {
      throw new SigningUnavailableException(
          "The time-stamp authority failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SigningUnavailableException("Interrupted while waiting for a time-stamp", e);
    }
  }
}
