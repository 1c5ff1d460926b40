package nl.samenspel.documents.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.model.CaseFileRecord;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DecisionListDocument;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Renders a {@link DocumentModel} to PDF/A-2b bytes (not sealed; see {@code Sealer}). Plain Java and
 * thread-safe, so governance can call it in-process as well as through the HTTP service.
 */
public final class DocumentRenderer {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss", DUTCH).withZone(DUTCH_TIME);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Fonts fonts = new Fonts();
    private final Clock clock;

    public DocumentRenderer(Clock clock) {
        this.clock = clock;
    }

    public DocumentRenderer() {
        this(Clock.systemUTC());
    }

    /** @throws DocumentRejectedException when the model lacks what the document needs */
    public byte[] render(DocumentModel model) {
        if (model == null) {
            throw new DocumentRejectedException("document.missing", "No document model was given.");
        }
        validate(model);
        try (PDDocument document = new PDDocument()) {
            String title = fonts.printable(model.pdfTitle()).replace('\n', ' ');
            PdfLayout layout = new PdfLayout(document, fonts, title);
            if (model instanceof StatuteVersionDocument statute) {
                statute(layout, statute);
            } else if (model instanceof DecisionListDocument decisions) {
                decisions(layout, decisions);
            } else if (model instanceof CompletionCertificate certificate) {
                certificate(layout, certificate);
            } else if (model instanceof VerantwoordingsPakket pack) {
                new PackRenderer(layout, pack).render();
            } else if (model instanceof nl.samenspel.documents.model.JaarVerklaring statement) {
                new StatementRenderer(layout, statement).render();
            } else if (model instanceof CaseFileRecord record) {
                new CaseFileRenderer(layout, record).render();
            }
            layout.finish();
            if (model instanceof VerantwoordingsPakket pack) {
                // Regenerating from unchanged data must give the same bytes: the document's date is the
                // moment of the data, and the file identifier (which PDFBox would make from the clock) a
                // hash of the pages' content, so nothing in the file depends on when it was rendered.
                PdfA.mark(document, title, calendar(pack.dataAsOf()));
                byte[] id = contentId(document, title, pack.dataAsOf());
                COSArray ids = new COSArray();
                ids.add(new COSString(id));
                ids.add(new COSString(id));
                document.getDocument().getTrailer().setItem(COSName.ID, ids);
            } else {
                PdfA.mark(document, title, now());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering failed", e);
        }
    }

    private static void statute(PdfLayout layout, StatuteVersionDocument statute) throws IOException {
        layout.heading(statute.title(), 1);
        layout.paragraph(
                statute.coalitionName() + (blank(statute.legalForm()) ? "" : " (" + statute.legalForm() + ")"));
        layout.paragraph(
                "Versie " + statute.versionNumber() + ", geldend vanaf " + DAY.format(statute.effectiveDate()));
        for (StatuteVersionDocument.Article article : statute.articles()) {
            String heading = "Artikel " + article.number() + (blank(article.title()) ? "" : " – " + article.title());
            layout.heading(heading, 2);
            layout.paragraph(article.text());
        }
    }

    private static void decisions(PdfLayout layout, DecisionListDocument list) throws IOException {
        layout.heading(list.title(), 1);
        layout.paragraph(list.coalitionName());
        if (list.generatedOn() != null) {
            layout.paragraph("Opgesteld op " + DAY.format(list.generatedOn()));
        }
        if (list.entries().isEmpty()) {
            layout.paragraph("Er zijn geen besluiten.");
        }
        for (DecisionListDocument.Entry entry : list.entries()) {
            layout.heading("Besluit " + entry.number() + ": " + entry.title(), 2);
            if (!blank(entry.body())) {
                layout.paragraph(entry.body());
            }
            layout.fact("Gesloten op", moment(entry.closedAt()));
            layout.fact("Uitkomst", entry.outcome());
            layout.fact(
                    "Stemmen",
                    "voor " + entry.votesFor() + ", tegen " + entry.votesAgainst() + ", onthouding "
                            + entry.abstentions());
            if (!blank(entry.declaration())) {
                layout.fact("Verklaring van de uitslag", entry.declaration());
            }
            if (!entry.explanation().isEmpty()) {
                layout.boldLine("Toelichting");
                for (String line : entry.explanation()) {
                    layout.bullet(line);
                }
            }
            layout.space();
        }
    }

    private static void certificate(PdfLayout layout, CompletionCertificate certificate) throws IOException {
        layout.heading(certificate.pdfTitle(), 1);
        layout.fact("Document", certificate.documentTitle());
        layout.fact("SHA-256 van het origineel", certificate.originalSha256().toLowerCase(Locale.ROOT));
        layout.heading("Ondertekenaars", 2);
        for (CompletionCertificate.Signer signer : certificate.signers()) {
            layout.boldLine(signer.name());
            layout.fact("Namens", signer.memberOrganisation());
            layout.fact("Ondertekend op", moment(signer.signedAt()));
            layout.fact("IP-adres", signer.ipAddress());
            layout.fact("Browser", signer.userAgent());
            layout.fact("Verklaring", signer.consentText());
            layout.space();
        }
        layout.heading("Tijdlijn", 2);
        for (CompletionCertificate.TimelineEvent event : certificate.timeline()) {
            layout.bullet(moment(event.at()) + " – " + java.util.Objects.toString(event.description(), ""));
        }
        layout.heading("Hashes", 2);
        for (CompletionCertificate.Hash hash : certificate.hashes()) {
            layout.fact(blank(hash.label()) ? "SHA-256" : hash.label(), hash.sha256());
        }
        layout.space();
        layout.paragraph("Tijden in Nederlandse tijd (Europe/Amsterdam).");
    }

    private static void validate(DocumentModel model) {
        if (model instanceof StatuteVersionDocument statute) {
            required("coalitionName", statute.coalitionName());
            required("title", statute.title());
            if (statute.effectiveDate() == null) {
                throw missing("effectiveDate");
            }
            if (statute.versionNumber() < 1) {
                throw new DocumentRejectedException(
                        "document.invalid", "versionNumber", "The version number must be 1 or more.");
            }
            for (int i = 0; i < statute.articles().size(); i++) {
                StatuteVersionDocument.Article article = statute.articles().get(i);
                if (article == null) {
                    throw missing("articles[" + i + "]");
                }
                required("articles[" + i + "].number", article.number());
            }
        } else if (model instanceof DecisionListDocument list) {
            required("coalitionName", list.coalitionName());
            required("title", list.title());
            for (int i = 0; i < list.entries().size(); i++) {
                DecisionListDocument.Entry entry = list.entries().get(i);
                if (entry == null) {
                    throw missing("entries[" + i + "]");
                }
                required("entries[" + i + "].number", entry.number());
                required("entries[" + i + "].title", entry.title());
            }
        } else if (model instanceof VerantwoordingsPakket pack) {
            PackRenderer.validate(pack);
        } else if (model instanceof nl.samenspel.documents.model.JaarVerklaring statement) {
            StatementRenderer.validate(statement);
        } else if (model instanceof CaseFileRecord record) {
            CaseFileRenderer.validate(record);
        } else if (model instanceof CompletionCertificate certificate) {
            required("documentTitle", certificate.documentTitle());
            if (certificate.originalSha256() == null
                    || !SHA256.matcher(certificate.originalSha256()).matches()) {
                throw new DocumentRejectedException(
                        "document.invalid",
                        "originalSha256",
                        "The SHA-256 of the original must be 64 hexadecimal characters.");
            }
            for (int i = 0; i < certificate.signers().size(); i++) {
                CompletionCertificate.Signer signer = certificate.signers().get(i);
                if (signer == null) {
                    throw missing("signers[" + i + "]");
                }
                required("signers[" + i + "].name", signer.name());
            }
            for (int i = 0; i < certificate.timeline().size(); i++) {
                if (certificate.timeline().get(i) == null) {
                    throw missing("timeline[" + i + "]");
                }
            }
            for (int i = 0; i < certificate.hashes().size(); i++) {
                if (certificate.hashes().get(i) == null) {
                    throw missing("hashes[" + i + "]");
                }
            }
        }
    }

    private static void required(String field, String value) {
        if (blank(value)) {
            throw missing(field);
        }
    }

    private static DocumentRejectedException missing(String field) {
        return new DocumentRejectedException("document.invalid", field, field + " is required.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String moment(Instant instant) {
        return instant == null ? "–" : MOMENT.format(instant);
    }

    private Calendar now() {
        return calendar(clock.instant());
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        // Whole seconds: the info dictionary cannot hold more, and PDF/A wants it equal to the XMP date.
        calendar.setTimeInMillis(instant.getEpochSecond() * 1000L);
        return calendar;
    }

    /**
     * 16 bytes of the SHA-256 of what the pages show (their content streams, which name the glyphs and
     * positions), the title and the moment of the data: the same content gives the same identifier. The
     * streams are hashed as stored (compressed): the same content compresses to the same bytes, and
     * decompressing every page again only to hash it was a few percent of rendering a pack.
     */
    private static byte[] contentId(PDDocument document, String title, Instant dataAsOf) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((title + "\n" + dataAsOf + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] buffer = new byte[8192];
        for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
            for (java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams = page.getContentStreams();
                    streams.hasNext(); ) {
                try (java.io.InputStream in = streams.next().getCOSObject().createRawInputStream()) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(sha.digest(), 16);
    }
}
