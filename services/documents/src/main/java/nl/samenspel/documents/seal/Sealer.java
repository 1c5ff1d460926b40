package nl.samenspel.documents.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import nl.samenspel.documents.DocumentRejectedException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Seals a PDF with a PAdES baseline signature: SubFilter ETSI.CAdES.detached, a signing-certificate-v2
 * attribute and no CMS signing-time (PAdES puts the time in the signature dictionary), appended as an
 * incremental update so the signed bytes, and any earlier signature, stay as they were.
 */
public final class Sealer {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final int SIGNATURE_SIZE = 32 * 1024;

    private final SealingKey key;
    private final Clock clock;

    public Sealer(SealingKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** @throws DocumentRejectedException when the bytes are not a PDF that can be sealed */
    public byte[] seal(byte[] pdf) {
        try (PDDocument document = PdfInput.load(pdf)) {
            if (document.isEncrypted()) {
                throw new DocumentRejectedException("pdf.encrypted", "Encrypted PDFs cannot be sealed.");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(commonName());
            signature.setReason("Verzegeld door Samenspel");
            signature.setSignDate(now());
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                document.addSignature(signature, this::cms, options);
                printable(document, signature);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
                document.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Sealing failed", e);
        }
    }

    /** The certificate the seals are made with; its fingerprint tells this service's seals from others. */
    public SealReport.CertificateInfo certificate() {
        return SealReport.CertificateInfo.of(key.certificate());
    }

    /** PDF/A wants every annotation printable, the invisible signature widget too. */
    private static void printable(PDDocument document, PDSignature signature) throws IOException {
        for (PDSignatureField field : document.getSignatureFields()) {
            if (field.getSignature() != null && field.getSignature().getCOSObject() == signature.getCOSObject()) {
                for (PDAnnotationWidget widget : field.getWidgets()) {
                    widget.setPrinted(true);
                }
            }
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            var certificate = key.certificate();
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(
                            certificate.getIssuerX500Principal().getEncoded()))),
                    certificate.getSerialNumber());
            ESSCertIDv2 certId = new ESSCertIDv2(
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash, issuerSerial);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            DefaultSignedAttributeTableGenerator signedAttributes =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                        @Override
                        @SuppressWarnings({"rawtypes", "unchecked"})
                        protected Hashtable createStandardAttributeTable(Map parameters) {
                            Hashtable table = super.createStandardAttributeTable(parameters);
                            // PAdES baseline forbids the CMS signing-time: the time is the dictionary's /M.
                            table.remove(CMSAttributes.signingTime);
                            return table;
                        }
                    };
            String algorithm = "SHA256with" + ("EC".equals(key.privateKey().getAlgorithm()) ? "ECDSA" : "RSA");
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes)
                            .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(List.copyOf(key.chain())));
            return generator
                    .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("Cannot create the CMS signature", e);
        }
    }

    private String commonName() {
        String subject = key.certificate().getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3);
            }
        }
        return subject;
    }

    private Calendar now() {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(clock.instant().getEpochSecond() * 1000L);
        return calendar;
    }
}
