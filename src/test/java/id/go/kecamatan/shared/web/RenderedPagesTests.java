package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import gg.jte.output.Utf8ByteOutput;
import id.go.kecamatan.shared.db.TableChanges;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * When a kept page is sent from memory, and when it is rendered again (and by how many requests).
 */
class RenderedPagesTests {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicLong version = new AtomicLong(1);
  private final AtomicReference<String> content = new AtomicReference<>("version 1");
  private final AtomicInteger rendered = new AtomicInteger();
  private final RenderedPages pages;

  RenderedPagesTests() {
    TableChanges changes = mock(TableChanges.class);
    when(changes.listening()).thenReturn(true);
    when(changes.version()).thenAnswer(call -> version.get());
    pages =
        new RenderedPages(
            changes,
            new StaticListableBeanFactory().getBeanProvider(ServedFromMemory.class),
            false,
            now::get);
  }

  /** A view marked public rendering the current content (status as given). */
  private FilterChain view(int status, CountDownLatch entered, CountDownLatch release) {
    return (request, response) -> {
      rendered.incrementAndGet();
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String body = content.get();
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(status);
      if (status == 200) {
        Utf8ByteOutput page = new Utf8ByteOutput();
        page.writeContent(body);
        request.setAttribute(
            RenderedPages.RENDERED,
            new RenderedPages.Rendered(page, "\"" + body.hashCode() + "\""));
      }
      http.setContentType("text/html;charset=UTF-8");
      http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    };
  }

  private FilterChain view() {
    return view(200, new CountDownLatch(1), new CountDownLatch(0));
  }

  private String get(FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/kecamatan/jetis");
    MockHttpServletResponse response = new MockHttpServletResponse();
    pages.doFilter(request, response, chain);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  /** A request whose view is rendering (returns once it is) and ends when released. */
  private CompletableFuture<String> renderingUntil(CountDownLatch release) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<String> request =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return get(view(200, entered, release));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    return request;
  }

  private void later(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void aPageASecondOldIsRenderedAgainByOneRequestWhileTheOthersGetItAsItWas() throws Exception {
    assertThat(get(view())).isEqualTo("version 1");
    assertThat(get(view())).as("from memory").isEqualTo("version 1");
    assertThat(rendered).hasValue(1);

    later(RenderedPages.FRESH.plusMillis(1));
    content.set("version 2");
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> renewal = renderingUntil(release);
    // while one request renders it again, the others get the page as it was, not rendered
    assertThat(get(view())).isEqualTo("version 1");
    assertThat(get(view())).isEqualTo("version 1");
    assertThat(rendered).hasValue(2);

    release.countDown();
    assertThat(renewal.get(10, TimeUnit.SECONDS)).isEqualTo("version 2");
    assertThat(get(view())).as("the renewed page, from memory").isEqualTo("version 2");
    assertThat(rendered).hasValue(2);
  }

  @Test
  void aPageWhoseMemosChangedIsRenderedAgainByEveryRequestUntilKept() throws Exception {
    get(view());
    version.incrementAndGet();
    content.set("changed by an admin");
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = renderingUntil(release);
    assertThat(get(view()))
        .as("never the page from before the change")
        .isEqualTo("changed by an admin");
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("changed by an admin");
    assertThat(rendered).hasValue(3);
  }

  @Test
  void aRenewalThatCannotBeKeptDropsThePageKept() throws Exception {
    get(view());
    later(RenderedPages.FRESH.plusMillis(1));
    content.set("gone");
    assertThat(get(view(404, new CountDownLatch(1), new CountDownLatch(0)))).isEqualTo("gone");
    assertThat(get(view(404, new CountDownLatch(1), new CountDownLatch(0))))
        .as("rendered, not the page kept before")
        .isEqualTo("gone");
    assertThat(rendered).hasValue(3);
    assertThat(pages.size()).isZero();
  }
}
