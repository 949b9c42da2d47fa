package id.go.kecamatan.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Resolves a view name such as {@code public/office} to the precompiled jte template {@code
 * public/office.jte}. Templates are compiled at build time by the jte Maven plugin.
 */
class JteViewResolver implements ViewResolver, Ordered {

  private final TemplateEngine engine;

  JteViewResolver(TemplateEngine engine) {
    this.engine = engine;
  }

  @Override
  public View resolveViewName(String viewName, Locale locale) {
    if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
      return null;
    }
    String template = viewName + ".jte";
    return engine.hasTemplate(template) ? new JteView(engine, template) : null;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 10;
  }

  private record JteView(TemplateEngine engine, String template) implements View {

    @Override
    public String getContentType() {
      return "text/html;charset=UTF-8";
    }

    @Override
    public void render(
        Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
        throws Exception {
      Utf8ByteOutput output = new Utf8ByteOutput();
      engine.render(template, new HashMap<String, Object>(model), output);
      response.setContentType(getContentType());
      if (!Revalidation.send(request, response, output)) {
        return;
      }
      response.setContentLength(output.getContentLength());
      output.writeTo(response.getOutputStream());
    }
  }
}
