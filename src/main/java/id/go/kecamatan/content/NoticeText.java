package id.go.kecamatan.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A notice's plain text read as simple blocks, never as markup: a line starting with {@code ## } is
 * a heading, lines starting with {@code - } make a list, other lines run into a paragraph until a
 * blank line. Templates escape every block's text.
 */
public final class NoticeText {

  private NoticeText() {}

  /** One block of a notice. */
  public record Block(Kind kind, String text, List<String> items) {}

  /** The kinds of block. */
  public enum Kind {
    HEADING,
    PARAGRAPH,
    LIST
  }

  public static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    List<String> items = new ArrayList<>();
    for (String raw : text.split("\\R", -1)) {
      String line = raw.strip();
      boolean item = line.startsWith("- ");
      boolean heading = line.startsWith("## ");
      if (line.isEmpty() || item || heading) {
        flushParagraph(blocks, paragraph);
      }
      if (!item) {
        flushList(blocks, items);
      }
      if (heading) {
        blocks.add(new Block(Kind.HEADING, line.substring(3).strip(), List.of()));
      } else if (item) {
        items.add(line.substring(2).strip());
      } else if (!line.isEmpty()) {
        if (!paragraph.isEmpty()) {
          paragraph.append(' ');
        }
        paragraph.append(line);
      }
    }
    flushParagraph(blocks, paragraph);
    flushList(blocks, items);
    return blocks;
  }

  private static void flushParagraph(List<Block> blocks, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      blocks.add(new Block(Kind.PARAGRAPH, paragraph.toString(), List.of()));
      paragraph.setLength(0);
    }
  }

  private static void flushList(List<Block> blocks, List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new Block(Kind.LIST, "", List.copyOf(items)));
      items.clear();
    }
  }
}
