package id.go.kecamatan.content.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.content.FaqItem;
import id.go.kecamatan.content.Faqs;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public questions and answers of an office ({@code /kecamatan/<slug>/tanya-jawab}): its own
 * and its regency's that it shows, general ones first, then per service; searchable by words
 * ({@code ?q=}) and narrowed to one service ({@code ?layanan=<code>}). An item about a service the
 * office does not offer (a regency item) is left out.
 */
@Controller
class FaqPages {

  private final Offices offices;
  private final Catalog catalog;
  private final Faqs faqs;

  FaqPages(Offices offices, Catalog catalog, Faqs faqs) {
    this.offices = offices;
    this.catalog = catalog;
    this.faqs = faqs;
  }

  @GetMapping("/kecamatan/{slug}/tanya-jawab")
  String list(
      @PathVariable String slug,
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "layanan", required = false) String service,
      Model model) {
    Office office = offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
    Map<String, ServiceType> services = new LinkedHashMap<>();
    catalog.activeServices(office.id(), "").forEach(s -> services.put(s.code(), s));
    ServiceType only = service == null ? null : services.get(service);
    String q = Faqs.query(query);
    List<FaqItem> items =
        faqs.published(office.regencyId(), office.id(), only == null ? null : only.code(), q);
    model.addAttribute("office", office);
    model.addAttribute("query", q == null ? "" : q);
    model.addAttribute("service", only);
    List<FaqGroup> groups = groups(items, services);
    model.addAttribute("count", groups.stream().mapToInt(g -> g.items().size()).sum());
    model.addAttribute("groups", groups);
    return "content/faq";
  }

  /** The items grouped: general first, then per service in the office's order of services. */
  static List<FaqGroup> groups(List<FaqItem> items, Map<String, ServiceType> services) {
    List<FaqGroup> groups = new ArrayList<>();
    List<FaqItem> general = items.stream().filter(i -> i.serviceCode() == null).toList();
    if (!general.isEmpty()) {
      groups.add(new FaqGroup(null, general));
    }
    for (ServiceType s : services.values()) {
      List<FaqItem> of = items.stream().filter(i -> s.code().equals(i.serviceCode())).toList();
      if (!of.isEmpty()) {
        groups.add(new FaqGroup(s, of));
      }
    }
    return groups;
  }
}
