package nl.samenspel.governance.support;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser over HTTP: keeps cookies, asks for HTML, posts forms. It does not follow
 * redirects, so tests see the 303s the UI answers with.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(EmbeddedServer server) {
        this.base = server.getURI();
    }

    public record Page(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public List<String> setCookies() {
            return raw.headers().allValues("Set-Cookie");
        }

        public String setCookie(String name) {
            return setCookies().stream()
                    .filter(c -> c.startsWith(name + "="))
                    .findFirst()
                    .orElse(null);
        }

        public String csrfToken() {
            Matcher m = CSRF.matcher(body());
            if (!m.find()) {
                throw new AssertionError("no csrfToken field on the page: " + body());
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    /** Posts the fields as a browser would, adding the page's CSRF token unless {@code withCsrf} is false. */
    public Page post(String path, Map<String, String> fields) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build());
    }

    public Page logIn(String email, String password) {
        String token = get("/login").csrfToken();
        Page page = post("/login", Map.of("email", email, "password", password, "csrfToken", token));
        if (page.status() != 303) {
            throw new AssertionError("login failed: " + page);
        }
        return page;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = header.toLowerCase().contains("max-age=0");
                if (value.isEmpty() || expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
