package nl.samenspel.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training run behind the image's class-data sharing archive (deploy/governance.Dockerfile): run as
 *
 * <pre>java -XX:ArchiveClassesAtExit=governance.jsa -cp governance.jar nl.samenspel.governance.CdsTraining</pre>
 *
 * it starts the local demo (embedded PostgreSQL with the demo data, on a free port), asks what a service
 * is asked first — the readiness probe, the login page, a browser login, a dashboard, an API login and
 * API reads — stops the service and exits, so that the JVM writes every class all of that loaded into the
 * archive. The service then starts with {@code -XX:SharedArchiveFile=governance.jsa} and maps those
 * classes instead of finding, reading and verifying each one in the jar. An archive made by another JVM
 * or for another jar is ignored by the JVM (it says so) and the service starts as without one.
 *
 * <p>Any answer other than the expected one ends the run with exit status 1: a broken training must fail
 * the image build, not produce an archive that quietly covers half the start.
 */
public final class CdsTraining {

    private static final Logger LOG = LoggerFactory.getLogger(CdsTraining.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COALITION = "deventer-preventie";
    private static final String ACCOUNT = "secretaris@deventer.demo";
    private static final String PASSWORD = "samenspel-demo";
    private static final List<String> API_READS = List.of(
            "/api/v1/me",
            "/api/v1/coalitions/" + COALITION,
            "/api/v1/coalitions/" + COALITION + "/members",
            "/api/v1/coalitions/" + COALITION + "/meetings",
            "/api/v1/coalitions/" + COALITION + "/proposals",
            "/api/v1/coalitions/" + COALITION + "/decision-register",
            "/api/v1/coalitions/" + COALITION + "/subsidies",
            "/api/v1/coalitions/" + COALITION + "/audit/verification");

    /** A request that has no answer by then fails the training (and the image build) instead of hanging it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a browser asks a page for. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private CdsTraining() {}

    public static void main(String[] args) {
        int status = 1;
        // A free port for the service and for the demo's own SMTP server, which another demo may hold.
        try (ApplicationContext context =
                Application.start(new String[] {"--micronaut.server.port=-1", "--samenspel.mail.port=" + freePort()})) {
            int requests = train(context.getBean(EmbeddedServer.class).getURI());
            LOG.info("CDS training done: {} requests answered as expected", requests);
            status = 0;
        } catch (Exception e) {
            LOG.error("CDS training failed", e);
        }
        System.exit(status);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Makes the training requests to the demo at {@code base}; returns how many, all answered as expected. */
    static int train(URI base) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        expect(http, get(base, "/health/readiness", null), 200);
        expect(http, get(base, "/login", null), 200);
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().toLowerCase().contains("csrf"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the login page set no CSRF cookie"));
        String form = "email=" + encode(ACCOUNT) + "&password=" + encode(PASSWORD) + "&csrfToken=" + encode(csrf);
        expect(
                http,
                HttpRequest.newBuilder(base.resolve("/login"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                303);
        expect(http, get(base, "/", null), 200, 303);
        expect(http, get(base, "/c/" + COALITION, null), 200);

        HttpResponse<String> login = expect(
                http,
                HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("email", ACCOUNT, "password", PASSWORD))))
                        .build(),
                200);
        String token = JSON.readTree(login.body()).path("accessToken").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("the API login gave no accessToken");
        }
        for (String path : API_READS) {
            expect(http, get(base, path, token), 200);
        }
        expect(http, get(base, "/api/v1/coalitions/" + COALITION + "/members/not-an-id", token), 400, 404);
        return 7 + API_READS.size();
    }

    private static HttpRequest get(URI base, String path, String token) {
        boolean page = !path.startsWith("/api/") && !path.startsWith("/health");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", page ? BROWSER_ACCEPT : "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    private static HttpResponse<String> expect(HttpClient http, HttpRequest request, int... statuses)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                + response.statusCode() + ", expected " + Arrays.toString(statuses));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
