package id.go.kecamatan.shared.db;

import id.go.kecamatan.shared.db.EmbeddedPostgresConfiguration.EmbeddedSettings;
import id.go.kecamatan.shared.startup.StartupChecks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Begins the embedded PostgreSQL on a thread of its own as soon as the settings are known (before
 * the application context is even created), so that the server starts while the context is built;
 * {@link EmbeddedPostgresConfiguration} takes the server when the {@code DataSource} is made,
 * waiting only for what is left of its start. Registered by the application's {@code main} (ADR
 * 0037): tests' contexts, whose settings may still change after this event ({@code
 * DynamicPropertySource}), start the server when the {@code DataSource} is made, as before.
 *
 * <p>Nothing is begun when an external database is configured or when the settings are invalid (the
 * context then fails with the list of problems, {@link StartupChecks}, and no server is started). A
 * server begun but not taken, because the start failed or the context did not need it, is stopped.
 */
public final class EmbeddedPostgresEarlyStart
    implements ApplicationListener<SpringApplicationEvent> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

  private static final AtomicReference<Begun> BEGUN = new AtomicReference<>();

  private record Begun(EmbeddedSettings settings, CompletableFuture<EmbeddedPostgres> server) {}

  @Override
  public void onApplicationEvent(SpringApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared
        && StartupChecks.problems(prepared.getEnvironment()).isEmpty()) {
      EmbeddedSettings.of(prepared.getEnvironment()).ifPresent(EmbeddedPostgresEarlyStart::begin);
    } else if (event instanceof ApplicationFailedEvent || event instanceof ApplicationReadyEvent) {
      abandon();
    }
  }

  static void begin(EmbeddedSettings settings) {
    CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
    if (!BEGUN.compareAndSet(null, new Begun(settings, server))) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                server.complete(EmbeddedPostgresConfiguration.start(settings));
              } catch (Throwable e) {
                server.completeExceptionally(e);
              }
            },
            "embedded-postgres-start");
    // not a daemon: a JVM whose start failed waits for the server so that it can stop it
    thread.start();
  }

  /**
   * The server begun for these settings, once it has started (rethrowing why it could not); empty
   * when none was begun, and a server begun for other settings is stopped.
   */
  static Optional<EmbeddedPostgres> take(EmbeddedSettings settings) throws IOException {
    Begun begun = BEGUN.getAndSet(null);
    if (begun == null) {
      return Optional.empty();
    }
    if (!begun.settings().equals(settings)) {
      stop(begun);
      return Optional.empty();
    }
    try {
      return Optional.of(begun.server().join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** Stops a server begun and not taken. */
  static void abandon() {
    Begun begun = BEGUN.getAndSet(null);
    if (begun != null) {
      stop(begun);
    }
  }

  private static void stop(Begun begun) {
    try {
      begun.server().join().close();
      log.info("Stopped the embedded PostgreSQL begun in {}", begun.settings().dataDir());
    } catch (CompletionException notStarted) {
      // it did not start: nothing to stop
    } catch (IOException e) {
      log.warn(
          "The embedded PostgreSQL begun in {} did not stop cleanly",
          begun.settings().dataDir(),
          e);
    }
  }
}
