package nl.samenspel.documents.seal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks the last signature of a PDF: the CMS signature over its byte range verifies against the
 * certificate it carries, and the byte range spans the whole file except the signature value itself.
 * It does not judge whether the certificate is trusted; the caller compares the fingerprint.
 */
public final class SealVerifier {

    /** @throws nl.samenspel.documents.DocumentRejectedException when the bytes are not a readable PDF */
    public SealReport verify(byte[] pdf) {
        PdfInput.check(pdf);
        String documentSha256 = sha256(pdf);
        List<PDSignature> signatures;
        try (PDDocument document = PdfInput.load(pdf)) {
            signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SealReport.notSealed(documentSha256);
            }
            // The latest seal is the one whose signed range reaches furthest into the file.
            PDSignature signature = signatures.stream()
                    .max(java.util.Comparator.comparingLong(SealVerifier::end))
                    .orElseThrow();
            return check(pdf, signature, signatures.size(), documentSha256);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SealReport check(byte[] pdf, PDSignature signature, int count, String documentSha256) {
        int[] range = signature.getByteRange();
        List<Long> byteRange = range == null
                ? null
                : Arrays.stream(range).mapToLong(i -> i).boxed().toList();
        Instant signingTime =
                signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String subFilter = signature.getSubFilter();
        if (range == null || range.length != 4 || !rangeInside(range, pdf.length)) {
            return new SealReport(
                    true,
                    false,
                    byteRange,
                    false,
                    subFilter,
                    null,
                    documentSha256,
                    signingTime,
                    count,
                    "The byte range of the signature does not fit the file.");
        }
        boolean coversWhole = coversWholeDocument(range, pdf);
        try {
            byte[] contents = signature.getContents(pdf);
            byte[] signed = signature.getSignedContent(pdf);
            ContentInfo info;
            // /Contents is zero-padded to its reserved size: read exactly one ASN.1 object from it.
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                ASN1Primitive object = in.readObject();
                info = ContentInfo.getInstance(object);
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), info);
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new SealReport(
                        true,
                        false,
                        byteRange,
                        coversWhole,
                        subFilter,
                        null,
                        documentSha256,
                        signingTime,
                        count,
                        "The signature does not carry its certificate.");
            }
            X509CertificateHolder holder =
                    (X509CertificateHolder) matches.iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            boolean intact;
            String problem = null;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                intact = false;
            }
            if (!intact) {
                problem = "The signed bytes were changed after sealing.";
            } else if (!coversWhole) {
                problem = "The file has bytes the seal does not cover.";
            }
            return new SealReport(
                    true,
                    intact,
                    byteRange,
                    coversWhole,
                    subFilter,
                    SealReport.CertificateInfo.of(certificate),
                    documentSha256,
                    signingTime,
                    count,
                    problem);
        } catch (Exception e) {
            // Any failure to parse or check the CMS means the seal cannot be relied on.
            return new SealReport(
                    true,
                    false,
                    byteRange,
                    coversWhole,
                    subFilter,
                    null,
                    documentSha256,
                    signingTime,
                    count,
                    "The signature value cannot be read or does not verify.");
        }
    }

    private static long end(PDSignature signature) {
        int[] range = signature.getByteRange();
        return range == null || range.length != 4 ? -1L : (long) range[2] + range[3];
    }

    private static boolean rangeInside(int[] range, int length) {
        return range[0] >= 0
                && range[1] >= 0
                && range[2] >= range[0] + range[1]
                && range[3] >= 0
                && (long) range[2] + range[3] <= length;
    }

    /** From byte 0 to the end of the file, leaving out only the hex string that holds the signature. */
    private static boolean coversWholeDocument(int[] range, byte[] pdf) {
        int gapStart = range[0] + range[1];
        int gapEnd = range[2];
        return range[0] == 0
                && (long) range[2] + range[3] == pdf.length
                && gapEnd > gapStart
                && pdf[gapStart] == '<'
                && pdf[gapEnd - 1] == '>';
    }

    /** Lower-case hex, as in {@link SealReport}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
