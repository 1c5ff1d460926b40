package nl.samenspel.documents.seal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The private key that seals documents and its certificate chain, signing certificate first. */
public record SealingKey(PrivateKey privateKey, List<X509Certificate> chain, boolean development) {

    public SealingKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A sealing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Reads the key and chain under {@code alias} (the first key entry when alias is blank) from a PKCS#12 file. */
    public static SealingKey fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String name = alias;
            if (name == null || name.isBlank()) {
                name = java.util.Collections.list(store.aliases()).stream()
                        .filter(a -> isKey(store, a))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("The keystore " + file + " holds no private key"));
            }
            if (!store.isKeyEntry(name)) {
                throw new IllegalStateException("The keystore " + file + " has no key entry '" + name + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(name, password);
            Certificate[] certificates = store.getCertificateChain(name);
            List<X509Certificate> chain =
                    Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
            return new SealingKey(key, chain, false);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the sealing keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** A fresh self-signed RSA key for development and tests; documents sealed with it prove nothing to others. */
    public static SealingKey generateDevelopmentKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=Samenspel development seal, O=Samenspel (development only), C=NL");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SealingKey(pair.getPrivate(), List.of(certificate), true);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create a development sealing key", e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
