package id.go.kecamatan.notifications.web;

import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.internal.MessageKind;
import id.go.kecamatan.notifications.internal.MessageTemplates;
import id.go.kecamatan.notifications.internal.SampleValues;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's message templates (templat pesan): the list of every kind and channel,
 * the editor with its placeholders and a preview written with sample data (the Pratinjau button, no
 * JavaScript needed), and reset to the shipped default. The office is always the signed-in
 * administrator's: no address names another office's templates.
 */
@Controller
class MessageTemplateController {

  static final String BASE = "/admin/pesan/templat";

  private final MessageTemplates templates;
  private final SampleValues samples;
  private final Offices offices;
  private final MessageSource messages;

  MessageTemplateController(
      MessageTemplates templates, SampleValues samples, Offices offices, MessageSource messages) {
    this.templates = templates;
    this.samples = samples;
    this.offices = offices;
    this.messages = messages;
  }

  @GetMapping(BASE)
  String list(Model model, Locale locale) {
    List<TemplateRow> rows =
        templates.all(officeId()).stream()
            .map(
                t ->
                    new TemplateRow(
                        kindName(t.kind(), locale),
                        channelName(t.channel(), locale),
                        url(t.kind(), t.channel()),
                        t.own()))
            .toList();
    model.addAttribute("rows", rows);
    return "notifications/templates";
  }

  @GetMapping(BASE + "/{kind}/{channel}")
  String edit(@PathVariable String kind, @PathVariable String channel, Model model, Locale locale) {
    MessageKind k = kind(kind);
    Channel c = channel(k, channel);
    MessageTemplates.Effective effective = templates.effective(officeId(), k, c);
    TemplateForm form =
        new TemplateForm(effective.subject(), effective.text(), effective.version());
    return editPage(model, locale, k, c, form, new FieldErrors(), false);
  }

  @PostMapping(BASE + "/{kind}/{channel}")
  String save(
      @PathVariable String kind,
      @PathVariable String channel,
      @RequestParam(required = false) String subject,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(required = false) Integer version,
      @RequestParam(defaultValue = "simpan") String action,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    MessageKind k = kind(kind);
    Channel c = channel(k, channel);
    TemplateForm form =
        new TemplateForm(
            c == Channel.EMAIL ? MessageTemplates.normalise(subject) : null,
            MessageTemplates.normalise(text),
            version);
    Map<String, String> sample = samples.of(office());
    if (action.equals("pratinjau")) {
      FieldErrors errors = MessageTemplates.check(k, c, form.subject(), form.text(), sample);
      return editPage(model, locale, k, c, form, errors, true);
    }
    Outcome<MessageTemplates.Effective> saved =
        templates.save(officeId(), k, c, form.subject(), form.text(), version, sample);
    if (!saved.ok()) {
      return editPage(model, locale, k, c, form, saved.errors(), true);
    }
    redirect.addFlashAttribute("notice", "notificationTemplates.saved");
    return "redirect:" + url(k, c);
  }

  @PostMapping(BASE + "/{kind}/{channel}/reset")
  String reset(
      @PathVariable String kind, @PathVariable String channel, RedirectAttributes redirect) {
    MessageKind k = kind(kind);
    Channel c = channel(k, channel);
    templates.reset(officeId(), k, c);
    redirect.addFlashAttribute("notice", "notificationTemplates.resetDone");
    return "redirect:" + url(k, c);
  }

  private String editPage(
      Model model,
      Locale locale,
      MessageKind kind,
      Channel channel,
      TemplateForm form,
      FieldErrors errors,
      boolean unsaved) {
    Map<String, String> sample = samples.of(office());
    MessageTemplates.Rendered preview = null;
    if (!errors.any()) {
      preview =
          MessageTemplates.render(
              new MessageTemplates.Effective(
                  kind, channel, form.subject(), form.text(), false, null),
              sample);
    }
    model.addAttribute("kindName", kindName(kind, locale));
    model.addAttribute("channelName", channelName(channel, locale));
    model.addAttribute("action", url(kind, channel));
    model.addAttribute("email", channel == Channel.EMAIL);
    model.addAttribute("sms", channel == Channel.SMS);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("own", templates.effective(officeId(), kind, channel).own());
    model.addAttribute(
        "placeholders",
        kind.placeholders().stream()
            .map(
                name ->
                    new PlaceholderRow(
                        name,
                        messages.getMessage("notificationTemplates.ph." + name, null, locale)))
            .toList());
    model.addAttribute("preview", preview);
    model.addAttribute("unsaved", unsaved);
    return "notifications/template-edit";
  }

  private String kindName(MessageKind kind, Locale locale) {
    return messages.getMessage("notificationTemplates.kind." + kind.code(), null, locale);
  }

  private String channelName(Channel channel, Locale locale) {
    return messages.getMessage("notificationTemplates.channel." + channel.name(), null, locale);
  }

  static String url(MessageKind kind, Channel channel) {
    return BASE + "/" + kind.code() + "/" + channel.name().toLowerCase(Locale.ROOT);
  }

  private static MessageKind kind(String code) {
    return MessageKind.byCode(code).orElseThrow(NotFoundException::new);
  }

  private static Channel channel(MessageKind kind, String name) {
    for (Channel channel : kind.channels()) {
      if (channel.name().toLowerCase(Locale.ROOT).equals(name)) {
        return channel;
      }
    }
    throw new NotFoundException();
  }

  private Office office() {
    return offices.get(officeId());
  }

  private static java.util.UUID officeId() {
    return CurrentOfficer.inOffice().officeId();
  }
}
