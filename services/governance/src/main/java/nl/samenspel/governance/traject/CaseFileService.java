package nl.samenspel.governance.traject;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.documents.model.CaseFileRecord;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.pack.ZipArchive;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * A traject's case file (zaakdossier): the secretary adds the coalition's documents, decisions,
 * meetings and reports to it and withdraws them; everyone with a role reads it and exports it as a ZIP
 * of PDF/A records, an MDTO metadata record per record, and a SHA-256 manifest. Reports are
 * accountability figures of every member: only the secretary and the opdrachtgever see them in a file.
 */
@Singleton
public class CaseFileService {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy HH:mm", Locale.forLanguageTag("nl-NL"))
            .withZone(ZoneId.of("Europe/Amsterdam"));
    // A PDF/A file says so in its XMP metadata: pdfaid:part as an attribute or an element.
    private static final Pattern PDFA_CLAIM = Pattern.compile("pdfaid:part\\s*(=\\s*[\"']|>)\\s*[123]");

    private final CaseFileRepository repository;
    private final TrajectRepository trajects;
    private final DocumentsClient documents;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    CaseFileService(
            CaseFileRepository repository,
            TrajectRepository trajects,
            DocumentsClient documents,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.trajects = trajects;
        this.documents = documents;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public CaseFile list(CoalitionAccess access, UUID traject) {
        return tx.read(access.id(), () -> {
            TrajectRepository.TrajectRow t = traject(access, traject);
            return new CaseFile(
                    t.id(),
                    t.title(),
                    visible(access, repository.entries(access.id().value(), traject)).stream()
                            .map(CaseFileService::view)
                            .toList());
        });
    }

    /** What the secretary may add: the coalition's items not in the file now, newest first. */
    public List<CaseFile.Candidate> candidates(CoalitionAccess access, UUID traject) {
        access.require(CoalitionRole.SECRETARY);
        return tx.read(access.id(), () -> {
            traject(access, traject);
            return repository.candidates(access.id().value(), traject).stream()
                    .map(i -> new CaseFile.Candidate(i.kind(), i.id(), i.title(), MeetingTime.day(i.at())))
                    .toList();
        });
    }

    public CaseFile.Entry add(CoalitionAccess access, UUID traject, CaseFile.EntryRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return guarded(() -> tx.write(access.id(), () -> {
            traject(access, traject);
            UUID c = access.id().value();
            // Another coalition's item and no item at all answer alike: nothing is said about the other.
            if (repository.item(c, request.kind(), request.refId()).isEmpty()) {
                throw ProblemException.invalidField(
                        "refId", "traject.case-item-unknown", "this coalition has no such item of this kind");
            }
            repository.insert(c, traject, id, request, now, access.actor());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("trajectId", traject.toString());
            after.put("kind", request.kind().name());
            after.put("refId", request.refId().toString());
            after.put("classification", request.classification().name());
            after.put("retentionYears", String.valueOf(request.retentionYears()));
            audit.append(
                    access.id(), access.actor(), "traject.case-entry-added", "traject_case_entry", id, null, after);
            return view(repository.entry(c, traject, id).orElseThrow());
        }));
    }

    /** Takes the entry out of the file; the row stays, marked withdrawn, and the item may be added again. */
    public CaseFile withdraw(CoalitionAccess access, UUID traject, UUID entry) {
        access.require(CoalitionRole.SECRETARY);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.write(access.id(), () -> {
            traject(access, traject);
            UUID c = access.id().value();
            CaseFileRepository.EntryRow row =
                    repository.entry(c, traject, entry).orElseThrow(CaseFileService::entryNotFound);
            if (repository.withdraw(c, traject, entry, now, access.actor()) != 1) {
                throw entryNotFound();
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "traject.case-entry-withdrawn",
                    "traject_case_entry",
                    entry,
                    Map.of(
                            "kind",
                            row.item().kind().name(),
                            "refId",
                            row.item().id().toString()),
                    Map.of("withdrawn", "true"));
            return null;
        });
        return list(access, traject);
    }

    /** The ZIP's name and bytes. The file is read in one transaction; rendering happens after it. */
    public AgendaDocuments.Download export(CoalitionAccess access, UUID traject) {
        Export export = tx.read(access.id(), () -> gather(access, traject));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "dossier.mdto.xml",
                Mdto.xml(new Mdto.Record(
                        export.dossierId(),
                        export.trajectTitle(),
                        "Dossier",
                        "Zaakdossier",
                        export.firstDay(),
                        "Intern",
                        null,
                        export.coalitionName(),
                        export.coalitionId(),
                        export.coalitionName(),
                        export.trajectTitle(),
                        null,
                        null,
                        null)));
        for (Part part : export.parts()) {
            byte[] pdf = part.pdf() != null ? part.pdf() : documents.render(part.sheet());
            files.put(part.name() + ".pdf", pdf);
            if (part.original() != null) {
                files.put("origineel/" + part.name() + "-" + part.originalName(), part.original());
            }
            files.put(part.name() + ".mdto.xml", Mdto.xml(part.metadata()));
        }
        String name = "zaakdossier-" + slug(export.trajectTitle()) + ".zip";
        return new AgendaDocuments.Download(
                name, "application/zip", ZipArchive.withManifest(files, "manifest-sha256.txt", export.asOf()));
    }

