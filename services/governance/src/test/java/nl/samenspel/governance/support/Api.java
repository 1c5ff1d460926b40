package nl.samenspel.governance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client against the running service, so tests can send exactly the bytes a careless or
 * hostile client would (malformed JSON, huge bodies) and read status, headers and JSON back.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    public Api(EmbeddedServer server) {
        this.base = server.getURI();
    }

    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A multipart/form-data body with one file in the field {@code file}, as a browser's upload form sends it. */
    public record Multipart(String contentType, byte[] bytes) {

        public static Multipart file(String filename, String fileContentType, byte[] content) {
            String boundary = "----samenspel" + Long.toHexString(System.nanoTime());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + fileContentType + "\r\n\r\n";
            out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        public static Multipart text(String filename, String text) {
            return file(filename, "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The JSON reader the responses use, for bodies read some other way (a file in a ZIP). */
    public com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return JSON;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    public Response send(String method, String path, String token, String contentType, byte[] body) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                // Like curl and browsers for large uploads: let the server refuse before the body is sent.
                .expectContinue(body.length > 1024 * 1024)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public String login(String email, String password) {
        Response response = post("/api/v1/auth/token", null, java.util.Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("login of " + email + " failed: " + response);
        }
        return response.json().get("accessToken").asText();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
