package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.content.NoticeText.Block;
import id.go.kecamatan.content.NoticeText.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeTextTests {

  @Test
  void headingsListsAndParagraphsAreReadFromPlainText() {
    List<Block> blocks =
        NoticeText.blocks(
            "Pembuka baris satu\r\nbaris dua\n\n## Data yang disimpan\n- NIK\n- Nama\nSetelah daftar"
                + "\n\n\n   \nPenutup");

    assertThat(blocks)
        .containsExactly(
            new Block(Kind.PARAGRAPH, "Pembuka baris satu baris dua", List.of()),
            new Block(Kind.HEADING, "Data yang disimpan", List.of()),
            new Block(Kind.LIST, "", List.of("NIK", "Nama")),
            new Block(Kind.PARAGRAPH, "Setelah daftar", List.of()),
            new Block(Kind.PARAGRAPH, "Penutup", List.of()));
  }

  @Test
  void markupStaysTextForTheTemplateToEscape() {
    assertThat(NoticeText.blocks("<b>tebal</b> & <script>alert(1)</script>"))
        .containsExactly(
            new Block(Kind.PARAGRAPH, "<b>tebal</b> & <script>alert(1)</script>", List.of()));
  }

  @Test
  void anEmptyTextHasNoBlocks() {
    assertThat(NoticeText.blocks("\n\n  \n")).isEmpty();
  }
}
