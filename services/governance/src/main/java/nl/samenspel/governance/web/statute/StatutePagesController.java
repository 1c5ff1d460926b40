package nl.samenspel.governance.web.statute;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Pages;

/** The statutes as people read them: the versions, one version's articles, and what it changed. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/statutes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StatutePagesController {

    private final StatuteService statutes;

    StatutePagesController(StatuteService statutes) {
        this.statutes = statutes;
    }

    @Get
    HttpResponse<?> versions(CoalitionAccess access) {
        return Pages.page(
                "statutes", Pages.model("access", access, "versions", statutes.list(access), "section", "statutes"));
    }

    @Get("/{id}")
    HttpResponse<?> version(CoalitionAccess access, UUID id) {
        StatuteResponse version = statutes.get(access, id);
        List<StatuteResponse> all = statutes.list(access);
        Optional<StatuteResponse> previous = all.stream()
                .filter(v -> v.number() < version.number())
                .max(Comparator.comparingInt(StatuteResponse::number));
        return Pages.page(
                "statute",
                Pages.model(
                        "access",
                        access,
                        "version",
                        version,
                        "previous",
                        previous.orElse(null),
                        "diff",
                        previous.map(p -> statutes.diff(access, p.id(), id)).orElse(null),
                        "section",
                        "statutes"));
    }
}
