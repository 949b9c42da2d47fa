package id.go.kecamatan.letters;

import id.go.kecamatan.letters.internal.LetterWorkers;
import id.go.kecamatan.letters.internal.signing.SigningSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The signer's key being opened on a letter worker while a batch's first letters are laid out;
 * closing waits for it and closes the session if it opened, so that the passphrase is no longer
 * read when the batch ends.
 */
final class KeyOpening implements AutoCloseable {

  private final CompletableFuture<SigningSession> opened;

  KeyOpening(Supplier<SigningSession> open) {
    this.opened = LetterWorkers.supply(open);
  }

  CompletableFuture<SigningSession> opened() {
    return opened;
  }

  /** The open session, or the failure of opening it as thrown there. */
  SigningSession get() {
    return result(opened);
  }

  @Override
  public void close() {
    SigningSession session;
    try {
      session = get();
    } catch (RuntimeException | Error e) {
      return;
    }
    session.close();
  }

  /** What a letter worker made, or its failure as thrown there. */
  static <T> T result(Future<T> made) {
    try {
      return made.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a letter was signed", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