    // ------------------------------------------------------------------ export

    private record Part(
            String name,
            byte[] pdf,
            CaseFileRecord sheet,
            byte[] original,
            String originalName,
            Mdto.Record metadata) {}

    private record Export(
            String coalitionName,
            String coalitionId,
            String dossierId,
            String trajectTitle,
            java.time.LocalDate firstDay,
            Instant asOf,
            List<Part> parts) {}

    private Export gather(CoalitionAccess access, UUID traject) {
        TrajectRepository.TrajectRow t = traject(access, traject);
        UUID c = access.id().value();
        String coalition = access.coalition().name();
        String dossier = "traject-" + t.id();
        List<Part> parts = new ArrayList<>();
        List<CaseFileRepository.EntryRow> entries = visible(access, repository.entries(c, traject));
        for (int i = 0; i < entries.size(); i++) {
            CaseFileRepository.EntryRow e = entries.get(i);
            String name = String.format(
                    Locale.ROOT, "%03d-%s", i + 1, fileKind(e.item().kind()));
            java.time.LocalDate day = MeetingTime.day(e.item().at());
            String note = null;
            byte[] pdf = null;
            CaseFileRecord sheet = null;
            byte[] original = null;
            String originalName = null;
            switch (e.item().kind()) {
                case DOCUMENT -> {
                    CaseFileRepository.DocumentRow d =
                            repository.document(c, e.item().id()).orElseThrow();
                    if (claimsPdfA(d.content())) {
                        pdf = d.content();
                    } else {
                        original = d.content();
                        originalName = d.filename();
                        note = "Het origineel (" + d.filename() + ") is geen PDF/A en daarom niet archiefwaardig; het"
                                + " staat buiten de PDF/A-set in origineel/" + name + "-" + d.filename() + ".";
                        sheet = sheet(
                                access,
                                t,
                                e,
                                "Document",
                                day,
                                List.of(
                                        new CaseFileRecord.Fact("Bestand", d.filename()),
                                        new CaseFileRecord.Fact("Pagina's", Integer.toString(d.pages())),
                                        new CaseFileRecord.Fact("SHA-256 van het origineel", d.sha256()),
                                        new CaseFileRecord.Fact("Opgeslagen door", d.createdBy())),
                                List.of(),
                                note);
                    }
                }
                case DECISION -> {
                    CaseFileRepository.DecisionRow d =
                            repository.decision(c, e.item().id()).orElseThrow();
                    sheet = sheet(
                            access,
                            t,
                            e,
                            "Besluit",
                            day,
                            List.of(
                                    new CaseFileRecord.Fact("Nummer", Integer.toString(d.number())),
                                    new CaseFileRecord.Fact("Soort besluit", d.decisionType()),
                                    new CaseFileRecord.Fact(
                                            "Uitkomst", d.outcome().equals("ADOPTED") ? "Aangenomen" : "Verworpen"),
                                    new CaseFileRecord.Fact("Genomen op", MOMENT.format(d.decidedAt())),
                                    new CaseFileRecord.Fact("Vergadering", d.meetingTitle()),
                                    new CaseFileRecord.Fact("Orgaan", d.bodyName())),
                            List.of(new CaseFileRecord.Section("Besluit", d.text())),
                            null);
                }
                case MEETING -> {
                    CaseFileRepository.MeetingRow m =
                            repository.meeting(c, e.item().id()).orElseThrow();
                    List<CaseFileRecord.Section> sections = new ArrayList<>();
                    List<String> agenda = repository.agenda(c, e.item().id());
                    StringBuilder lines = new StringBuilder();
                    for (int n = 0; n < agenda.size(); n++) {
                        lines.append(n + 1).append(". ").append(agenda.get(n)).append('\n');
                    }
                    sections.add(new CaseFileRecord.Section("Agenda", lines.toString()));
                    sections.add(new CaseFileRecord.Section(
                            m.minutesText() == null
                                    ? "Notulen"
                                    : "Notulen (" + ("APPROVED".equals(m.minutesStatus()) ? "vastgesteld" : "concept")
                                            + ")",
                            m.minutesText() == null ? "Er zijn geen notulen." : m.minutesText()));
                    List<String> decisions = repository.decisionsOf(c, e.item().id());
                    if (!decisions.isEmpty()) {
                        sections.add(new CaseFileRecord.Section("Besluiten", String.join("\n\n", decisions)));
                    }
                    sheet = sheet(
                            access,
                            t,
                            e,
                            "Vergadering",
                            day,
                            List.of(
                                    new CaseFileRecord.Fact("Orgaan", m.bodyName()),
                                    new CaseFileRecord.Fact(
                                            "Tijd", MOMENT.format(m.startsAt()) + " – " + MOMENT.format(m.endsAt())),
                                    new CaseFileRecord.Fact(
                                            "Plaats", m.location().isBlank() ? "online" : m.location())),
                            sections,
                            null);
                }
                case REPORT -> pdf = repository.reportPdf(c, e.item().id()).orElseThrow();
            }
            parts.add(new Part(
                    name,
                    pdf,
                    sheet,
                    original,
                    originalName,
                    new Mdto.Record(
                            e.id().toString(),
                            e.item().title(),
                            "Archiefstuk",
                            typeName(e.item().kind()),
                            day,
                            classificationName(e.classification()),
                            e.retentionYears(),
                            coalition,
                            c.toString(),
                            coalition,
                            t.title(),
                            dossier,
                            name + ".pdf",
                            note)));
        }
        java.time.LocalDate first = entries.isEmpty()
                ? MeetingTime.day(t.createdAt())
                : MeetingTime.day(entries.get(0).item().at());
        Instant asOf = entries.stream()
                .map(CaseFileRepository.EntryRow::addedAt)
                .max(Instant::compareTo)
                .orElse(t.createdAt());
        return new Export(coalition, c.toString(), dossier, t.title(), first, asOf, parts);
    }

