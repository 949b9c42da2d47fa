package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.letters.internal.render.SignatureBox;
import id.go.kecamatan.shared.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B-B (B-T with a time-stamp authority): a visible signature field
 * over the signature box, a detached CMS SignedData (SHA-256) with the signed attributes
 * content-type, message-digest and ESS signing-certificate-v2 (no signing-time: the signature
 * dictionary's M entry carries the claimed time), the signer's certificate and the CA's, in an
 * incremental update that leaves the original bytes (and their PDF/A-3 conformance) untouched.
 */
public final class PadesSigner {

  /** ECDSA with SHA-256, as the CMS names it. */
  private static final AlgorithmIdentifier SIGNATURE =
      new DefaultSignatureAlgorithmIdentifierFinder()
          .find(CertificateAuthority.SIGNATURE_ALGORITHM);

  private static final AlgorithmIdentifier DIGEST =
      new DefaultDigestAlgorithmIdentifierFinder().find(SIGNATURE);

  /**
   * The key for Bouncy Castle's own ECDSA, made once: its P-256 arithmetic keeps a table of
   * multiples of the curve's generator on the generator's point, which this key's parameters hold
   * from one signature to the next. Through Bouncy Castle's JCA provider every signature converted
   * the key again, generator included, and computed the table again: 48 of the signature's 67
   * samples in a profile of the letters benchmark (docs/performance.md, "Letters", tenth round).
   * The signature is the same standard ECDSA, verified by any reader.
   */
  private final AsymmetricKeyParameter key;

  private final X509Certificate signer;
  private final List<X509Certificate> chain;
  private final TimeStampClient timeStamps;
  private final int signatureSize;

  /** The signer's common name, the signature dictionary's Name. */
  private final String name;

  /** The signed attribute ESS signing-certificate-v2, the same for every signature of the key. */
  private final AttributeTable essSigningCertificate;

  /**
   * @param chain the signer's certificate first, then its issuers
   * @param timeStamps the time-stamp authority for B-T, {@code null} for B-B
   */
  public PadesSigner(PrivateKey key, List<X509Certificate> chain, TimeStampClient timeStamps) {
    try {
      this.key = PrivateKeyFactory.createKey(key.getEncoded());
    } catch (IOException e) {
      throw new IllegalArgumentException("The signing key cannot be read", e);
    }
    this.signer = chain.get(0);
    this.chain = List.copyOf(chain);
    this.timeStamps = timeStamps;
    this.name = commonName(signer);
    this.essSigningCertificate = essSigningCertificate(signer);
    this.signatureSize = signatureSize();
  }

  /**
   * The room kept in the PDF for the CMS, which PDFBox writes as hexadecimal digits twice its size
   * (and writes again when it puts the signature in): the size of this key's CMS, measured once by
   * signing nothing, and 64 bytes for the parts whose length varies (the ECDSA signature's two
   * integers, 70-72 bytes together, and the lengths of the structures round them); with a
   * time-stamp, whose token carries the authority's own certificates, 24 KB. The certificates' size
   * and 2 KB left some 1.7 KB of zeros in every letter, written one digit at a time: some 3 % of a
   * letter's processor time in a profile of the letters benchmark.
   */
  private int signatureSize() {
    if (timeStamps != null) {
      return 24576;
    }
    try {
      return cms(new ByteArrayInputStream(new byte[0])).length + 64;
    } catch (IOException e) {
      throw new IllegalArgumentException("The key cannot sign", e);
    }
  }

  public byte[] sign(byte[] pdf, SignatureBox box, SignatureDetails details) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (box.page() < 0 || box.page() >= document.getNumberOfPages()) {
        throw new IllegalArgumentException("No page " + box.page() + " for the signature");
      }
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(name);
      signature.setReason(details.reason());
      signature.setLocation(details.location());
      Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      time.setTimeInMillis(details.signingTime().toEpochMilli());
      signature.setSignDate(time);
      try (SignatureOptions options = new SignatureOptions()) {
        options.setPreferredSignatureSize(signatureSize);
        options.setPage(box.page());
        document.addSignature(signature, this::cms, options);
        showOver(document, signature, box);
        ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 32768);
        document.saveIncremental(signed);
        return signed.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot sign the PDF", e);
    }
  }

  private static AttributeTable essSigningCertificate(X509Certificate signer) {
    try {
      return new AttributeTable(
          new DERSet(
              new Attribute(
                  PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                  new DERSet(
                      new SigningCertificateV2(
                          new ESSCertIDv2[] {
                            new ESSCertIDv2(
                                Sha256.of(signer.getEncoded()),
                                new IssuerSerial(
                                    new GeneralNames(
                                        new GeneralName(
                                            X500Name.getInstance(
                                                signer.getIssuerX500Principal().getEncoded()))),
                                    signer.getSerialNumber()))
                          })))));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("The signer's certificate cannot be encoded", e);
    }
  }

  private static String commonName(X509Certificate signer) {
    return X500Name.getInstance(signer.getSubjectX500Principal().getEncoded())
        .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0]
        .getFirst()
        .getValue()
        .toString();
  }

  /**
   * Makes the signature field that {@link PDDocument#addSignature} added (invisible, with an empty
   * appearance) visible over the box: its widget on the box's page, printable (PDF/A wants every
   * widget printable with an appearance stream), drawn as a thin frame round the box. The words
   * stand in the letter's own signature block under it, so the widget draws no text and embeds no
   * font of its own. Built in the letter's document itself: a template document of its own, saved
   * and parsed again for every letter, took a seventh of the signing's time.
   */
  private static void showOver(PDDocument document, PDSignature signature, SignatureBox box)
      throws IOException {
    PDSignatureField field = null;
    for (PDSignatureField candidate : document.getSignatureFields()) {
      if (candidate.getCOSObject().getCOSDictionary(COSName.V) == signature.getCOSObject()) {
        field = candidate;
      }
    }
    if (field == null) {
      throw new IllegalStateException("The signature field was not added");
    }
    PDPage page = document.getPage(box.page());
    PDAnnotationWidget widget = field.getWidgets().get(0);
    widget.setRectangle(new PDRectangle(box.x(), box.y(), box.width(), box.height()));
    widget.setPage(page);
    widget.setPrinted(true);

    PDAppearanceStream stream = new PDAppearanceStream(document);
    stream.setResources(new PDResources());
    stream.setFormType(1);
    stream.setBBox(new PDRectangle(box.width(), box.height()));
    try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
      content.setStrokingColor(0.6f);
      content.setLineWidth(0.5f);
      content.addRect(0.25f, 0.25f, box.width() - 0.5f, box.height() - 0.5f);
      content.stroke();
    }
    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
    appearance.getCOSObject().setDirect(true);
    appearance.setNormalAppearance(stream);
    widget.setAppearance(appearance);

    List<PDAnnotation> annotations = page.getAnnotations();
    annotations.add(widget);
    // a direct array: an indirect one would not be written again by the incremental update
    page.setAnnotations(annotations);
    page.getCOSObject().setNeedToBeUpdated(true);
  }

  /** The detached CMS SignedData over the byte ranges PDFBox hands over. */
  private byte[] cms(InputStream content) throws IOException {
    try {
      CMSAttributeTableGenerator signedAttributes =
          parameters ->
              new DefaultSignedAttributeTableGenerator(essSigningCertificate)
                  .getAttributes(parameters)
                  .remove(CMSAttributes.signingTime);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(signedAttributes)
              .build(new BcECContentSignerBuilder(SIGNATURE, DIGEST).build(key), signer));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData signed =
          generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
      if (timeStamps != null) {
        signed = timeStamped(signed);
      }
      return signed.getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Cannot make the CMS signature", e);
    }
  }

  /** Adds the signature time-stamp (an unsigned attribute): PAdES baseline B-T. */
  private CMSSignedData timeStamped(CMSSignedData signed) throws IOException {
    SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
    byte[] token = timeStamps.stamp(info.getSignature());
    Attribute attribute =
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
            new DERSet(ASN1Primitive.fromByteArray(token)));
    SignerInformation stamped =
        SignerInformation.replaceUnsignedAttributes(
            info, new AttributeTable(new DERSet(attribute)));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }
}
