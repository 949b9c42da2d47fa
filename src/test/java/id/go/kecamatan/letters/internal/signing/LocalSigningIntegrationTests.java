package id.go.kecamatan.letters.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.letters.SigningKeys;
import id.go.kecamatan.letters.internal.render.SignatureBox;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The system's own signer on the demo database: PAdES B-B checked by poppler's pdfsig, veraPDF and
 * BouncyCastle; B-T with a stand-in time-stamp authority; wrong passphrases and the lock-out; the
 * certificate authority.
 */
@IntegrationTest
class LocalSigningIntegrationTests {

  static final SignatureBox BOX = new SignatureBox(0, 340, 120, 200, 90);
  static final Instant SIGNED_AT = Instant.parse("2026-11-23T03:15:00Z");
  static final SignatureDetails DETAILS =
      new SignatureDetails("Surat Keterangan Domisili 474/007/416.305/2026", "Jetis", SIGNED_AT);

  @Autowired SignatureProvider provider;
  @Autowired SigningKeys signingKeys;
  @Autowired SigningKeyStore store;
  @Autowired KeySealer sealer;
  @Autowired CertificateAuthority authority;
  @Autowired SigningLockout lockout;
  @Autowired StaffAccounts accounts;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  UUID jetis;

  @BeforeEach
  void setUp() {
    jetis = accounts.byUsername("camat.jetis").orElseThrow().officeId();
  }

  SignerIdentity signerWithKey(String passphrase) {
    Staff staff = SigningFixtures.newSigner(accounts, jetis);
    assertThat(
            signingKeys
                .create(
                    staff.id(),
                    jetis,
                    "Sri Rahayu, S.Sos.",
                    "197811232005012003",
                    passphrase.toCharArray())
                .ok())
        .isTrue();
    return new SignerIdentity(staff.id(), jetis, "Sri Rahayu, S.Sos.", "197811232005012003", null);
  }

  int wrongAttempts(UUID staffId) {
    return jdbc.sql("select wrong_attempts from signing_lockout where staff_id = ?")
        .param(staffId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  @Test
  void signsPadesBaselineBVisiblyAndKeepsPdfA() throws Exception {
    byte[] pdf = SigningFixtures.pdfA("Yang bertanda tangan di bawah ini menerangkan ...");
    assertThat(PdfChecks.pdfA3bFailures(pdf)).as("the input is PDF/A-3B").isEmpty();
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");

    byte[] signed;
    try (SigningSession session = provider.open(signer, "kalimat rahasia panjang".toCharArray())) {
      signed = session.sign(pdf, BOX, DETAILS);
    }

    // an incremental update: the original bytes come first, unchanged
    assertThat(Arrays.copyOf(signed, pdf.length)).isEqualTo(pdf);
    String report = PdfChecks.pdfsig(signed);
    assertThat(report)
        .contains("Signature is Valid")
        .contains("Total document signed")
        .contains("ETSI.CAdES.detached");
    assertThat(PdfChecks.pdfA3bFailures(signed)).as("still PDF/A-3B").isEmpty();

    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getLastSignatureDictionary();
      assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(signature.getName()).isEqualTo("Sri Rahayu, S.Sos.");
      assertThat(signature.getReason()).isEqualTo(DETAILS.reason());
      assertThat(signature.getLocation()).isEqualTo("Jetis");
      assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNED_AT);

      PDSignatureField field = document.getSignatureFields().get(0);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      PDRectangle rect = widget.getRectangle();
      assertThat(
              List.of(
                  rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight()))
          .containsExactly(340f, 120f, 200f, 90f);
      assertThat(widget.isPrinted()).isTrue();
      assertThat(widget.getAppearance().getNormalAppearance().getAppearanceStream()).isNotNull();
      assertThat(document.getPage(0).getAnnotations()).contains(widget);

      CMSSignedData cms = cms(signature, signed);
      SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
      X509Certificate certificate = store.find(jetis, signer.staffId()).orElseThrow().certificate();
      assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
      assertThat(info.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
      AttributeTable attributes = info.getSignedAttributes();
      assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
      assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
      assertThat(attributes.get(CMSAttributes.signingTime)).as("no signing-time").isNull();
      SigningCertificateV2 essCertificate =
          SigningCertificateV2.getInstance(
              attributes
                  .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)
                  .getAttrValues()
                  .getObjectAt(0));
      assertThat(essCertificate.getCerts()[0].getCertHash())
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
      assertThat(info.getUnsignedAttributes()).isNull();
      assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
      assertThat(cms.isDetachedSignature()).isTrue();
      // the room for the CMS (hexadecimal, two digits a byte): this key's CMS and 64 bytes, of
      // which the signature's integers take at most a few (70-72 bytes the two)
      int[] range = signature.getByteRange();
      int room = (range[2] - range[1] - 2) / 2;
      assertThat(room).isBetween(cms.getEncoded().length + 56, cms.getEncoded().length + 72);
    }
  }