    private static CaseFileRecord sheet(
            CoalitionAccess access,
            TrajectRepository.TrajectRow t,
            CaseFileRepository.EntryRow e,
            String type,
            java.time.LocalDate day,
            List<CaseFileRecord.Fact> facts,
            List<CaseFileRecord.Section> sections,
            String note) {
        return new CaseFileRecord(
                access.coalition().name(),
                t.title(),
                type,
                e.item().title(),
                day,
                access.coalition().name(),
                classificationName(e.classification()),
                retention(e.retentionYears()),
                facts,
                sections,
                note);
    }

    /** Whether the PDF declares itself PDF/A (part 1, 2 or 3) in its XMP metadata. */
    static boolean claimsPdfA(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return false;
            }
            return PDFA_CLAIM
                    .matcher(new String(metadata.toByteArray(), StandardCharsets.UTF_8))
                    .find();
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ views and rules

    private static List<CaseFileRepository.EntryRow> visible(
            CoalitionAccess access, List<CaseFileRepository.EntryRow> entries) {
        if (access.has(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER)) {
            return entries;
        }
        return entries.stream()
                .filter(e -> e.item().kind() != CaseFile.Kind.REPORT)
                .toList();
    }

    private static CaseFile.Entry view(CaseFileRepository.EntryRow e) {
        return new CaseFile.Entry(
                e.id(),
                e.item().kind(),
                e.item().id(),
                e.item().title(),
                MeetingTime.day(e.item().at()),
                e.classification(),
                e.retentionYears(),
                e.addedAt(),
                e.addedBy());
    }

    private static String fileKind(CaseFile.Kind kind) {
        return switch (kind) {
            case DOCUMENT -> "document";
            case DECISION -> "besluit";
            case MEETING -> "vergadering";
            case REPORT -> "verantwoording";
        };
    }

    private static String typeName(CaseFile.Kind kind) {
        return switch (kind) {
            case DOCUMENT -> "Document";
            case DECISION -> "Besluit";
            case MEETING -> "Vergadering met notulen";
            case REPORT -> "Verantwoordingspakket";
        };
    }

    private static String classificationName(CaseFile.Classification c) {
        return switch (c) {
            case OPENBAAR -> "Openbaar";
            case INTERN -> "Intern";
            case VERTROUWELIJK -> "Vertrouwelijk";
        };
    }

    private static String retention(Integer years) {
        return years == null ? "Blijvend te bewaren" : years + " jaar";
    }

    private static String slug(String title) {
        String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "traject" : s.substring(0, Math.min(60, s.length()));
    }

    private TrajectRepository.TrajectRow traject(CoalitionAccess access, UUID id) {
        return trajects.traject(access.id().value(), id)
                .orElseThrow(() ->
                        ProblemException.notFound("traject.not-found", "There is no such traject in this coalition."));
    }

    private static ProblemException entryNotFound() {
        return ProblemException.notFound("traject.case-entry-not-found", "This case file has no such entry.");
    }

    private static <T> T guarded(Supplier<T> work) {
        return Duplicates.asConflict("traject.case-entry-duplicate", "This item is in the case file already.", work);
    }
}
