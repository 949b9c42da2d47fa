package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.shared.startup.Prepared;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deployment's own certificate authority, which issues the signers' certificates. Created on
 * the first start and kept in the database, so every node shares it: each node that finds none
 * makes one and inserts it if still absent, then all read the one stored. Its private key is
 * encrypted under {@code layanan.letters.ca-secret} and only opened to issue a certificate.
 */
@Component
public class CertificateAuthority implements SmartInitializingSingleton {

  /** Elliptic-curve keys (P-256, ECDSA with SHA-256): small signatures, cheap to make. */
  static final String CURVE = "secp256r1";

  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private static final Duration VALIDITY = Duration.ofDays(20 * 365 + 5);
  private static final String CONTEXT = "certificate-authority";
  private static final int MIN_SECRET = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final KeySealer sealer;
  private final char[] secret;
  private final String subject;
  private volatile X509Certificate certificate;
  private final Prepared<X509Certificate> loaded;

  CertificateAuthority(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      KeySealer sealer,
      @Value("${layanan.letters.ca-secret:}") String secret,
      @Value("${layanan.letters.deployment-name:}") String deploymentName) {
    if (secret == null || secret.strip().length() < MIN_SECRET) {
      throw new IllegalStateException(
          "layanan.letters.ca-secret is not set (or shorter than "
              + MIN_SECRET
              + " characters): set it, e.g. with the environment variable"
              + " LAYANAN_LETTERS_CA_SECRET, to a long random secret kept outside the database;"
              + " it encrypts the private key of the deployment's certificate authority, which"
              + " issues the signers' certificates. Every node needs the same value.");
    }
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.sealer = sealer;
    this.secret = secret.toCharArray();
    String name =
        deploymentName == null ? "" : deploymentName.strip().replaceAll("[,=+<>#;\"\\\\]", " ");
    this.subject =
        "CN=Layanan Kecamatan CA"
            + (name.isEmpty() ? "" : " " + name)
            + ",O=Layanan Kecamatan,C=ID";
    // opening the stored key (PBKDF2, about half a second of a core) runs beside the rest of the
    // start: the schema is there, since the JdbcClient is made after the migrations
    this.loaded =
        Prepared.begin(
            "certificate-authority", () -> ownTransaction.execute(status -> loadOrCreate()));
  }

  /**
   * Fails the start when the authority cannot be loaded or created, e.g. a secret that does not
   * open its key (awaiting the load begun with the bean).
   */
  @Override
  public void afterSingletonsInstantiated() {
    certificate();
  }

  /** The authority's certificate (the root of every signer's chain). */
  public X509Certificate certificate() {
    X509Certificate known = certificate;
    if (known == null) {
      synchronized (this) {
        if (certificate == null) {
          certificate = loaded.get();
        }
        known = certificate;
      }
    }
    return known;
  }

  /** Issues a signer's certificate: digital signature and non-repudiation, not a CA. */
  public X509Certificate issue(
      PublicKey key, X500Name subject, Instant notBefore, Instant notAfter) {
    X509Certificate issuer = certificate();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer, serial(), Date.from(notBefore), Date.from(notAfter), subject, key);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
          .addExtension(
              Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(issuer));
      return sign(builder, privateKey());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("Cannot issue a certificate", e);
    }
  }

  /** A new P-256 key pair. */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(CURVE), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored certificate cannot be read", e);
    }
  }

  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored private key cannot be read", e);
    }
  }

  private PrivateKey privateKey() {
    byte[] sealed =
        jdbc.sql("select sealed_key from signing_authority where id = 1")
            .query(byte[].class)
            .single();
    return privateKey(
        KeySealing.open(sealed, secret, CONTEXT)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "layanan.letters.ca-secret does not open the stored key of the"
                            + " certificate authority: every node needs the secret the"
                            + " authority was created with")));
  }

  private X509Certificate loadOrCreate() {
    var stored = stored();
    if (stored != null) {
      privateKey(); // fails the start when the secret is not the one the authority was made with
      return stored;
    }
    KeyPair pair = newKeyPair();
    Instant now = clock.instant();
    X509Certificate created;
    try {
      X500Name name = new X500Name(subject);
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              serial(),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(VALIDITY)),
              name,
              pair.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(pair.getPublic()));
      created = sign(builder, pair.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("Cannot create the certificate authority", e);
    }
    int inserted =
        jdbc.sql(
                """
                insert into signing_authority (id, subject, certificate, sealed_key, created_at)
                values (1, ?, ?, ?, ?) on conflict (id) do nothing
                """)
            .params(
                subject,
                encoded(created),
                sealer.seal(pair.getPrivate().getEncoded(), secret, CONTEXT),
                Timestamp.from(now))
            .update();
    if (inserted == 1) {
      log.info("Created the certificate authority {}", subject);
    }
    return stored();
  }

  private X509Certificate stored() {
    return jdbc.sql("select certificate from signing_authority where id = 1")
        .query(byte[].class)
        .optional()
        .map(CertificateAuthority::certificate)
        .orElse(null);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }
}
