package nl.samenspel.governance.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user of Woudenberg, in every role, tries every coalition route (API and web UI) against Deventer: by Deventer's
 * slug, and by Deventer's ids under Woudenberg's own slug. Each attempt gets a 404 or 403 problem and
 * not one byte of Deventer's data, and Deventer is unchanged afterwards.
 */
@MicronautTest(transactional = false)
class CrossTenantApiTest extends CoalitionRoutes {

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();

    @AfterAll
    void counts() {
        System.out.printf(
                "reliability: cross-tenant endpoints covered=%d, roles=%d, requests sent=%d, 5xx seen=%d%n",
                CALLS.size(), CoalitionRole.values().length, sent.get(), serverErrors.get());
    }

    @Test
    void everyCoalitionRouteIsCoveredHere() {
        Set<String> routes = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().contains("{coalition}"))
                // HEAD twins of GET routes run the same code as the GET, which is tested.
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .map(r -> r.getHttpMethodName() + " "
                        + r.getUriMatchTemplate().toString().replaceAll("\\{(id|memberId)[^}]*}", "{id}"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = CALLS.stream().map(Call::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).as("add a cross-tenant case for each new route").containsAll(routes);
    }

    @ParameterizedTest
    @EnumSource(CoalitionRole.class)
    void woudenbergUsersGetNothingOfDeventer(CoalitionRole role) {
        Account intruder =
                fixtures.member(woudenberg, "woudenberg-" + role.name().toLowerCase(), role);
        String token = api.login(intruder.email(), Fixtures.PASSWORD);
        Browser browser = new Browser(server);
        browser.logIn(intruder.email(), Fixtures.PASSWORD);
        // A valid CSRF token from the intruder's own page, so form posts reach the tenant check.
        String csrf = browser.get("/c/" + woudenberg.slug()).csrfToken();
        String before = deventerState();

        List<String> failures = new ArrayList<>();
        for (Call call : CALLS) {
            // Deventer's own slug.
            check(failures, call, token, browser, csrf, path(call, deventer.slug(), deventerMemberId), Set.of(404));
            // Deventer's member or traject id under Woudenberg's slug (the role may also simply not be allowed).
            if (call.template().contains("{id}") || call.template().contains("{traject}")) {
                check(
                        failures,
                        call,
                        token,
                        browser,
                        csrf,
                        path(call, woudenberg.slug(), deventerMemberId),
                        Set.of(403, 404));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(deventerState()).as("Deventer is unchanged").isEqualTo(before);
    }

    @Test
    void theCoalitionListAndMeShowOnlyOwnCoalitions() {
        Account observer = fixtures.member(woudenberg, "woudenberg-observer", CoalitionRole.OBSERVER);
        String token = api.login(observer.email(), Fixtures.PASSWORD);
        for (String path : List.of("/api/v1/coalitions", "/api/v1/me")) {
            Api.Response response = api.get(path, token);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body())
                    .contains(woudenberg.slug())
                    .doesNotContain(deventer.slug(), deventer.id().toString());
        }
    }

    @Test
    void aPlatformAdminWithoutARoleDoesNotReadCoalitionContent() {
        Account admin = fixtures.account("platform-admin", true);
        String token = api.login(admin.email(), Fixtures.PASSWORD);
        Api.Response response = api.get("/api/v1/coalitions/" + deventer.slug() + "/members", token);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(deventerMemberName);
    }

    private void check(
            List<String> failures,
            Call call,
            String token,
            Browser browser,
            String csrf,
            String path,
            Set<Integer> allowed) {
        boolean web = path.startsWith("/c/");
        int status;
        String body;
        String contentType;
        // A web upload is multipart, which the form helper does not send; the API client does, with
        // the intruder's token (a bearer client needs no CSRF token), against the same web route.
        if (web && !(call.body() instanceof Api.Multipart)) {
            Browser.Page page;
            if (call.method().equals("GET")) {
                page = browser.get(path);
            } else {
                Map<String, String> form = new java.util.HashMap<>();
                castForm(call.body()).forEach((k, v) -> form.put(body(k), body(v)));
                form.put("csrfToken", csrf);
                page = browser.post(path, form);
            }
            status = page.status();
            body = page.body();
            contentType = page.header("Content-Type");
        } else {
            Api.Response response;
            if (call.method().equals("GET")) {
                response = api.get(path, token);
            } else if (call.body() instanceof Api.Multipart multipart) {
                response = api.send(call.method(), path, token, multipart.contentType(), multipart.bytes());
            } else {
                byte[] bytes =
                        call.body() == null ? new byte[0] : body(call.body()).getBytes();
                response = api.send(call.method(), path, token, "application/json", bytes);
            }
            status = response.status();
            body = response.body();
            contentType = response.contentType();
        }
        sent.incrementAndGet();
        if (status >= 500) {
            serverErrors.incrementAndGet();
        }
        boolean leaks =
                body.contains(deventerMemberName) || body.contains(deventer.name()) || body.contains("123456782");
        // The API client asks for JSON, so even a web route answers it with a problem document.
        String expectedType = web && !(call.body() instanceof Api.Multipart) ? "text/html" : "application/problem+json";
        if (!allowed.contains(status) || !String.valueOf(contentType).startsWith(expectedType) || leaks) {
            failures.add(call.method() + " " + path + " -> " + status + " " + contentType + (leaks ? " LEAKS" : "")
                    + (leaks ? "" : " " + body));
        }
    }
}
