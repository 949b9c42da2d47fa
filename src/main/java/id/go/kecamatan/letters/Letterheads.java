package id.go.kecamatan.letters;

import id.go.kecamatan.letters.internal.render.LetterRenderer;
import id.go.kecamatan.shared.pdf.Letterhead;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The office's letterhead (kop surat: its lines, or the default ones, and its logo prepared for
 * print) exactly as its letters print it, for another module's official PDF (the monthly statistics
 * report).
 */
@Service
public class Letterheads {

  private final LetterRenderer renderer;

  Letterheads(LetterRenderer renderer) {
    this.renderer = renderer;
  }

  public Letterhead of(UUID officeId) {
    return renderer.letterhead(officeId);
  }
}
