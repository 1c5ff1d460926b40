package nl.samenspel.governance.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.documents.model.DecisionListDocument;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.proposal.DecisionRegister;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Documents made from the coalition's own records, to be signed: a statute version article by article,
 * or the decision list (besluitenlijst) of every closed proposal. They are rendered as PDF/A-2b without
 * a seal, since the signing workflow seals the final as a whole.
 */
@Singleton
public class GeneratedDocuments {

    public enum Kind {
        STATUTE_VERSION,
        DECISION_LIST
    }

    /** What to make: a statute version names its {@code statuteVersionId}; a title replaces the default. */
    @Serdeable
    public record Request(
            @NotNull Kind kind, @Nullable UUID statuteVersionId, @Nullable @Size(max = 300) @PlainText String title) {}

    private final StatuteService statutes;
    private final DecisionRegister register;
    private final DocumentsClient renderer;
    private final DocumentService documents;
    private final Clock clock;

    GeneratedDocuments(
            StatuteService statutes,
            DecisionRegister register,
            DocumentsClient renderer,
            DocumentService documents,
            Clock clock) {
        this.statutes = statutes;
        this.register = register;
        this.renderer = renderer;
        this.documents = documents;
        this.clock = clock;
    }

    public Document generate(CoalitionAccess access, Request request) {
        access.require(CoalitionRole.SECRETARY);
        DocumentModel model =
                switch (request.kind()) {
                    case STATUTE_VERSION -> statute(access, request);
                    case DECISION_LIST -> decisionList(access, request);
                };
        return documents.generated(access, model.pdfTitle(), renderer.renderUnsealed(model));
    }

    private StatuteVersionDocument statute(CoalitionAccess access, Request request) {
        if (request.statuteVersionId() == null) {
            throw ProblemException.invalidField(
                    "statuteVersionId", "document.statute-missing", "name the statute version to generate");
        }
        StatuteResponse version;
        try {
            version = statutes.get(access, request.statuteVersionId());
        } catch (ProblemException e) {
            if (e.status().getCode() == 404) {
                throw ProblemException.invalidField(
                        "statuteVersionId", "document.statute-unknown", "there is no such statute version here");
            }
            throw e;
        }
        if (version.articles().isEmpty()) {
            throw ProblemException.invalidField(
                    "statuteVersionId", "document.statute-empty", "this statute version has no articles yet");
        }
        String title = blank(request.title())
                ? version.title()
                        + (version.effectiveFrom() == null ? " (ontwerp versie " + version.number() + ")" : "")
                : request.title().strip();
        return new StatuteVersionDocument(
                access.coalition().name(),
                access.coalition().legalForm() == LegalForm.COOPERATIE_UA ? "coöperatie U.A." : "samenwerkingsverband",
                version.number(),
                title,
                version.effectiveFrom() == null ? MeetingTime.day(clock.instant()) : version.effectiveFrom(),
                version.articles().stream()
                        .map(a -> new StatuteVersionDocument.Article(
                                a.number(), a.title(), a.body() == null ? "" : a.body()))
                        .toList());
    }

    private DecisionListDocument decisionList(CoalitionAccess access, Request request) {
        List<DecisionRegister.Entry> entries = register.entries(access, null, null);
        if (entries.isEmpty()) {
            throw ProblemException.invalidField(
                    "kind", "document.no-decisions", "this coalition has no decisions taken on proposals yet");
        }
        String title = blank(request.title())
                ? "Besluitenlijst " + access.coalition().name()
                : request.title().strip();
        return new DecisionListDocument(
                access.coalition().name(),
                title,
                MeetingTime.day(clock.instant()),
                entries.stream()
                        .map(e -> new DecisionListDocument.Entry(
                                String.valueOf(e.number()),
                                e.title(),
                                e.bodyName()
                                        + (e.statuteVersion() == null ? "" : ", statuten versie " + e.statuteVersion()),
                                e.closedAt(),
                                switch (e.outcome()) {
                                    case ADOPTED -> "aangenomen";
                                    case REJECTED -> "verworpen";
                                    case INVALID -> "niet rechtsgeldig besloten";
                                },
                                (int) e.votesFor(),
                                (int) e.votesAgainst(),
                                (int) e.abstentions(),
                                e.declaration() == null ? "" : e.declaration(),
                                e.explanation()))
                        .toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
