package nl.samenspel.governance.member;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import nl.samenspel.core.api.PageResponse;
import nl.samenspel.governance.tenancy.CoalitionAccess;

@Controller("/api/v1/coalitions/{coalition}/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @Get
    PageResponse<MemberResponse> list(
            @Parameter(hidden = true) CoalitionAccess access,
            @QueryValue(defaultValue = "CURRENT") MemberService.Filter status,
            @QueryValue(defaultValue = "0") @Min(0) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return members.list(access, status, page, size);
    }

    @Get("/{id}")
    HttpResponse<MemberResponse> get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return withEtag(members.get(access, id));
    }

    @Post
    HttpResponse<MemberResponse> create(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body MemberRequest request) {
        MemberResponse created = members.create(access, request);
        return HttpResponse.created(created)
                .header("Location", "/api/v1/coalitions/" + access.slug() + "/members/" + created.id())
                .header("ETag", etag(created));
    }

    @Put("/{id}")
    HttpResponse<MemberResponse> update(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body MemberRequest request) {
        return withEtag(members.update(access, id, request));
    }

    @Post("/{id}/end")
    HttpResponse<MemberResponse> end(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body EndMembershipRequest request) {
        return withEtag(members.end(access, id, request));
    }

    private static HttpResponse<MemberResponse> withEtag(MemberResponse member) {
        return HttpResponse.ok(member).header("ETag", etag(member));
    }

    private static String etag(MemberResponse member) {
        return "W/\"" + member.version() + "\"";
    }
}
