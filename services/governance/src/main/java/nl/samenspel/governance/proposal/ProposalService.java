package nl.samenspel.governance.proposal;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.DatabaseConflicts;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.body.Body;
import nl.samenspel.governance.body.BodyRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.meeting.Meeting;
import nl.samenspel.governance.meeting.MeetingContext;
import nl.samenspel.governance.meeting.MeetingRepository;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.statute.StatuteRepository;
import nl.samenspel.governance.statute.StatuteVersion;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Proposals and votes. The secretary drafts and opens a proposal; a representative with a mandate to
 * vote casts its member's vote, once per revision, until the close. The database has the last word on
 * both (one first vote per member; nothing lands after the close), so racing requests cannot cheat.
 */
@Singleton
public class ProposalService {

    /** The longest a voting window may stay open. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(92);

    private final ProposalRepository proposals;
    private final BodyRepository bodies;
    private final MeetingRepository meetings;
    private final MemberRepository members;
    private final MeetingContext context;
    private final StatuteRepository statutes;
    private final ProposalNotifier notifier;
    private final ProposalConsequences consequences;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    ProposalService(
            ProposalRepository proposals,
            BodyRepository bodies,
            MeetingRepository meetings,
            MemberRepository members,
            MeetingContext context,
            StatuteRepository statutes,
            ProposalNotifier notifier,
            ProposalConsequences consequences,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.statutes = statutes;
        this.notifier = notifier;
        this.consequences = consequences;
        this.proposals = proposals;
        this.bodies = bodies;
        this.meetings = meetings;
        this.members = members;
        this.context = context;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ProposalResponse> list(CoalitionAccess access) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> {
            Map<UUID, String> names = new HashMap<>();
            bodies.findAllOfCoalition(coalition).forEach(b -> names.put(b.id(), b.name()));
            return proposals.all(coalition).stream()
                    .map(p -> summary(p, names.get(p.bodyId())))
                    .toList();
        });
    }

    public ProposalResponse get(CoalitionAccess access, UUID id) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> detail(access, find(coalition, id)));
    }

    public ProposalResponse draft(CoalitionAccess access, ProposalRequests.Draft request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            check(coalition, request);
            Proposal p = new Proposal(
                    coalition,
                    UUID.randomUUID(),
                    proposals.nextNumber(coalition),
                    request.title().trim(),
                    request.text() == null ? "" : request.text(),
                    request.decisionType(),
                    request.bodyId(),
                    request.mode(),
                    request.meetingId(),
                    request.statuteVersionId(),
                    Proposal.Status.DRAFT,
                    request.votesChangeable() == null || request.votesChangeable(),
                    null,
                    null,
                    null,
                    null,
                    0);
            proposals.insert(p, access.actor());
            audit.append(access.id(), access.actor(), "proposal.drafted", "proposal", p.id(), null, p.auditState());
            return detail(access, find(coalition, p.id()));
        });
    }

    public ProposalResponse updateDraft(CoalitionAccess access, UUID id, ProposalRequests.Draft request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.version() == null) {
            throw ProblemException.invalidField("version", "proposal.version-required", "give the version you edited");
        }
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Proposal current = lock(coalition, id);
            if (current.status() != Proposal.Status.DRAFT) {
                throw ProblemException.conflict(
                        "proposal.not-draft", "Voting on this proposal has begun; its text no longer changes.");
            }
            check(coalition, request);
            Proposal updated = new Proposal(
                    coalition,
                    id,
                    current.number(),
                    request.title().trim(),
                    request.text() == null ? "" : request.text(),
                    request.decisionType(),
                    request.bodyId(),
                    request.mode(),
                    request.meetingId(),
                    request.statuteVersionId(),
                    Proposal.Status.DRAFT,
                    request.votesChangeable() == null || request.votesChangeable(),
                    null,
                    null,
                    null,
                    null,
                    request.version());
            if (proposals.updateDraft(updated) != 1) {
                throw stale();
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "proposal.updated",
                    "proposal",
                    id,
                    current.auditState(),
                    updated.auditState());
            return detail(access, find(coalition, id));
        });
    }

    /**
     * Attaches a file to a draft (the secretary): its type is checked against its content, and nothing
     * is kept when it is refused. The database refuses it too once voting has opened.
     */
    public ProposalResponse attach(
            CoalitionAccess access, UUID proposalId, String filename, String contentType, byte[] content) {
        access.require(CoalitionRole.SECRETARY);
        String name = AgendaDocuments.safeFilename(filename);
        String type = AgendaDocuments.checkType(name, contentType, content);
        UUID coalition = access.id().value();
        return draftOnly(() -> tx.write(access.id(), () -> {
            Proposal p = lockDraft(coalition, proposalId);
            UUID id = UUID.randomUUID();
            String sha256 = AgendaDocuments.sha256(content);
            proposals.insertAttachment(
                    coalition, id, proposalId, name, type, content, sha256, clock.instant(), access.actor());
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("proposalId", proposalId.toString());
            state.put("filename", name);
            state.put("sha256", sha256);
            state.put("sizeBytes", content.length);
            audit.append(
                    access.id(), access.actor(), "proposal.attachment-added", "proposal_attachment", id, null, state);
            return detail(access, p);
        }));
    }

