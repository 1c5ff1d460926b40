package nl.samenspel.governance.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.CoalitionService;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.meeting.Meeting;
import nl.samenspel.governance.meeting.MeetingRecordService;
import nl.samenspel.governance.meeting.MeetingResponse;
import nl.samenspel.governance.meeting.MeetingService;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.penvoerder.PenvoerderschapResponse;
import nl.samenspel.governance.penvoerder.PenvoerderschapService;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The start page (which coalition?) and a coalition's overview. */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CoalitionPagesController {

    private final RoleGrants grants;
    private final CoalitionService coalitions;
    private final MemberService members;
    private final PenvoerderschapService penvoerders;
    private final MeetingService meetings;
    private final MeetingRecordService records;
    private final Clock clock;

    CoalitionPagesController(
            RoleGrants grants,
            CoalitionService coalitions,
            MemberService members,
            PenvoerderschapService penvoerders,
            MeetingService meetings,
            MeetingRecordService records,
            Clock clock) {
        this.grants = grants;
        this.coalitions = coalitions;
        this.members = members;
        this.penvoerders = penvoerders;
        this.meetings = meetings;
        this.records = records;
        this.clock = clock;
    }

    @Get("/")
    HttpResponse<?> start(Authentication authentication) {
        List<RoleGrants.Membership> mine =
                grants.coalitionsOf(CurrentAccount.of(authentication).id());
        if (mine.size() == 1) {
            return Pages.seeOther("/c/" + mine.get(0).slug() + (mine.get(0).staffOnly() ? "/publicaties" : ""));
        }
        return Pages.page("start", Pages.model("coalitions", mine));
    }

    @Get("/c/{coalition}")
    HttpResponse<?> overview(CoalitionAccess access) {
        CoalitionResponse coalition = coalitions.get(access);
        long current = members.list(access, MemberService.Filter.CURRENT, 0, 1).totalItems();
        List<PenvoerderschapResponse> penvoerders = this.penvoerders.list(access).stream()
                .filter(PenvoerderschapResponse::current)
                .toList();
        Instant now = clock.instant();
        List<MeetingResponse> upcoming = meetings.list(access, now, now.plus(Duration.ofDays(92))).stream()
                .filter(m -> m.status() != Meeting.Status.CANCELLED)
                .limit(5)
                .toList();
        return Pages.page(
                "coalition",
                Pages.model(
                        "coalition", coalition,
                        "access", access,
                        "currentMembers", current,
                        "penvoerders", penvoerders,
                        "upcoming", upcoming,
                        "openActions", records.actions(access, true).size(),
                        "section", "overview"));
    }
}
