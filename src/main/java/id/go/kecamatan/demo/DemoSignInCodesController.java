package id.go.kecamatan.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo only: the page where a demo user reads the portal sign-in code that a real deployment
 * would send by WhatsApp, SMS or e-mail. The page says that it exists only in the demo; outside the
 * demo the address is unknown (404).
 */
@Controller
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoSignInCodesController {

  private final DemoSignInCodes codes;
  private final DemoAuthenticator authenticator;

  DemoSignInCodesController(DemoSignInCodes codes, DemoAuthenticator authenticator) {
    this.codes = codes;
    this.authenticator = authenticator;
  }

  @GetMapping("/demo/kode-masuk")
  String codes(Model model) {
    model.addAttribute("codes", codes.valid());
    model.addAttribute("staffAccounts", authenticator.accounts());
    model.addAttribute("password", DemoData.PASSWORD);
    return "demo/codes";
  }
}