    /** Removes an attachment from a draft (the secretary). */
    public ProposalResponse removeAttachment(CoalitionAccess access, UUID proposalId, UUID attachmentId) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return draftOnly(() -> tx.write(access.id(), () -> {
            Proposal p = lockDraft(coalition, proposalId);
            ProposalResponse.AttachmentResponse gone = attachment(coalition, proposalId, attachmentId);
            proposals.deleteAttachment(coalition, proposalId, attachmentId);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("proposalId", proposalId.toString());
            state.put("filename", gone.filename());
            state.put("sha256", gone.sha256());
            audit.append(
                    access.id(),
                    access.actor(),
                    "proposal.attachment-removed",
                    "proposal_attachment",
                    attachmentId,
                    state,
                    null);
            return detail(access, find(coalition, proposalId));
        }));
    }

    /** The attachment's bytes with its name and type, for anyone who may read the proposal. */
    public AgendaDocuments.Download attachmentContent(CoalitionAccess access, UUID proposalId, UUID attachmentId) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> {
            find(coalition, proposalId);
            ProposalResponse.AttachmentResponse a = attachment(coalition, proposalId, attachmentId);
            byte[] content = proposals
                    .attachmentContent(coalition, proposalId, attachmentId)
                    .orElseThrow();
            return new AgendaDocuments.Download(a.filename(), a.contentType(), content);
        });
    }

    private ProposalResponse.AttachmentResponse attachment(UUID coalition, UUID proposalId, UUID attachmentId) {
        return proposals.attachments(coalition, proposalId).stream()
                .filter(a -> a.id().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        "proposal.attachment-not-found", "There is no such attachment to this proposal."));
    }

    private Proposal lockDraft(UUID coalition, UUID proposalId) {
        Proposal p = lock(coalition, proposalId);
        if (p.status() != Proposal.Status.DRAFT) {
            throw notDraft();
        }
        return p;
    }

    /** The database's own refusal (a vote opened meanwhile) reads as the service's. */
    private static <T> T draftOnly(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if ("55000".equals(DatabaseConflicts.sqlState(e).orElse(null))) {
                throw notDraft();
            }
            throw e;
        }
    }

    private static ProblemException notDraft() {
        return ProblemException.conflict(
                "proposal.not-draft", "Voting on this proposal has begun; its text no longer changes.");
    }

    /** Opens voting until {@code closesAt}. */
    public ProposalResponse open(CoalitionAccess access, UUID id, ProposalRequests.Open request) {
        access.require(CoalitionRole.SECRETARY);
        Instant now = clock.instant();
        Instant closesAt = request.closesAt().toInstant();
        if (!closesAt.isAfter(now)) {
            throw ProblemException.invalidField("closesAt", "proposal.closes-in-past", "must be in the future");
        }
        if (closesAt.isAfter(now.plus(LONGEST_WINDOW))) {
            throw ProblemException.invalidField(
                    "closesAt", "proposal.window-too-long", "voting stays open at most 92 days");
        }
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Proposal current = lock(coalition, id);
            if (current.status() != Proposal.Status.DRAFT) {
                throw ProblemException.conflict("proposal.not-draft", "Voting on this proposal has already begun.");
            }
            if (current.version() != request.version()) {
                throw stale();
            }
            if (ProposalConsequences.needed(current.decisionType())
                    && consequences.of(coalition, id).isEmpty()) {
                throw ProblemException.conflict(
                        "proposal.consequence-missing",
                        "Say first whom this admits or appoints (PUT …/consequence); then voting can open.");
            }
            if (proposals.open(coalition, id, request.version(), now, closesAt) != 1) {
                throw stale();
            }
            Proposal opened = find(coalition, id);
            notifier.opened(access.coalition(), opened);
            audit.append(
                    access.id(),
                    access.actor(),
                    "proposal.opened",
                    "proposal",
                    id,
                    current.auditState(),
                    opened.auditState());
            return detail(access, opened);
        });
    }

    /**
     * Casts (or, where votes may change, changes) the vote of the member the caller represents. A retry
     * with the same {@code idempotencyKey} returns the vote it cast instead of casting again.
     */
    public ProposalResponse.CastVote cast(
            CoalitionAccess access, UUID proposalId, Vote.Choice choice, String idempotencyKey) {
        UUID coalition = access.id().value();
        UUID account = access.account().id();
        // PostgreSQL keeps microseconds: the time returned is the time stored, for a retry to match.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LocalDate today = MeetingTime.day(now);
        try {
            return tx.write(access.id(), () -> {
                if (idempotencyKey != null) {
                    Optional<ProposalRepository.IdempotentVote> earlier =
                            proposals.byIdempotencyKey(coalition, account, idempotencyKey);
                    if (earlier.isPresent()) {
                        Vote v = earlier.get().vote();
                        if (!earlier.get().proposalId().equals(proposalId) || v.choice() != choice) {
                            throw ProblemException.invalidField(
                                    "Idempotency-Key",
                                    "idempotency.key-reused",
                                    "this key was used for another vote; use a new key for a new vote");
                        }
                        return new ProposalResponse.CastVote(
                                proposalId, v.memberId(), v.choice(), v.revision(), v.castAt());
                    }
                }
                Proposal p = find(coalition, proposalId);
                ProposalRepository.Ballot ballot = proposals
                        .ballotOf(coalition, account, proposalId, p.bodyId(), today)
                        .orElseThrow(() -> ProblemException.forbidden(
                                "vote.no-mandate", "You hold no mandate to vote for a member of this coalition."));
                UUID member = ballot.memberId();
                if (!p.openAt(now)) {
                    throw closed(p);
                }
                if (!ballot.eligible()) {
                    throw ProblemException.forbidden(
                            "vote.not-eligible", "Your member is not entitled to vote in this body.");
                }
                if (ballot.recused()) {
                    throw ProblemException.conflict(
                            "vote.recused", "Your member declared a conflict of interest on this proposal.");
                }
                Optional<Vote> current = Optional.ofNullable(ballot.current());
                if (current.isPresent() && !p.votesChangeable()) {
                    throw ProblemException.conflict("vote.already-cast", "Your member has voted; votes do not change.");
                }
                if (current.isPresent() && current.get().choice() == choice) {
                    Vote v = current.get();
                    return new ProposalResponse.CastVote(proposalId, member, v.choice(), v.revision(), v.castAt());
                }
                int revision = current.map(v -> v.revision() + 1).orElse(0);
                proposals.insertVote(coalition, proposalId, member, revision, choice, account, now, idempotencyKey);
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("memberId", member.toString());
                state.put("revision", revision);
                state.put("choice", choice.name());
                audit.append(access.id(), access.actor(), "vote.cast", "proposal", proposalId, null, state);
                return new ProposalResponse.CastVote(proposalId, member, choice, revision, now);
            });
        } catch (RuntimeException e) {
            // What the database refused after the checks above passed: a race lost against another vote
            // for the same member, or against the close.
            String state = DatabaseConflicts.sqlState(e).orElse(null);
            if ("55000".equals(state)) {
                throw ProblemException.conflict("vote.closed", "Voting on this proposal has closed.");
            }
            if ("23505".equals(state) && idempotencyKey != null) {
                // The same key raced itself: answer with the vote the winner cast.
                Optional<ProposalRepository.IdempotentVote> earlier =
                        tx.read(access.id(), () -> proposals.byIdempotencyKey(coalition, account, idempotencyKey));
                if (earlier.isPresent()
                        && earlier.get().proposalId().equals(proposalId)
                        && earlier.get().vote().choice() == choice) {
                    Vote v = earlier.get().vote();
                    return new ProposalResponse.CastVote(
                            proposalId, v.memberId(), v.choice(), v.revision(), v.castAt());
                }
            }
            if ("23505".equals(state)) {
                throw ProblemException.conflict(
                        "vote.concurrent", "Another vote for your member landed at the same moment; reload to see it.");
            }
            throw e;
        }
    }

    /** Registers a member's written proxy for this proposal (the secretary, or the grantor's own voter). */
    public ProposalResponse grantProxy(CoalitionAccess access, UUID proposalId, ProposalRequests.GrantProxy request) {
        UUID coalition = access.id().value();
        Instant now = clock.instant();
        LocalDate today = MeetingTime.day(now);
        return tx.write(access.id(), () -> {
            Proposal p = lock(coalition, proposalId);
            requireSecretaryOrVoterFor(access, coalition, request.grantorId(), today);
            if (p.status() == Proposal.Status.CLOSED) {
                throw closed(p);
            }
            if (request.grantorId().equals(request.holderId())) {
                throw ProblemException.invalidField("holderId", "proxy.to-self", "a member cannot hold its own proxy");
            }
            List<UUID> voters = context.voters(coalition, p.bodyId(), today).stream()
                    .map(Member::id)
                    .toList();
            if (!voters.contains(request.grantorId())) {
                throw ProblemException.invalidField(
                        "grantorId", "vote.not-eligible", "is not entitled to vote in this body");
            }
            if (!voters.contains(request.holderId())) {
                throw ProblemException.invalidField(
                        "holderId", "vote.not-eligible", "is not entitled to vote in this body");
            }
            int cap = context.rules(access, today).rules().proxyCapPerHolder();
            long held = proposals.proxies(coalition, proposalId).stream()
                    .filter(x -> x.holderId().equals(request.holderId())
                            && !x.grantorId().equals(request.grantorId()))
                    .count();
            if (held >= cap) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "proxy.cap",
                        "The statutes allow at most " + cap + " prox" + (cap == 1 ? "y" : "ies") + " per holder.",
                        List.of(new FieldError("holderId", "proxy.cap", "already holds " + held + " of " + cap)));
            }
            proposals.replaceProxy(
                    coalition,
                    proposalId,
                    request.grantorId(),
                    request.holderId(),
                    request.instruction(),
                    access.account().id(),
                    now);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("grantorId", request.grantorId().toString());
            state.put("holderId", request.holderId().toString());
            state.put(
                    "instruction",
                    request.instruction() == null ? null : request.instruction().name());
            audit.append(access.id(), access.actor(), "proposal.proxy-granted", "proposal", proposalId, null, state);
            return detail(access, p);
        });
    }

    /** A member declares a conflict of interest: it leaves the vote and the quorum base. */
    public ProposalResponse declareConflict(
            CoalitionAccess access, UUID proposalId, ProposalRequests.DeclareConflict request) {
        UUID coalition = access.id().value();
        Instant now = clock.instant();
        LocalDate today = MeetingTime.day(now);
        return tx.write(access.id(), () -> {
            Proposal p = lock(coalition, proposalId);
            requireSecretaryOrVoterFor(access, coalition, request.memberId(), today);
            if (p.status() == Proposal.Status.CLOSED) {
                throw closed(p);
            }
            if (members.findByCoalitionIdAndId(coalition, request.memberId()).isEmpty()) {
                throw ProblemException.invalidField("memberId", "member.not-found", "no such member in this coalition");
            }
            if (proposals.currentVote(coalition, proposalId, request.memberId()).isPresent()) {
                throw ProblemException.conflict(
                        "recusal.after-vote", "This member has already voted; a conflict is declared before voting.");
            }
            if (proposals.recusals(coalition, proposalId).stream()
                    .anyMatch(r -> r.memberId().equals(request.memberId()))) {
                throw ProblemException.conflict("recusal.declared", "This conflict has already been declared.");
            }
            proposals.insertRecusal(
                    coalition, proposalId, request.memberId(), request.reason().strip(), access.actor(), now);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("memberId", request.memberId().toString());
            state.put("reason", request.reason().strip());
            audit.append(
                    access.id(), access.actor(), "proposal.conflict-declared", "proposal", proposalId, null, state);
            return detail(access, p);
        });
    }

    // --- helpers

    private void requireSecretaryOrVoterFor(CoalitionAccess access, UUID coalition, UUID memberId, LocalDate day) {
        if (access.has(CoalitionRole.SECRETARY)) {
            return;
        }
        boolean own = proposals
                .votingMemberOf(coalition, access.account().id(), day)
                .filter(memberId::equals)
                .isPresent();
        if (!own) {
            throw ProblemException.forbidden(
                    "auth.role-required", "Only the secretary or the member's own voter may do this.");
        }
    }

    private void check(UUID coalition, ProposalRequests.Draft request) {
        Body body = bodies.findByCoalitionIdAndId(coalition, request.bodyId())
                .orElseThrow(() -> ProblemException.invalidField(
                        "bodyId", "body.not-found", "there is no such body in this coalition"));
        if (!body.decisionTypeSet().contains(request.decisionType())) {
            throw ProblemException.invalidField(
                    "decisionType", "meeting.body-may-not-decide", body.name() + " may not take this type of decision");
        }
        if (request.decisionType() == DecisionType.STATUTE_AMENDMENT) {
            if (request.statuteVersionId() == null) {
                throw ProblemException.invalidField(
                        "statuteVersionId",
                        "proposal.amendment-needs-version",
                        "a statute amendment names the draft version it adopts");
            }
            StatuteVersion version = statutes.find(coalition, request.statuteVersionId())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "statuteVersionId",
                            "statute.not-found",
                            "there is no such statute version in this coalition"));
            if (version.status() != StatuteVersion.Status.DRAFT) {
                throw ProblemException.invalidField(
                        "statuteVersionId", "proposal.version-not-draft", "is not a draft; it cannot be adopted again");
            }
        } else if (request.statuteVersionId() != null) {
            throw ProblemException.invalidField(
                    "statuteVersionId", "proposal.version-unexpected", "only a statute amendment adopts a version");
        }
        if (request.mode() == Proposal.Mode.MEETING) {
            if (request.meetingId() == null) {
                throw ProblemException.invalidField(
                        "meetingId", "proposal.meeting-required", "a proposal decided in a meeting names the meeting");
            }
            Meeting meeting = meetings.find(coalition, request.meetingId())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "meetingId", "meeting.not-found", "there is no such meeting in this coalition"));
            if (!meeting.bodyId().equals(body.id())) {
                throw ProblemException.invalidField(
                        "meetingId", "proposal.meeting-of-other-body", "is a meeting of another body");
            }
        } else if (request.meetingId() != null) {
            throw ProblemException.invalidField(
                    "meetingId", "proposal.written-has-no-meeting", "a written decision is taken outside a meeting");
        }
    }

    private ProposalResponse summary(Proposal p, String bodyName) {
        return response(p, bodyName, null, null, null, null, null, null);
    }

    private ProposalResponse detail(CoalitionAccess access, Proposal p) {
        UUID coalition = access.id().value();
        LocalDate day = MeetingTime.day(clock.instant());
        Map<UUID, String> names = new HashMap<>();
        for (Member m : members.findByCoalitionIdOrderByName(coalition)) {
            names.put(m.id(), m.name());
        }
        Map<UUID, Vote> votes = new HashMap<>();
        proposals.currentVotes(coalition, p.id()).forEach(v -> votes.put(v.memberId(), v));
        boolean closed = p.status() == Proposal.Status.CLOSED;
        List<ProposalResponse.Voter> voters = context.voters(coalition, p.bodyId(), day).stream()
                .map(m -> new ProposalResponse.Voter(
                        m.id(),
                        m.name(),
                        m.votingWeight(),
                        votes.containsKey(m.id()),
                        closed && votes.containsKey(m.id()) ? votes.get(m.id()).choice() : null))
                .toList();
        List<ProposalResponse.ProxyResponse> proxies = proposals.proxies(coalition, p.id()).stream()
                .map(x -> new ProposalResponse.ProxyResponse(
                        x.grantorId(),
                        names.get(x.grantorId()),
                        x.holderId(),
                        names.get(x.holderId()),
                        x.instruction()))
                .toList();
        List<ProposalResponse.RecusalResponse> recusals = proposals.recusals(coalition, p.id()).stream()
                .map(r -> new ProposalResponse.RecusalResponse(
                        r.memberId(), names.get(r.memberId()), r.reason(), r.declaredAt()))
                .toList();
        ProposalResponse.MyVote mine = proposals
                .votingMemberOf(coalition, access.account().id(), day)
                .map(member -> {
                    Vote v = votes.get(member);
                    return new ProposalResponse.MyVote(
                            member, names.get(member), v == null ? null : v.choice(), v == null ? -1 : v.revision());
                })
                .orElse(null);
        String bodyName = bodies.findByCoalitionIdAndId(coalition, p.bodyId())
                .map(Body::name)
                .orElse("");
        Map<String, Object> result =
                proposals.result(coalition, p.id()).map(ProposalService::parse).orElse(null);
        return response(p, bodyName, voters, proxies, recusals, proposals.attachments(coalition, p.id()), mine, result);
    }

    private static ProposalResponse response(
            Proposal p,
            String bodyName,
            List<ProposalResponse.Voter> voters,
            List<ProposalResponse.ProxyResponse> proxies,
            List<ProposalResponse.RecusalResponse> recusals,
            List<ProposalResponse.AttachmentResponse> attachments,
            ProposalResponse.MyVote mine,
            Map<String, Object> result) {
        return new ProposalResponse(
                p.id(),
                p.number(),
                p.title(),
                p.text(),
                p.decisionType(),
                p.bodyId(),
                bodyName,
                p.mode(),
                p.meetingId(),
                p.statuteVersionId(),
                p.status(),
                p.votesChangeable(),
                p.openedAt(),
                p.closesAt(),
                p.closedAt(),
                p.outcome(),
                p.version(),
                voters,
                proxies,
                recusals,
                attachments,
                mine,
                result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return ProposalClosing.JSON.readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable validity record", e);
        }
    }

    Proposal find(UUID coalition, UUID id) {
        return proposals.find(coalition, id).orElseThrow(ProposalService::notFound);
    }

    Proposal lock(UUID coalition, UUID id) {
        return proposals.lock(coalition, id).orElseThrow(ProposalService::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("proposal.not-found", "There is no such proposal in this coalition.");
    }

    static ProblemException stale() {
        return ProblemException.conflict(
                "proposal.version-conflict", "It was changed by someone else; reload and try again.");
    }

    private static ProblemException closed(Proposal p) {
        return p.status() == Proposal.Status.DRAFT
                ? ProblemException.conflict("vote.not-open", "Voting on this proposal has not begun.")
                : ProblemException.conflict("vote.closed", "Voting on this proposal has closed.");
    }
}
