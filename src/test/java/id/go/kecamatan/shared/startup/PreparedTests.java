package id.go.kecamatan.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PreparedTests {

  @Test
  void theWorkRunsOnItsOwnThreadAndTheFirstUseWaitsForIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    Prepared<String> value =
        Prepared.begin(
            "prepared-test",
            () -> {
              thread.set(Thread.currentThread().getName());
              release.await();
              return "ready";
            });
    release.countDown();
    assertThat(value.get()).isEqualTo("ready");
    assertThat(value.get()).isEqualTo("ready");
    assertThat(thread.get()).isEqualTo("prepared-test");
  }

  @Test
  void aFailureIsThrownAtEveryUseUncheckedAsItWasCheckedWrapped() {
    Prepared<String> unchecked =
        Prepared.begin(
            "prepared-test",
            () -> {
              throw new IllegalArgumentException("wrong secret");
            });
    assertThatThrownBy(unchecked::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wrong secret");
    assertThatThrownBy(unchecked::get).isInstanceOf(IllegalArgumentException.class);

    Prepared<String> checked =
        Prepared.begin(
            "prepared-test",
            () -> {
              throw new IOException("dataset missing");
            });
    assertThatThrownBy(checked::get)
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(IOException.class)
        .hasRootCauseMessage("dataset missing");
  }
}
