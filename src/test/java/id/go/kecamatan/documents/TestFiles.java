package id.go.kecamatan.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Files made on the spot for upload tests: photos with EXIF and GPS, crafted PNGs, PDFs. */
public final class TestFiles {

  /** The camera maker written into the EXIF block, to look for after re-encoding. */
  public static final String CAMERA = "SpyCam-GPS-Leak";

  /** A 1×1 lossy WebP (VP8). */
  public static final byte[] WEBP_LOSSY =
      Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

  /** A 1×1 lossless WebP (VP8L). */
  public static final byte[] WEBP_LOSSLESS =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private TestFiles() {}

  /** A photo: left half red, right half blue, so its orientation can be checked. */
  public static BufferedImage photo(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  /** The image's pixels drawn into an image of another type (exactly, for opaque 8-bit types). */
  public static BufferedImage asType(BufferedImage image, int type) {
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
    Graphics2D g = copy.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return copy;
  }

  /** An image of one colour. */
  public static BufferedImage filled(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  public static byte[] jpeg(BufferedImage image) {
    return write(image, "jpeg");
  }

  public static byte[] png(BufferedImage image) {
    return write(image, "png");
  }

  /**
   * A JPEG whose APP1 segment carries an EXIF block with an orientation, the camera maker and a GPS
   * position (7°33'S), written by hand: big-endian TIFF, IFD0 (Make, Orientation, GPS pointer), GPS
   * IFD (latitude reference and latitude).
   */
  public static byte[] jpegWithExif(BufferedImage image, int orientation) {
    return withExif(jpeg(image), orientation);
  }

  /** The JPEG with the EXIF block of {@link #jpegWithExif} put in front of its segments. */
  public static byte[] withExif(byte[] plain, int orientation) {
    byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(200);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    int ifd0 = 8;
    int ifd0Size = 2 + 3 * 12 + 4;
    int gpsIfd = ifd0 + ifd0Size;
    int gpsSize = 2 + 2 * 12 + 4;
    int latitude = gpsIfd + gpsSize;
    int makeOffset = latitude + 24;
    tiff.putShort((short) 3);
    tiff.putShort((short) 0x010f).putShort((short) 2).putInt(make.length).putInt(makeOffset);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    tiff.putInt(0);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitude);
    tiff.putInt(0);
    tiff.putInt(7).putInt(1).putInt(33).putInt(1).putInt(0).putInt(1);
    tiff.put(make);
    byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + exifHeader.length + tiffBytes.length;
    out.write(0xff);
    out.write(0xe1);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(exifHeader);
    out.writeBytes(tiffBytes);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /**
   * A PNG whose header declares {@code width}×{@code height} RGBA pixels (with a valid CRC) but
   * carries almost no data: a decompression bomb as far as a header reader can tell.
   */
  public static byte[] pngDeclaring(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 6)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * A real PNG of one colour, made row by row without ever holding its pixels: {@code bitDepth} 8
   * or 16, {@code rgba} with an opaque alpha channel or plain RGB. A 7,000 × 7,000 16-bit RGBA one
   * (392 MB decoded) compresses to about 400 KB.
   */
  public static byte[] plainPng(int width, int height, int bitDepth, boolean rgba) {
    int channels = rgba ? 4 : 3;
    int sampleBytes = bitDepth / 8;
    byte[] first = new byte[1 + width * channels * sampleBytes];
    java.util.Arrays.fill(first, (byte) 0x9c); // a grey-blue, opaque where there is alpha
    first[0] = 0; // filter: none
    byte[] next = new byte[first.length];
    next[0] = 2; // filter: up, so every further row is zeros and repeats the first
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
    try (java.util.zip.DeflaterOutputStream z =
        new java.util.zip.DeflaterOutputStream(idat, deflater, 64 * 1024)) {
      z.write(first);
      for (int y = 1; y < height; y++) {
        z.write(next);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) bitDepth)
            .put((byte) (rgba ? 6 : 2))
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] sixteenBitBomb;

  /** 7,000 × 7,000 pixels of 16-bit RGBA: 49 megapixels, 392 MB decoded; made once per run. */
  public static synchronized byte[] sixteenBitPng() {
    if (sixteenBitBomb == null) {
      sixteenBitBomb = plainPng(7000, 7000, 16, true);
    }
    return sixteenBitBomb;
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A PNG with a transparent half. */
  public static byte[] transparentPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.GREEN);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    return png(image);
  }

  /** A PDF of {@code pages} empty A4 pages. */
  public static byte[] pdf(int pages) {
    try (PDDocument pdf = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        pdf.addPage(new PDPage());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A one-page PDF that runs JavaScript when opened (open action and the document's JavaScript name
   * tree), launches a program when its page opens and from a link, and has a harmless web link and
   * text {@code marker}.
   */
  public static byte[] activePdf(String marker) {
    try (PDDocument pdf = new PDDocument()) {
      org.apache.pdfbox.pdmodel.PDPage page = new PDPage();
      pdf.addPage(page);
      try (org.apache.pdfbox.pdmodel.PDPageContentStream text =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
        text.beginText();
        text.setFont(
            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
            12);
        text.newLineAtOffset(72, 700);
        text.showText(marker);
        text.endText();
      }
      var catalog = pdf.getDocumentCatalog();
      catalog.setOpenAction(
          new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('open')"));
      var scripts = new org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode();
      scripts.setNames(
          java.util.Map.of(
              "init",
              new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript(
                  "app.alert('names')")));
      var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(catalog);
      names.setJavascript(scripts);
      catalog.setNames(names);
      page.getActions().setO(launch("calc.exe"));
      var link = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
      link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 600, 100, 20));
      link.setAction(launch("cmd.exe"));
      var web = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
      web.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 500, 100, 20));
      var uri = new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
      uri.setURI("https://kecamatan.example.id/");
      web.setAction(uri);
      page.getAnnotations().add(link);
      page.getAnnotations().add(web);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch launch(String file) {
    var launch = new org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch();
    var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification();
    spec.setFile(file);
    launch.setFile(spec);
    return launch;
  }

  /** A PDF encrypted with a user password (needed to open it) or only an owner password. */
  public static byte[] encryptedPdf(String userPassword) {
    try (PDDocument pdf = new PDDocument()) {
      pdf.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      pdf.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The start of a Linux executable (ELF, x86-64), padded. */
  public static byte[] elf() {
    byte[] bytes = new byte[512];
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, bytes, 0, 8);
    bytes[16] = 2;
    bytes[18] = 0x3e;
    return bytes;
  }

  /** The start of a Windows executable (MZ/PE), padded. */
  public static byte[] windowsExecutable() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[2] = (byte) 0x90;
    bytes[4] = 3;
    bytes[8] = 4;
    bytes[12] = (byte) 0xff;
    bytes[13] = (byte) 0xff;
    return bytes;
  }

  /** Bytes without end, made as they are read, counting how many were. */
  public static final class EndlessStream extends InputStream {
    public long read;

    @Override
    public int read() {
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'x');
      read += len;
      return len;
    }
  }

  /** Whether {@code needle} occurs in {@code haystack}. */
  public static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The markers of a JPEG's segments before its image data (e.g. 0xffe0 APP0, 0xffe1 APP1). */
  public static java.util.List<Integer> jpegMarkers(byte[] jpeg) {
    java.util.List<Integer> markers = new java.util.ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
      int marker = ((jpeg[i] & 0xff) << 8) | (jpeg[i + 1] & 0xff);
      markers.add(marker);
      if (marker == 0xffda) {
        break;
      }
      int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
      i += 2 + length;
    }
    return markers;
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Something a phone camera would see of a document on a table: soft light gradients, a card with
   * lines of text, shapes, and sensor noise, so the JPEG compresses like a photo and not like a
   * flat test pattern.
   */
  public static BufferedImage photoLike(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, new Color(120, 96, 70), width, height, new Color(60, 48, 40)));
    g.fillRect(0, 0, width, height);
    int cardX = width / 8;
    int cardY = height / 6;
    int cardW = width * 3 / 4;
    int cardH = height * 2 / 3;
    g.setPaint(
        new GradientPaint(
            cardX,
            cardY,
            new Color(170, 200, 230),
            cardX + cardW,
            cardY + cardH,
            new Color(120, 160, 210)));
    g.fillRoundRect(cardX, cardY, cardW, cardH, 80, 80);
    g.setColor(new Color(230, 230, 225));
    g.fillRect(cardX + cardW * 3 / 4, cardY + cardH / 5, cardW / 6, cardH / 2);
    g.setColor(new Color(25, 25, 35));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 40));
    String[] lines = {
      "PROVINSI JAWA TIMUR",
      "KABUPATEN MOJOKERTO",
      "NIK : 3516164101900001",
      "Nama : SITI AMINAH",
      "Tempat/Tgl Lahir : MOJOKERTO, 01-01-1990",
      "Alamat : DUSUN JETIS RT 001 RW 002",
      "Agama : ISLAM",
      "Pekerjaan : WIRASWASTA",
      "Berlaku Hingga : SEUMUR HIDUP"
    };
    for (int i = 0; i < lines.length; i++) {
      g.drawString(lines[i], cardX + cardW / 20, cardY + cardH / 8 + i * cardH / 11);
    }
    g.dispose();
    Random random = new Random(seed);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int noise = (int) (random.nextGaussian() * 3);
        int p = row[x];
        int r = clamp(((p >> 16) & 0xff) + noise);
        int gr = clamp(((p >> 8) & 0xff) + noise);
        int b = clamp((p & 0xff) + noise);
        row[x] = (r << 16) | (gr << 8) | b;
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return image;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** The image as a JPEG at the quality that comes closest to {@code bytes} (bisection). */
  public static byte[] jpegOfAbout(BufferedImage image, int bytes) {
    float low = 0.02f;
    float high = 0.95f;
    byte[] best = null;
    for (int i = 0; i < 8; i++) {
      float q = (low + high) / 2;
      byte[] jpeg = jpegAt(image, q);
      if (best == null || Math.abs(jpeg.length - bytes) < Math.abs(best.length - bytes)) {
        best = jpeg;
      }
      if (jpeg.length > bytes) {
        high = q;
      } else {
        low = q;
      }
    }
    return best;
  }

  private static byte[] jpegAt(BufferedImage image, float quality) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