  @Test
  void addsTheSignatureTimeStampOfATimeStampAuthority() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer tsa = standInTimeStampAuthority(requests);
    try {
      SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
      LocalSignatureProvider withTsa =
          new LocalSignatureProvider(
              store,
              authority,
              lockout,
              clock,
              "http://localhost:" + tsa.getAddress().getPort() + "/tsa",
              Duration.ofSeconds(10));
      byte[] signed;
      try (SigningSession session = withTsa.open(signer, "kalimat rahasia panjang".toCharArray())) {
        signed = session.sign(SigningFixtures.pdfA("Surat B-T"), BOX, DETAILS);
      }
      assertThat(requests).hasValue(1);
      assertThat(PdfChecks.pdfsig(signed)).contains("Signature is Valid");
      assertThat(PdfChecks.pdfA3bFailures(signed)).isEmpty();
      try (PDDocument document = Loader.loadPDF(signed)) {
        PDSignature signature = document.getLastSignatureDictionary();
        CMSSignedData cms = cms(signature, signed);
        SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
        var attribute =
            info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        assertThat(attribute).isNotNull();
        TimeStampToken token =
            new TimeStampToken(
                new CMSSignedData(
                    attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
            .isEqualTo(MessageDigest.getInstance("SHA-256").digest(info.getSignature()));
      }
    } finally {
      tsa.stop(0);
    }
  }

  @Test
  void aFailingTimeStampAuthorityMakesSigningUnavailable() throws Exception {
    HttpServer broken = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    broken.createContext(
        "/tsa",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    broken.start();
    try {
      SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
      LocalSignatureProvider withTsa =
          new LocalSignatureProvider(
              store,
              authority,
              lockout,
              clock,
              "http://localhost:" + broken.getAddress().getPort() + "/tsa",
              Duration.ofSeconds(10));
      try (SigningSession session = withTsa.open(signer, "kalimat rahasia panjang".toCharArray())) {
        assertThatThrownBy(() -> session.sign(SigningFixtures.pdfA("Surat"), BOX, DETAILS))
            .isInstanceOf(SigningUnavailableException.class)
            .hasMessageContaining("503");
      }
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void aWrongPassphraseSignsNothingAndCountsEvenWhenTheSigningTransactionRollsBack() {
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
    TransactionTemplate signing = new TransactionTemplate(transactions);
    signing.executeWithoutResult(
        status -> {
          assertThatThrownBy(() -> provider.open(signer, "kalimat rahasia salah".toCharArray()))
              .isInstanceOf(WrongPassphraseException.class);
          status.setRollbackOnly();
        });
    assertThat(wrongAttempts(signer.staffId())).isEqualTo(1);
    assertThatThrownBy(() -> provider.open(signer, null))
        .isInstanceOf(WrongPassphraseException.class);
    assertThat(wrongAttempts(signer.staffId())).isEqualTo(2);

    // a success starts the count again
    provider.open(signer, "kalimat rahasia panjang".toCharArray()).close();
    assertThat(wrongAttempts(signer.staffId())).isZero();
  }

  @Test
  void fiveWrongPassphrasesLockSigningForFifteenMinutes() {
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
    char[] right = "kalimat rahasia panjang".toCharArray();
    for (int i = 1; i <= 4; i++) {
      assertThatThrownBy(() -> provider.open(signer, "salah salah salah".toCharArray()))
          .isInstanceOf(WrongPassphraseException.class);
    }
    assertThatThrownBy(() -> provider.open(signer, "salah salah salah".toCharArray()))
        .isInstanceOf(SigningLockedException.class);
    // the sixth attempt is refused even with the right passphrase
    assertThatThrownBy(() -> provider.open(signer, right))
        .isInstanceOfSatisfying(
            SigningLockedException.class,
            locked ->
                assertThat(locked.until())
                    .isBetween(
                        clock.instant().plus(Duration.ofMinutes(14)),
                        clock.instant().plus(Duration.ofMinutes(15))));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'signing.locked' and entity_id = ?")
                .param(signer.staffId().toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    LocalSignatureProvider almost = providerAt(Clock.offset(clock, Duration.ofMinutes(14)));
    assertThatThrownBy(() -> almost.open(signer, right)).isInstanceOf(SigningLockedException.class);
    LocalSignatureProvider later =
        providerAt(Clock.offset(clock, Duration.ofMinutes(15).plusSeconds(1)));
    try (SigningSession session = later.open(signer, right)) {
      assertThat(session.sign(SigningFixtures.pdfA("Surat"), BOX, DETAILS)).isNotEmpty();
    }
  }

  @Test
  void parallelWrongPassphrasesAreCountedAtMostFiveTimesBeforeTheLock() throws Exception {
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
    int threads = 12;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Class<?>>> tries = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        tries.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    provider.open(signer, "salah salah salah".toCharArray()).close();
                    return SigningSession.class;
                  } catch (WrongPassphraseException | SigningLockedException e) {
                    return e.getClass();
                  }
                }));
      }
      start.countDown();
      List<Class<?>> outcomes = new ArrayList<>();
      for (Future<Class<?>> attempt : tries) {
        outcomes.add(attempt.get(2, TimeUnit.MINUTES));
      }
      assertThat(outcomes).doesNotContain(SigningSession.class);
      assertThat(outcomes.stream().filter(WrongPassphraseException.class::equals).count())
          .as("only the first four tries are told the passphrase is wrong")
          .isEqualTo(SigningLockout.MAX_WRONG - 1);
      assertThat(outcomes.stream().filter(SigningLockedException.class::equals).count())
          .isEqualTo(threads - SigningLockout.MAX_WRONG + 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrongAttempts(signer.staffId())).as("tries counted").isEqualTo(5);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'signing.locked' and entity_id = ?")
                .param(signer.staffId().toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThatThrownBy(() -> provider.open(signer, "kalimat rahasia panjang".toCharArray()))
        .isInstanceOf(SigningLockedException.class);
  }

  @Test
  void theFifthTryWithTheRightPassphraseOpensAndStartsTheCountAgain() {
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
    for (int i = 1; i < SigningLockout.MAX_WRONG; i++) {
      assertThatThrownBy(() -> provider.open(signer, "salah salah salah".toCharArray()))
          .isInstanceOf(WrongPassphraseException.class);
    }
    provider.open(signer, "kalimat rahasia panjang".toCharArray()).close();
    assertThat(wrongAttempts(signer.staffId())).isZero();
    assertThat(lockout.lockedUntil(signer.staffId())).isEmpty();
  }

  @Test
  void replacingTheKeyNeitherLiftsTheLockOutNorHappensWhileLocked() {
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
    for (int i = 1; i <= 3; i++) {
      assertThatThrownBy(() -> provider.open(signer, "salah salah salah".toCharArray()))
          .isInstanceOf(WrongPassphraseException.class);
    }
    assertThat(
            signingKeys
                .create(
                    signer.staffId(), jetis, signer.name(), null, "kunci baru sekali".toCharArray())
                .ok())
        .isTrue();
    assertThat(wrongAttempts(signer.staffId())).as("the count stays").isEqualTo(3);
    assertThatThrownBy(() -> provider.open(signer, "salah salah salah".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    assertThatThrownBy(() -> provider.open(signer, "salah salah salah".toCharArray()))
        .isInstanceOf(SigningLockedException.class);

    String serial = signingKeys.certificate(jetis, signer.staffId()).orElseThrow().serialNumber();
    var refused =
        signingKeys.create(
            signer.staffId(), jetis, signer.name(), null, "kunci lain lagi".toCharArray());
    assertThat(refused.ok()).isFalse();
    assertThat(refused.errors().get("passphrase").key()).isEqualTo("signing.locked");
    assertThat(signingKeys.certificate(jetis, signer.staffId()).orElseThrow().serialNumber())
        .isEqualTo(serial);
    assertThatThrownBy(() -> provider.open(signer, "kunci baru sekali".toCharArray()))
        .isInstanceOf(SigningLockedException.class);
  }

  @Test
  void thePassphraseLengthRuleCountsCodePoints() {
    assertThat(SigningKeys.passphraseLengthOk("1234567".toCharArray())).isFalse();
    assertThat(SigningKeys.passphraseLengthOk("12345678".toCharArray())).isTrue();
    // 200 emoji are 400 chars but 200 characters
    assertThat(SigningKeys.passphraseLengthOk("\uD83D\uDE00".repeat(200).toCharArray())).isTrue();
    assertThat(SigningKeys.passphraseLengthOk("\uD83D\uDE00".repeat(201).toCharArray())).isFalse();
    assertThat(SigningKeys.passphraseLengthOk(null)).isFalse();
    assertThat(SigningKeys.checkPassphrase("\uD83D\uDE00".repeat(200).toCharArray()).any())
        .isFalse();
  }

  LocalSignatureProvider providerAt(Clock at) {
    return new LocalSignatureProvider(
        store,
        authority,
        new SigningLockout(jdbc, transactions, at, audit),
        at,
        "",
        Duration.ofSeconds(5));
  }

  @Test
  void aSignerWithoutAKeyCannotSign() {
    Staff staff = SigningFixtures.newSigner(accounts, jetis);
    SignerIdentity signer = new SignerIdentity(staff.id(), jetis, staff.fullName(), null, null);
    assertThatThrownBy(() -> provider.open(signer, "apa saja panjang".toCharArray()))
        .isInstanceOf(SigningUnavailableException.class);
    // nor with another office's id (tenant isolation)
    SignerIdentity elsewhere =
        new SignerIdentity(
            accounts.byUsername("camat.jetis").orElseThrow().id(),
            accounts.byUsername("camat.batunadua").orElseThrow().officeId(),
            "Camat",
            null,
            null);
    assertThatThrownBy(() -> provider.open(elsewhere, WebClient.PASSWORD.toCharArray()))
        .isInstanceOf(SigningUnavailableException.class);
  }

  @Test
  void demoSignersHaveKeysUnderTheDemoPassword() {
    Staff camat = accounts.byUsername("camat.jetis").orElseThrow();
    SignerIdentity signer = new SignerIdentity(camat.id(), jetis, camat.fullName(), null, null);
    provider.open(signer, WebClient.PASSWORD.toCharArray()).close();
    assertThat(signingKeys.certificate(jetis, camat.id()).orElseThrow().issuer())
        .contains("CN=Layanan Kecamatan CA Test");
  }

  @Test
  void theCertificateAuthorityIsCreatedOnceByConcurrentNodesAndItsKeyIsSealed() throws Exception {
    var saved =
        jdbc.sql("select subject, certificate, sealed_key, created_at from signing_authority")
            .query()
            .singleRow();
    jdbc.sql("delete from signing_authority").update();
    try {
      CertificateAuthority first = newAuthority();
      CertificateAuthority second = newAuthority();
      var start = new java.util.concurrent.CountDownLatch(1);
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var a =
            pool.submit(
                () -> {
                  start.await();
                  return first.certificate();
                });
        var b =
            pool.submit(
                () -> {
                  start.await();
                  return second.certificate();
                });
        start.countDown();
        assertThat(a.get()).isEqualTo(b.get());
      } finally {
        pool.shutdown();
      }
      assertThat(jdbc.sql("select count(*) from signing_authority").query(Integer.class).single())
          .isEqualTo(1);
      X509Certificate ca = first.certificate();
      assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
      assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
      assertThat(ca.getSubjectX500Principal().getName()).contains("CN=Layanan Kecamatan CA Test");
      assertThat(ca.getNotAfter().toInstant()).isAfter(clock.instant().plus(Duration.ofDays(3650)));

      byte[] sealed =
          jdbc.sql("select sealed_key from signing_authority").query(byte[].class).single();
      assertThatThrownBy(() -> CertificateAuthority.privateKey(sealed))
          .isInstanceOf(IllegalStateException.class);
      assertThat(
              KeySealing.open(
                  sealed, "another-secret-0123456789".toCharArray(), "certificate-authority"))
          .isEmpty();
      Optional<byte[]> opened =
          KeySealing.open(
              sealed, "test-ca-secret-0123456789".toCharArray(), "certificate-authority");
      assertThat(opened).isPresent();
      assertThat(indexOf(sealed, opened.get())).as("no plain key inside").isEqualTo(-1);
      // a node with another secret refuses to start
      assertThatThrownBy(
              () ->
                  new CertificateAuthority(
                          jdbc,
                          transactions,
                          clock,
                          new KeySealer(KeySealer.MIN_ITERATIONS),
                          "another-secret-0123456789",
                          "Test")
                      .afterSingletonsInstantiated())
          .hasMessageContaining("layanan.letters.ca-secret");
    } finally {
      jdbc.sql("delete from signing_authority").update();
      jdbc.sql(
              "insert into signing_authority (id, subject, certificate, sealed_key, created_at) values (1, ?, ?, ?, ?)")
          .params(
              saved.get("subject"),
              saved.get("certificate"),
              saved.get("sealed_key"),
              saved.get("created_at"))
          .update();
    }
  }

  @Test
  void aMissingCaSecretFailsTheStartWithAClearMessage() {
    assertThatThrownBy(
            () ->
                new CertificateAuthority(
                    jdbc, transactions, clock, new KeySealer(KeySealer.MIN_ITERATIONS), "", "Test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.letters.ca-secret is not set");
  }

  @Test
  void aSignersKeyIsStoredOnlySealedUnderThePassphrase() {
    SignerIdentity signer = signerWithKey("kalimat rahasia panjang");
    byte[] sealed = store.find(jetis, signer.staffId()).orElseThrow().sealedKey();
    byte[] plain =
        KeySealing.open(
                sealed,
                "kalimat rahasia panjang".toCharArray(),
                SigningKeyStore.sealingContext(signer.staffId()))
            .orElseThrow();
    assertThat(indexOf(sealed, plain)).isEqualTo(-1);
    // with the node's iteration count (the tests' fewer: application-test.yml)
    assertThat(java.nio.ByteBuffer.wrap(sealed, 1, 4).getInt()).isEqualTo(sealer.iterations());
    // sealed for this signer only
    assertThat(
            KeySealing.open(
                sealed,
                "kalimat rahasia panjang".toCharArray(),
                SigningKeyStore.sealingContext(UUID.randomUUID())))
        .isEmpty();
  }

  /** The CMS of a signature (the /Contents hex string is padded with zeros after the DER). */
  static CMSSignedData cms(PDSignature signature, byte[] signed) throws Exception {
    try (ASN1InputStream in = new ASN1InputStream(signature.getContents(signed))) {
      return new CMSSignedData(
          new CMSProcessableByteArray(signature.getSignedContent(signed)),
          ContentInfo.getInstance(in.readObject()));
    }
  }

  CertificateAuthority newAuthority() {
    return new CertificateAuthority(
        jdbc,
        transactions,
        clock,
        new KeySealer(KeySealer.MIN_ITERATIONS),
        "test-ca-secret-0123456789",
        "Test");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** An RFC 3161 time-stamp authority made with BouncyCastle's response generator. */
  static HttpServer standInTimeStampAuthority(AtomicInteger requests) throws Exception {
    KeyPair pair = CertificateAuthority.newKeyPair();
    X500Name name = new X500Name("CN=Stand-in TSA,C=ID");
    Instant now = Instant.now();
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.TEN,
                        Date.from(now.minus(Duration.ofDays(1))),
                        Date.from(now.plus(Duration.ofDays(365))),
                        name,
                        pair.getPublic())
                    .addExtension(
                        Extension.extendedKeyUsage,
                        true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    TimeStampTokenGenerator tokens =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", pair.getPrivate(), certificate),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(
                    new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tokens.addCertificates(new JcaCertStore(List.of(certificate)));
    TimeStampResponseGenerator responses =
        new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    AtomicInteger serial = new AtomicInteger();
    server.createContext(
        "/tsa",
        exchange -> {
          try {
            requests.incrementAndGet();
            if (!"application/timestamp-query"
                .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
              exchange.sendResponseHeaders(415, -1);
              return;
            }
            TimeStampRequest request =
                new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            byte[] body =
                responses
                    .generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date())
                    .getEncoded();
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
    return server;
  }
}
