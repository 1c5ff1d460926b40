package nl.samenspel.governance.signing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.DatabaseConflicts;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.LoginService;
import nl.samenspel.governance.job.JobQueue;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Signature requests: the secretary asks members to sign a document; each member signs through a
 * representative with may-sign (every joint signatory when its mandates are joint), re-confirming
 * with the password and consenting to a text that names the document's SHA-256; a signatory may
 * decline with a reason, the secretary may cancel, and the deadline ends what is unsigned. When the
 * last signature is in, the request waits for the job that seals its final PDF ({@link SealingJob}).
 * The request row is locked for every change, and the database's triggers have the last word.
 */
@Singleton
public class SigningService {

    public static final String SEAL_JOB = "SEAL_SIGNED_DOCUMENT";
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration REMIND_BEFORE_DEADLINE = Duration.ofHours(24);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SigningService.class);

    private final SigningRepository repository;
    private final MemberRepository members;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final JobQueue jobs;
    private final LoginService login;
    private final SigningNotifier notifier;
    private final nl.samenspel.governance.coalition.CoalitionRepository coalitions;
    private final Clock clock;

    SigningService(
            SigningRepository repository,
            MemberRepository members,
            TenantTransactions tx,
            AuditLog audit,
            JobQueue jobs,
            LoginService login,
            SigningNotifier notifier,
            nl.samenspel.governance.coalition.CoalitionRepository coalitions,
            Clock clock) {
        this.repository = repository;
        this.members = members;
        this.tx = tx;
        this.audit = audit;
        this.jobs = jobs;
        this.login = login;
        this.notifier = notifier;
        this.coalitions = coalitions;
        this.clock = clock;
    }

    /** Where a signature came from, as the controller saw the request. */
    public record Origin(String ipAddress, String userAgent) {}

    public SignatureRequest create(CoalitionAccess access, SigningRequests.Create request) {
        access.require(CoalitionRole.SECRETARY);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant deadline = request.deadline().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (!deadline.isAfter(now)) {
            throw ProblemException.invalidField("deadline", "signing.deadline-past", "give a deadline in the future");
        }
        if (deadline.isAfter(now.plus(MAX_WINDOW))) {
            throw ProblemException.invalidField(
                    "deadline", "signing.deadline-too-far", "give a deadline within a year from now");
        }
        String message = multiline("message", request.message());
        if (new HashSet<>(request.memberIds()).size() != request.memberIds().size()) {
            throw ProblemException.invalidField("memberIds", "signing.member-twice", "name each member once");
        }
        UUID coalition = access.id().value();
        LocalDate today = MeetingTime.day(now);
        return tx.write(access.id(), () -> {
            DocumentFacts document = document(coalition, request.documentId())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "documentId", "signing.document-unknown", "there is no such document in this coalition"));
            if (nl.samenspel.governance.document.PdfUploads.check(document.content())
                    .signed()) {
                // The final appends pages and is sealed as a whole, which would break the signature in it.
                throw ProblemException.invalidField(
                        "documentId",
                        "signing.document-signed",
                        "this PDF carries a signature already; upload the version without signatures");
            }
            String title = request.title() == null || request.title().isBlank()
                    ? document.title()
                    : request.title().strip();
            UUID id = UUID.randomUUID();
            repository.insert(
                    coalition,
                    new SigningRepository.Row(
                            id,
                            document.id(),
                            document.title(),
                            document.sha256(),
                            title,
                            message,
                            request.order(),
                            deadline,
                            SignatureRequest.Status.OPEN,
                            now,
                            access.actor(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            0));
            int position = 0;
            int step = 0;
            List<String> memberNames = new ArrayList<>();
            for (UUID memberId : request.memberIds()) {
                Member member = members.findByCoalitionIdAndId(coalition, memberId)
                        .filter(m -> m.currentOn(today))
                        .orElseThrow(() -> ProblemException.invalidField(
                                "memberIds", "signing.member-unknown", "there is no current member " + memberId));
                List<SigningRepository.Signer> signers = repository.signers(coalition, memberId, today);
                if (signers.isEmpty()) {
                    throw ProblemException.invalidField(
                            "memberIds",
                            "signing.member-cannot-sign",
                            member.name() + " has no representative who may sign for it");
                }
                step = request.order() == SignatureRequest.Order.SEQUENTIAL ? step + 1 : 1;
                memberNames.add(member.name());
                if (signers.stream().allMatch(SigningRepository.Signer::jointly) && signers.size() < 2) {
                    // A joint mandate binds only together with another joint signatory.
                    throw ProblemException.invalidField(
                            "memberIds",
                            "signing.member-cannot-sign",
                            member.name() + " has one joint signatory only, who cannot sign alone");
                }
                if (signers.stream().anyMatch(s -> !s.jointly())) {
                    repository.insertSignatory(coalition, id, ++position, step, memberId, null);
                } else {
                    for (SigningRepository.Signer joint : signers) {
                        repository.insertSignatory(coalition, id, ++position, step, memberId, joint.representativeId());
                    }
                }
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("title", title);
            state.put("documentId", document.id().toString());
            state.put("documentSha256", document.sha256());
            state.put("order", request.order().name());
            state.put("deadline", deadline.toString());
            state.put("members", memberNames);
            audit.append(
                    access.id(), access.actor(), "signature-request.created", "signature_request", id, null, state);
            if (!deadline.isAfter(now.plus(REMIND_BEFORE_DEADLINE))) {
                // The invitation itself comes within a day of the deadline: no reminder after it.
                repository.reminded(coalition, id, now);
            }
            SignatureRequest created =
                    view(access, repository.find(coalition, id, false).orElseThrow());
            notifier.invited(access.coalition(), created, actionable(created, null));
            return created;
        });
    }

    public List<SignatureRequest> list(CoalitionAccess access) {
        return tx.read(access.id(), () -> repository.all(access.id().value()).stream()
                .map(row -> view(access, row))
                .toList());
    }

    public SignatureRequest get(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> view(access, load(access, id, false)));
    }

    /** The document as it is to be signed. */
    public AgendaDocuments.Download original(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> {
            SigningRepository.Row row = load(access, id, false);
            DocumentFacts d = document(access.id().value(), row.documentId()).orElseThrow();
            return new AgendaDocuments.Download(d.filename(), "application/pdf", d.content());
        });
    }

    /** The sealed final: the original's pages followed by the certificate of completion. */
    public AgendaDocuments.Download signedPdf(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> {
            SigningRepository.Row row = load(access, id, false);
            byte[] content = repository
                    .finalContent(access.id().value(), id)
                    .orElseThrow(() -> ProblemException.conflict(
                            "signing.not-completed", "This document has not been signed and sealed by everyone yet."));
            return new AgendaDocuments.Download(finalFilename(row.title()), "application/pdf", content);
        });
    }

    public SignatureRequest sign(CoalitionAccess access, UUID id, SigningRequests.Sign request, Origin origin) {
        if (!Boolean.TRUE.equals(request.consent())) {
            throw ProblemException.invalidField(
                    "consent", "signing.consent-required", "confirm that you agree to the text shown");
        }
        UUID coalition = access.id().value();
        // First what needs no password (404, 403, 409), then the password outside the transaction, since
        // checking it takes a while and must not hold the request's lock; then everything again, locked.
        tx.read(access.id(), () -> {
            SigningRepository.Row row = load(access, id, false);
            openAt(row, clock.instant());
            return turnFor(access, row, repository.slots(coalition, id), request.memberId(), clock.instant());
        });
        try {
            login.verify(access.account().email(), request.password());
        } catch (ProblemException e) {
            if (e.status().getCode() == 401) {
                throw ProblemException.invalidField("password", "signing.password-wrong", "the password is not right");
            }
            throw e;
        }
        return tx.write(access.id(), () -> {
            SigningRepository.Row row = load(access, id, true);
            // The moment of signing is taken once the request is locked, so it follows any signature before it.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            openAt(row, now);
            List<SigningRepository.Slot> slots = repository.slots(coalition, id);
            SignatureRequest.Turn turn = turnFor(access, row, slots, request.memberId(), now);
            if (request.consentSha256() != null && !request.consentSha256().equalsIgnoreCase(turn.consentSha256())) {
                throw ProblemException.conflict(
                        "signing.consent-changed",
                        "The text to consent to has changed since it was shown; read it again and sign.");
            }
            DocumentFacts document = document(coalition, row.documentId()).orElseThrow();
            String sha256 = AgendaDocuments.sha256(document.content());
            if (!sha256.equals(document.sha256())) {
                LOG.error("document {} of coalition {} no longer matches its SHA-256", document.id(), coalition);
                throw ProblemException.conflict(
                        "signing.document-changed",
                        "The stored document no longer matches its fingerprint; it cannot be signed. Tell the secretary.");
            }
            String consent = turn.consentText();
            String ip = clip(origin.ipAddress(), 100);
            String userAgent = origin.userAgent() == null ? null : clip(origin.userAgent(), 1000);
            guarded(() -> repository.sign(
                    coalition,
                    id,
                    turn.position(),
                    now,
                    access.account().id(),
                    access.account().displayName(),
                    ip,
                    userAgent,
                    sha256,
                    consent));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("position", turn.position());
            evidence.put("member", turn.memberName());
            evidence.put("accountId", access.account().id().toString());
            evidence.put("ipAddress", ip);
            evidence.put("userAgent", userAgent);
            evidence.put("documentSha256", sha256);
            evidence.put("consentText", consent);
            audit.append(access.id(), access.actor(), "signature.signed", "signature_request", id, null, evidence);
            List<SigningRepository.Slot> after = repository.slots(coalition, id);
            if (after.stream().allMatch(s -> s.signatory().signed())) {
                repository.markSigned(coalition, id, now);
                jobs.enqueue(access.id(), SEAL_JOB, id);
                audit.append(
                        access.id(),
                        "samenspel",
                        "signature-request.signed",
                        "signature_request",
                        id,
                        null,
                        Map.of("signatures", after.size()));
            } else {
                int stepBefore = currentStep(slots);
                int stepNow = currentStep(after);
                if (stepNow != stepBefore) {
                    SignatureRequest view =
                            view(access, repository.find(coalition, id, false).orElseThrow());
                    notifier.invited(access.coalition(), view, actionable(view, null));
                }
            }
            return view(access, repository.find(coalition, id, false).orElseThrow());
        });
    }

    public SignatureRequest decline(CoalitionAccess access, UUID id, SigningRequests.Decline request) {
        String reason = multiline("reason", request.reason());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            SigningRepository.Row row = open(access, id, now);
            List<SigningRepository.Slot> slots = repository.slots(coalition, id);
            SignatureRequest.Turn turn =
                    mine(access, row, slots, request.memberId(), now).get(0);
            guarded(() -> repository.decline(
                    coalition,
                    id,
                    turn.position(),
                    now,
                    access.account().id(),
                    access.account().displayName(),
                    reason));
            repository.end(coalition, id, SignatureRequest.Status.DECLINED, now, access.actor(), reason);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("position", turn.position());
            state.put("member", turn.memberName());
            state.put("reason", reason);
            audit.append(access.id(), access.actor(), "signature.declined", "signature_request", id, null, state);
            SignatureRequest view =
                    view(access, repository.find(coalition, id, false).orElseThrow());
            notifier.ended(access.coalition(), view);
            return view;
        });
    }

    public SignatureRequest cancel(CoalitionAccess access, UUID id, SigningRequests.Cancel request) {
        access.require(CoalitionRole.SECRETARY);
        String reason = multiline("reason", request.reason());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            openAt(load(access, id, true), now);
            repository.end(coalition, id, SignatureRequest.Status.CANCELLED, now, access.actor(), reason);
            audit.append(
                    access.id(),
                    access.actor(),
                    "signature-request.cancelled",
                    "signature_request",
                    id,
                    null,
                    Map.of("reason", reason));
            SignatureRequest view =
                    view(access, repository.find(coalition, id, false).orElseThrow());
            notifier.ended(access.coalition(), view);
            return view;
        });
    }

    /** Ends every open request whose deadline has passed, for all coalitions; returns how many. */
    public int expireDue() {
        int ended = 0;
        for (nl.samenspel.governance.coalition.Coalition coalition : coalitions.findAll()) {
            try {
                ended += tx.write(coalition.coalitionId(), () -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    List<UUID> due = repository.overdue(coalition.id(), now);
                    for (UUID id : due) {
                        Instant deadline = repository
                                .find(coalition.id(), id, false)
                                .orElseThrow()
                                .deadline();
                        repository.end(coalition.id(), id, SignatureRequest.Status.EXPIRED, now, "samenspel", null);
                        audit.append(
                                coalition.coalitionId(),
                                "samenspel",
                                "signature-request.expired",
                                "signature_request",
                                id,
                                null,
                                Map.of("deadline", deadline.toString()));
                        notifier.ended(coalition, system(coalition, id));
                    }
                    return due.size();
                });
            } catch (RuntimeException e) {
                LOG.warn(
                        "ending overdue signature requests of {} failed; the next round tries again",
                        coalition.slug(),
                        e);
            }
        }
        return ended;
    }

    /** Reminds, once, the signatories in turn of requests whose deadline is within a day. */
    public int remindDue() {
        int reminded = 0;
        for (nl.samenspel.governance.coalition.Coalition coalition : coalitions.findAll()) {
            try {
                reminded += tx.write(coalition.coalitionId(), () -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    List<UUID> due = repository.toRemind(coalition.id(), now, now.plus(REMIND_BEFORE_DEADLINE));
                    for (UUID id : due) {
                        SignatureRequest request = system(coalition, id);
                        notifier.reminder(coalition, request, actionable(request, null));
                        repository.reminded(coalition.id(), id, now);
                    }
                    return due.size();
                });
            } catch (RuntimeException e) {
                LOG.warn("signing reminders of {} failed; the next round tries again", coalition.slug(), e);
            }
        }
        return reminded;
    }

    // ------------------------------------------------------------------ reading and rules

    private SigningRepository.Row load(CoalitionAccess access, UUID id, boolean forUpdate) {
        return repository
                .find(access.id().value(), id, forUpdate)
                .orElseThrow(() -> ProblemException.notFound(
                        "signing.not-found", "There is no such signature request in this coalition."));
    }

    /** The request, locked, if signatures can still be given or refused now. */
    private SigningRepository.Row open(CoalitionAccess access, UUID id, Instant now) {
        return openAt(load(access, id, true), now);
    }

    private static SigningRepository.Row openAt(SigningRepository.Row row, Instant now) {
        if (row.status() != SignatureRequest.Status.OPEN) {
            throw notOpen(row.status());
        }
        if (!row.deadline().isAfter(now)) {
            throw ProblemException.conflict("signing.deadline-passed", "The deadline for signing has passed.");
        }
        return row;
    }

    private static ProblemException notOpen(SignatureRequest.Status status) {
        String detail =
                switch (status) {
                    case SEALING, COMPLETED -> "Everyone has signed this document already.";
                    case DECLINED -> "A signatory declined; this request has ended.";
                    case CANCELLED -> "The secretary cancelled this request.";
                    case EXPIRED -> "The deadline for signing has passed.";
                    case OPEN -> "This request is open.";
                };
        return ProblemException.conflict("signing.not-open", detail);
    }

    /** The caller's signature to give now; 403 without a mandate, 409 when signed or not yet in turn. */
    private SignatureRequest.Turn turnFor(
            CoalitionAccess access,
            SigningRepository.Row row,
            List<SigningRepository.Slot> slots,
            UUID memberId,
            Instant now) {
        List<SignatureRequest.Turn> mine = mine(access, row, slots, memberId, now);
        return mine.stream()
                .filter(SignatureRequest.Turn::inTurn)
                .findFirst()
                .orElseThrow(() -> ProblemException.conflict(
                        "signing.not-your-turn", "Earlier signatories have to sign first; you will get an e-mail."));
    }

    /** The pending signatures the caller may give for a member; 403 without a mandate, 409 when none is left. */
    private List<SignatureRequest.Turn> mine(
            CoalitionAccess access,
            SigningRepository.Row row,
            List<SigningRepository.Slot> slots,
            UUID memberId,
            Instant now) {
        List<SigningRepository.Mandate> mandates =
                repository.mandates(access.id().value(), access.account().id(), MeetingTime.day(now));
        boolean mayForAny = slots.stream().anyMatch(s -> mandates.stream()
                .anyMatch(m -> m.memberId().equals(s.signatory().memberId())
                        && (memberId == null || memberId.equals(m.memberId()))));
        if (!mayForAny) {
            throw ProblemException.forbidden(
                    "signing.no-mandate",
                    memberId == null
                            ? "You hold no mandate to sign for a member asked to sign this document."
                            : "You hold no mandate to sign for that member, or it is not asked to sign this document.");
        }
        List<SignatureRequest.Turn> turns = turns(access, row, slots, mandates, memberId);
        if (turns.isEmpty()) {
            throw ProblemException.conflict(
                    "signing.already-signed", "Your organisation's signature for this document has been given.");
        }
        return turns;
    }

    private List<SignatureRequest.Turn> turns(
            CoalitionAccess access,
            SigningRepository.Row row,
            List<SigningRepository.Slot> slots,
            List<SigningRepository.Mandate> mandates,
            UUID memberId) {
        int step = currentStep(slots);
        List<SignatureRequest.Turn> turns = new ArrayList<>();
        for (SigningRepository.Slot slot : slots) {
            SignatureRequest.Signatory s = slot.signatory();
            if (!s.pending() || (memberId != null && !memberId.equals(s.memberId()))) {
                continue;
            }
            for (SigningRepository.Mandate m : mandates) {
                boolean fits = m.memberId().equals(s.memberId())
                        && (s.representativeId() == null
                                ? !m.jointly()
                                : s.representativeId().equals(m.representativeId()));
                if (fits) {
                    turns.add(new SignatureRequest.Turn(
                            s.position(),
                            s.memberId(),
                            s.memberName(),
                            s.step() <= step,
                            consentText(access.account().displayName(), s.memberName(), row, m.jointly())));
                }
            }
        }
        return turns;
    }

    /** The lowest step with a signature missing; a parallel request has only step 1. */
    private static int currentStep(List<SigningRepository.Slot> slots) {
        return slots.stream()
                .filter(s -> !s.signatory().signed())
                .mapToInt(s -> s.signatory().step())
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    /** The consent a signer gives, recorded word for word with the signature. */
    static String consentText(String signer, String member, SigningRepository.Row row, boolean jointly) {
        return "Ik, " + signer + ", onderteken namens " + member + " het document “" + row.documentTitle()
                + "” (SHA-256 " + row.documentSha256() + ") en verklaar dat ik bevoegd ben " + member
                + (jointly ? ", samen met de andere gezamenlijk bevoegden," : "")
                + " hierbij te vertegenwoordigen. Ik ga akkoord met elektronische ondertekening.";
    }

    private SignatureRequest view(CoalitionAccess access, SigningRepository.Row row) {
        return view(access.id(), row, access.has(CoalitionRole.SECRETARY, CoalitionRole.ACCOUNTANT), access);
    }

    /** The request as the product itself sees it (for e-mail), inside a transaction of the coalition. */
    SignatureRequest system(nl.samenspel.governance.coalition.Coalition coalition, UUID id) {
        return view(
                coalition.coalitionId(),
                repository.find(coalition.id(), id, false).orElseThrow(),
                true,
                null);
    }

    private SignatureRequest view(
            CoalitionId coalitionId, SigningRepository.Row row, boolean evidence, CoalitionAccess access) {
        UUID coalition = coalitionId.value();
        Instant now = clock.instant();
        List<SigningRepository.Slot> slots = repository.slots(coalition, row.id());
        List<SignatureRequest.Signatory> signatories = slots.stream()
                .map(SigningRepository.Slot::signatory)
                .map(s -> evidence
                        ? s
                        : new SignatureRequest.Signatory(
                                s.position(),
                                s.step(),
                                s.memberId(),
                                s.memberName(),
                                s.representativeId(),
                                s.representativeName(),
                                s.state(),
                                s.actedAt(),
                                s.signerName(),
                                s.consentText(),
                                s.documentSha256(),
                                s.declineReason(),
                                null,
                                null))
                .toList();
        SignatureRequest.Status status =
                row.status() == SignatureRequest.Status.OPEN && !row.deadline().isAfter(now)
                        ? SignatureRequest.Status.EXPIRED
                        : row.status();
        List<SignatureRequest.Turn> turns = status == SignatureRequest.Status.OPEN && access != null
                ? turns(
                        access,
                        row,
                        slots,
                        repository.mandates(coalition, access.account().id(), MeetingTime.day(now)),
                        null)
                : List.of();
        Boolean retrying = null;
        Boolean failed = null;
        if (status == SignatureRequest.Status.SEALING) {
            Optional<JobQueue.Status> job = jobs.status(coalitionId, SEAL_JOB, row.id());
            retrying = job.map(j -> j.state().equals("PENDING") && j.lastError() != null)
                    .orElse(false);
            failed = job.map(j -> j.state().equals("FAILED")).orElse(false);
        }
        return new SignatureRequest(
                row.id(),
                row.documentId(),
                row.documentTitle(),
                row.documentSha256(),
                row.title(),
                row.message(),
                row.order(),
                row.deadline(),
                status,
                row.createdAt(),
                row.createdBy(),
                row.signedAt(),
                row.endedAt(),
                row.endedBy(),
                row.endReason(),
                signatories,
                repository.finalOf(coalition, row.id()).orElse(null),
                retrying,
                failed,
                turns,
                row.version());
    }

    /** Signatories who may act now, with the accounts to write to, for an invitation e-mail. */
    static List<SignatureRequest.Signatory> actionable(SignatureRequest request, Set<Integer> skip) {
        int step = request.signatories().stream()
                .filter(s -> !s.signed())
                .mapToInt(SignatureRequest.Signatory::step)
                .min()
                .orElse(Integer.MAX_VALUE);
        return request.signatories().stream()
                .filter(s -> s.pending() && s.step() == step && (skip == null || !skip.contains(s.position())))
                .toList();
    }

    record DocumentFacts(UUID id, String title, String filename, String sha256, byte[] content) {}

    private Optional<DocumentFacts> document(UUID coalition, UUID documentId) {
        return Sql.on(tx.connection())
                .one(
                        "SELECT id, title, filename, sha256, content FROM document WHERE coalition_id = ? AND id = ?",
                        rs -> new DocumentFacts(
                                Sql.uuid(rs, "id"),
                                rs.getString("title"),
                                rs.getString("filename"),
                                rs.getString("sha256"),
                                rs.getBytes("content")),
                        coalition,
                        documentId);
    }

    /** Runs an update the triggers guard, turning their refusal into the answer a client can act on. */
    private static void guarded(java.util.function.IntSupplier update) {
        int changed;
        try {
            changed = update.getAsInt();
        } catch (RuntimeException e) {
            String state = DatabaseConflicts.sqlState(e).orElse(null);
            if ("55000".equals(state)) {
                throw ProblemException.conflict(
                        "signing.not-open", "This signature can no longer be given or refused.");
            }
            if ("42501".equals(state)) {
                throw ProblemException.forbidden("signing.no-mandate", "You hold no mandate to sign for this member.");
            }
            throw e;
        }
        if (changed != 1) {
            throw ProblemException.conflict(
                    "signing.already-signed", "This signature has been given or refused already.");
        }
    }

    static String finalFilename(String title) {
        return AgendaDocuments.safeFilename(baseName(title) + " - ondertekend.pdf");
    }

    /** Letters, digits and a little punctuation of a title, at most 150 of them, for a file name. */
    public static String baseName(String title) {
        String base = title.replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        base = base.length() > 150 ? base.substring(0, 150).strip() : base;
        return base.isEmpty() ? "document" : base;
    }

    /** Text that may span lines, but holds no other control characters (PostgreSQL refuses NUL). */
    static String multiline(String field, String text) {
        if (text == null) {
            return "";
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ProblemException.invalidField(field, "request.control-characters", "remove control characters");
        }
        return text.strip();
    }

    private static String clip(String value, int max) {
        String v = value == null || value.isBlank() ? "onbekend" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
