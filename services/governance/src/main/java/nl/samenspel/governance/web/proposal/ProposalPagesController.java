package nl.samenspel.governance.web.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingResponse;
import nl.samenspel.governance.meeting.MeetingService;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.proposal.DecisionRegister;
import nl.samenspel.governance.proposal.Proposal;
import nl.samenspel.governance.proposal.ProposalClosing;
import nl.samenspel.governance.proposal.ProposalRequests;
import nl.samenspel.governance.proposal.ProposalResponse;
import nl.samenspel.governance.proposal.ProposalService;
import nl.samenspel.governance.proposal.Vote;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.statute.StatuteVersion;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.MultipartCsrf;
import nl.samenspel.governance.web.Pages;

/**
 * Proposals and voting in the browser: everyone with a role follows them; the secretary drafts, opens
 * and closes; a representative with a mandate votes for its member, declares a conflict or grants a
 * proxy. After the close the page shows the outcome, the tally and the explanation.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "body.not-found",
            "document.content-mismatch",
            "document.empty",
            "document.missing",
            "document.name-invalid",
            "document.too-large",
            "document.type-not-accepted",
            "meeting.not-found",
            "member.not-found",
            "statute.not-found",
            "meeting.body-may-not-decide",
            "proposal.amendment-needs-version",
            "proposal.attachment-not-found",
            "proposal.closed",
            "proposal.closes-in-past",
            "proposal.meeting-of-other-body",
            "proposal.meeting-required",
            "proposal.not-draft",
            "proposal.not-open",
            "proposal.version-changed",
            "proposal.version-conflict",
            "proposal.version-not-draft",
            "proposal.version-unexpected",
            "proposal.window-too-long",
            "proposal.written-has-no-meeting",
            "proxy.cap",
            "proxy.to-self",
            "recusal.after-vote",
            "recusal.declared",
            "vote.already-cast",
            "vote.closed",
            "vote.concurrent",
            "vote.not-eligible",
            "vote.not-open",
            "vote.recused"));

    static final List<String> DRAFT_FIELDS =
            List.of("title", "text", "decisionType", "bodyId", "mode", "meetingId", "statuteVersionId");

    private static final Map<String, String> OPEN_FIELDS = Map.of("closesAt", "closesDate");
    private static final Map<String, String> PROXY_FIELDS =
            Map.of("grantorId", "grantorId", "holderId", "holderId", "instruction", "instruction");
    private static final Map<String, String> CONFLICT_FIELDS = Map.of("memberId", "conflictMemberId");

    private final ProposalService proposals;
    private final ProposalClosing closing;
    private final DecisionRegister register;
    private final BodyService bodies;
    private final MeetingService meetings;
    private final StatuteService statutes;
    private final Validator validator;
    private final Clock clock;
    private final MultipartCsrf csrf;

    ProposalPagesController(
            ProposalService proposals,
            ProposalClosing closing,
            DecisionRegister register,
            BodyService bodies,
            MeetingService meetings,
            StatuteService statutes,
            Validator validator,
            Clock clock,
            MultipartCsrf csrf) {
        this.proposals = proposals;
        this.closing = closing;
        this.register = register;
        this.bodies = bodies;
        this.meetings = meetings;
        this.statutes = statutes;
        this.validator = validator;
        this.clock = clock;
        this.csrf = csrf;
    }

    @Serdeable
    record DraftForm(
            @Nullable String title,
            @Nullable String text,
            @Nullable String decisionType,
            @Nullable String bodyId,
            @Nullable String mode,
            @Nullable String meetingId,
            @Nullable String statuteVersionId,
            @Nullable String version) {}

    @Serdeable
    record OpenForm(@Nullable String closesDate, @Nullable String closesTime, @Nullable String version) {}

    @Serdeable
    record VoteForm(@Nullable String choice) {}

    @Serdeable
    record ProxyForm(@Nullable String grantorId, @Nullable String holderId, @Nullable String instruction) {}

    @Serdeable
    record ConflictForm(@Nullable String conflictMemberId, @Nullable String reason) {}

    /** One bar of the result chart: a choice, its count and its share of the votes cast. */
    record Bar(String choice, long count, long percent) {}

    /** What a refused form needs to show again. */
    private record Trouble(HttpStatus status, Map<String, String> errors, String general, Map<String, String> values) {
        static Trouble none() {
            return new Trouble(HttpStatus.OK, Map.of(), null, Map.of());
        }
    }

    // --- the list and the register

    @Get("/proposals")
    HttpResponse<?> list(CoalitionAccess access) {
        return Pages.page(
                "proposals",
                Pages.model("access", access, "proposals", proposals.list(access), "section", "proposals"));
    }

    @Get("/decision-register")
    HttpResponse<?> decisionRegister(
            CoalitionAccess access, @Nullable @QueryValue String q, @Nullable @QueryValue String outcome) {
        String query = Forms.trimmed(q);
        Map<String, String> errors = new LinkedHashMap<>();
        if (query != null && query.length() > 200) {
            errors.put("q", "error.too-long");
            query = null;
        }
        Proposal.Outcome only =
                Forms.blank(outcome) ? null : Forms.choice(Proposal.Outcome.class, outcome, "outcome", errors);
        return Pages.page(
                errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY,
                "decision-register",
                Pages.model(
                        "access",
                        access,
                        "entries",
                        register.entries(access, query, only),
                        "q",
                        q == null ? "" : q,
                        "outcome",
                        only == null ? "" : only.name(),
                        "outcomes",
                        Proposal.Outcome.values(),
                        "errors",
                        errors,
                        "section",
                        "proposals"));
    }

    // --- drafting

    @Get("/proposals/new")
    HttpResponse<?> newForm(CoalitionAccess access) {
        access.require(CoalitionRole.SECRETARY);
        DraftForm form =
                new DraftForm("", "", DecisionType.ORDINARY.name(), "", Proposal.Mode.WRITTEN.name(), "", "", null);
        return draftForm(HttpStatus.OK, access, form, Map.of(), null, null);
    }

    @Post(value = "/proposals/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> draft(CoalitionAccess access, @Body DraftForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        ProposalRequests.Draft request = draftRequest(form, null, null, errors);
        if (!errors.isEmpty()) {
            return draftForm(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, form, Forms.ordered(errors, DRAFT_FIELDS), null, null);
        }
        ProposalResponse created;
        try {
            created = proposals.draft(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, field -> field, MESSAGES);
            return draftForm(r.status(), access, form, r.errors(), r.general(), null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/proposals/" + created.id() + "?done=drafted");
    }

    /** The secretary edits a draft; once voting has opened its text no longer changes. */
    @Get("/proposals/{id}/edit")
    HttpResponse<?> editForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        ProposalResponse p = proposals.get(access, id);
        if (p.status() != Proposal.Status.DRAFT) {
            throw ProblemException.conflict(
                    "proposal.not-draft", "Voting on this proposal has begun; its text no longer changes.");
        }
        DraftForm form = new DraftForm(
                p.title(),
                p.text(),
                p.decisionType().name(),
                p.bodyId().toString(),
                p.mode().name(),
                p.meetingId() == null ? "" : p.meetingId().toString(),
                p.statuteVersionId() == null ? "" : p.statuteVersionId().toString(),
                Integer.toString(p.version()));
        return draftForm(HttpStatus.OK, access, form, Map.of(), null, p);
    }

    @Post(value = "/proposals/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(CoalitionAccess access, UUID id, @Body DraftForm form) {
        access.require(CoalitionRole.SECRETARY);
        ProposalResponse current = proposals.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = Forms.whole(form.version(), "version", errors);
        if (version == null) {
            throw ProblemException.badRequest("form.invalid", "The form is incomplete.");
        }
        ProposalRequests.Draft request = draftRequest(form, current.votesChangeable(), version, errors);
        if (!errors.isEmpty()) {
            return draftForm(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, form, Forms.ordered(errors, DRAFT_FIELDS), null, current);
        }
        try {
            proposals.updateDraft(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, field -> field, MESSAGES);
            return draftForm(r.status(), access, form, r.errors(), r.general(), current);
        }
        return Pages.seeOther(page(access, id) + "?done=updated");
    }

    /** The service's request from the form, with the form's own mistakes in {@code errors}. */
    private ProposalRequests.Draft draftRequest(
            DraftForm form, @Nullable Boolean votesChangeable, @Nullable Integer version, Map<String, String> errors) {
        DecisionType type = Forms.choice(DecisionType.class, form.decisionType(), "decisionType", errors);
        Proposal.Mode mode = Forms.choice(Proposal.Mode.class, form.mode(), "mode", errors);
        UUID body = Forms.uuid(form.bodyId(), "bodyId", errors);
        UUID meeting = mode == Proposal.Mode.MEETING ? Forms.uuid(form.meetingId(), "meetingId", errors) : null;
        UUID statuteVersion = type == DecisionType.STATUTE_AMENDMENT
                ? Forms.uuid(form.statuteVersionId(), "statuteVersionId", errors)
                : null;
        ProposalRequests.Draft request = new ProposalRequests.Draft(
                Forms.trimmed(form.title()),
                form.text() == null ? "" : form.text(),
                type,
                body,
                mode,
                meeting,
                statuteVersion,
                votesChangeable,
                version);
        Forms.validate(validator, request, field -> field, errors);
        return request;
    }

    // --- the proposal page and its forms

    @Get("/proposals/{id}")
    HttpResponse<?> show(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = done != null
                        && List.of(
                                        "drafted",
                                        "updated",
                                        "opened",
                                        "closed",
                                        "voted",
                                        "proxy",
                                        "conflict",
                                        "attached",
                                        "attachment-removed")
                                .contains(done)
                ? "proposal.done." + done
                : null;
        return proposalPage(access, proposals.get(access, id), Trouble.none(), notice);
    }

    @Post(value = "/proposals/{id}/open", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> open(CoalitionAccess access, UUID id, @Body OpenForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = Forms.date(form.closesDate(), "closesDate", errors);
        LocalTime time = Forms.time(form.closesTime(), "closesTime", errors);
        Integer version = Forms.whole(form.version(), "version", errors);
        if (day == null && !errors.containsKey("closesDate")) {
            errors.put("closesDate", "error.required");
        }
        if (time == null && !errors.containsKey("closesTime")) {
            errors.put("closesTime", "error.required");
        }
        Map<String, String> values = Forms.values("closesDate", form.closesDate(), "closesTime", form.closesTime());
        if (!errors.isEmpty() || version == null) {
            if (version == null && errors.isEmpty()) {
                throw ProblemException.badRequest("form.invalid", "The form is incomplete.");
            }
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, values));
        }
        OffsetDateTime closesAt = day.atTime(time).atZone(MeetingTime.ZONE).toOffsetDateTime();
        try {
            proposals.open(access, id, new ProposalRequests.Open(closesAt, version));
        } catch (ProblemException e) {
            return refused(access, id, e, OPEN_FIELDS, values);
        }
        return Pages.seeOther(page(access, id) + "?done=opened");
    }

    @Post(value = "/proposals/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        try {
            closing.close(access, id);
        } catch (ProblemException e) {
            return refused(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther(page(access, id) + "?done=closed#result");
    }

    @Post(value = "/proposals/{id}/vote", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> vote(CoalitionAccess access, UUID id, @Body VoteForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Vote.Choice choice = Forms.choice(Vote.Choice.class, form.choice(), "choice", errors);
        if (choice == null && !errors.containsKey("choice")) {
            errors.put("choice", "error.choose");
        }
        if (!errors.isEmpty()) {
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, Map.of()));
        }
        try {
            proposals.cast(access, id, choice, null);
        } catch (ProblemException e) {
            return refused(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther(page(access, id) + "?done=voted#vote");
    }

    @Post(value = "/proposals/{id}/proxy", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> proxy(CoalitionAccess access, UUID id, @Body ProxyForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID grantor = Forms.uuid(form.grantorId(), "grantorId", errors);
        UUID holder = Forms.uuid(form.holderId(), "holderId", errors);
        Vote.Choice instruction = Forms.choice(Vote.Choice.class, form.instruction(), "instruction", errors);
        ProposalRequests.GrantProxy request = new ProposalRequests.GrantProxy(grantor, holder, instruction);
        Forms.validate(validator, request, field -> field, errors);
        Map<String, String> values = Forms.values(
                "grantorId", form.grantorId(), "holderId", form.holderId(), "instruction", form.instruction());
        if (!errors.isEmpty()) {
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, values));
        }
        try {
            proposals.grantProxy(access, id, request);
        } catch (ProblemException e) {
            return refused(access, id, e, PROXY_FIELDS, values);
        }
        return Pages.seeOther(page(access, id) + "?done=proxy#proxies");
    }

    @Post(value = "/proposals/{id}/conflict", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> conflict(CoalitionAccess access, UUID id, @Body ConflictForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID member = Forms.uuid(form.conflictMemberId(), "conflictMemberId", errors);
        ProposalRequests.DeclareConflict request =
                new ProposalRequests.DeclareConflict(member, Forms.trimmed(form.reason()));
        Forms.validate(validator, request, field -> CONFLICT_FIELDS.getOrDefault(field, field), errors);
        Map<String, String> values = Forms.values("conflictMemberId", form.conflictMemberId(), "reason", form.reason());
        if (!errors.isEmpty()) {
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, values));
        }
        try {
            proposals.declareConflict(access, id, request);
        } catch (ProblemException e) {
            return refused(access, id, e, CONFLICT_FIELDS, values);
        }
        return Pages.seeOther(page(access, id) + "?done=conflict#recusals");
    }

    /** A bijlage for a draft; multipart, so the CSRF token is checked here. */
    @Post(value = "/proposals/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> attach(
            HttpRequest<?> request,
            CoalitionAccess access,
            UUID id,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("csrfToken") @Nullable String csrfToken)
            throws IOException {
        csrf.requireForCookieSession(request, csrfToken);
        access.require(CoalitionRole.SECRETARY);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return troubled(
                    access,
                    id,
                    new Trouble(
                            HttpStatus.UNPROCESSABLE_ENTITY, Map.of("file", "error.document.missing"), null, Map.of()));
        }
        try {
            proposals.attach(
                    access,
                    id,
                    file.getFilename(),
                    file.getContentType().map(MediaType::toString).orElse(""),
                    file.getBytes());
        } catch (ProblemException e) {
            return refused(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther(page(access, id) + "?done=attached#attachments");
    }

    @Post(value = "/proposals/{id}/attachments/{attachmentId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeAttachment(CoalitionAccess access, UUID id, UUID attachmentId) {
        try {
            proposals.removeAttachment(access, id, attachmentId);
        } catch (ProblemException e) {
            return refused(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther(page(access, id) + "?done=attachment-removed#attachments");
    }

    // --- rendering

    private HttpResponse<?> refused(
            CoalitionAccess access,
            UUID id,
            ProblemException e,
            Map<String, String> fields,
            Map<String, String> values) {
        Forms.Refusal r = Forms.refusal(e, field -> fields.getOrDefault(field, field), MESSAGES);
        return troubled(access, id, new Trouble(r.status(), r.errors(), r.general(), values));
    }

    private HttpResponse<?> troubled(CoalitionAccess access, UUID id, Trouble trouble) {
        return proposalPage(access, proposals.get(access, id), trouble, null);
    }

    private HttpResponse<?> proposalPage(
            CoalitionAccess access, ProposalResponse proposal, Trouble trouble, String notice) {
        LocalDate closesDefault = MeetingTime.day(clock.instant()).plusDays(7);
        Map<String, Object> values = new HashMap<>(trouble.values());
        values.putIfAbsent("closesDate", closesDefault.toString());
        values.putIfAbsent("closesTime", "17:00");
        boolean open = proposal.status() == Proposal.Status.OPEN;
        boolean mayActForOthers = access.has(CoalitionRole.SECRETARY);
        boolean mayAct = proposal.status() != Proposal.Status.CLOSED && (mayActForOthers || proposal.myVote() != null);
        Map<String, Object> model = Pages.model(
                "access",
                access,
                "proposal",
                proposal,
                "errors",
                trouble.errors(),
                "general",
                trouble.general(),
                "values",
                values,
                "notice",
                notice,
                "votingOpen",
                open && proposal.closesAt() != null && proposal.closesAt().isAfter(clock.instant()),
                "mayAct",
                mayAct,
                "mayActForOthers",
                mayActForOthers,
                "choices",
                Vote.Choice.values(),
                "bars",
                bars(proposal.result()),
                "tally",
                tally(proposal.result()),
                "explanation",
                explanation(proposal.result()),
                "declaration",
                declaration(proposal.result()),
                "section",
                "proposals");
        return Pages.page(trouble.status(), "proposal", model);
    }

    /** The draft form, for a new proposal or, with {@code editing}, for that draft. */
    private HttpResponse<?> draftForm(
            HttpStatus status,
            CoalitionAccess access,
            DraftForm form,
            Map<String, String> errors,
            String general,
            @Nullable ProposalResponse editing) {
        Instant now = clock.instant();
        List<MeetingResponse> coming = meetings
                .list(access, now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(400)))
                .stream()
                .filter(m -> !m.status().name().equals("CANCELLED"))
                .toList();
        List<StatuteResponse> drafts = statutes.list(access).stream()
                .filter(v -> v.status() == StatuteVersion.Status.DRAFT)
                .toList();
        return Pages.page(
                status,
                "proposal-form",
                Pages.model(
                        "access", access,
                        "form", form,
                        "bodies", bodies.list(access),
                        "meetings", coming,
                        "drafts", drafts,
                        "decisionTypes", DecisionType.values(),
                        "modes", Proposal.Mode.values(),
                        "errors", errors,
                        "general", general,
                        "editing", editing,
                        "section", "proposals"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tally(Map<String, Object> result) {
        if (result == null || !(result.get("tally") instanceof Map<?, ?> tally)) {
            return null;
        }
        return (Map<String, Object>) tally;
    }

    private static List<Bar> bars(Map<String, Object> result) {
        Map<String, Object> tally = tally(result);
        if (tally == null) {
            return List.of();
        }
        long pro = number(tally.get("for"));
        long against = number(tally.get("against"));
        long abstain = number(tally.get("abstain"));
        long all = pro + against + abstain;
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("FOR", pro, all == 0 ? 0 : Math.round(100.0 * pro / all)));
        bars.add(new Bar("AGAINST", against, all == 0 ? 0 : Math.round(100.0 * against / all)));
        bars.add(new Bar("ABSTAIN", abstain, all == 0 ? 0 : Math.round(100.0 * abstain / all)));
        return bars;
    }

    private static List<String> explanation(Map<String, Object> result) {
        if (result == null || !(result.get("explanation") instanceof List<?> lines)) {
            return List.of();
        }
        return lines.stream().map(String::valueOf).toList();
    }

    private static String declaration(Map<String, Object> result) {
        if (result == null || !(result.get("declaration") instanceof Map<?, ?> declaration)) {
            return null;
        }
        Object text = declaration.get("text");
        return text == null ? null : text.toString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String page(CoalitionAccess access, UUID id) {
        return "/c/" + access.slug() + "/proposals/" + id;
    }
}
