package nl.samenspel.governance.documents;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import nl.samenspel.core.problem.Problem;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.CompletionRequest;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.seal.SealReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a separate documents service at {@code samenspel.documents.url} (e.g. {@code http://documents:8081});
 * the sealing key then lives there. A 400/422 problem of the service becomes a {@link ProblemException}
 * with its status, code, detail and field errors; no connection, a timeout or a 502/503/504 becomes a
 * {@link DocumentsUnavailableException}, which may be retried. Anything else the service answers (a 404
 * from a wrong URL, a 500) is an {@link IllegalStateException}: retrying it as it is will not help.
 */
@Singleton
@Requires(condition = DocumentsUrl.class)
public class HttpDocumentsClient implements DocumentsClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDocumentsClient.class);
    private static final MediaType PDF = MediaType.of("application/pdf");
    /** A 25 MB upload in base64 plus the certificate, with room to spare. */
    private static final int MAX_ANSWER_BYTES = 128 * 1024 * 1024;

    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);
    /** 4xx answers that say governance called wrongly (or the wrong server), not that the input was refused. */
    private static final Set<Integer> MISCALLED = Set.of(401, 403, 404, 405, 406, 415);

    private final URI url;
    private final HttpClient http;
    private final JsonMapper json;

    @Inject
    public HttpDocumentsClient(
            @Value("${" + DocumentsUrl.PROPERTY + "}") String url,
            @Value("${samenspel.documents.timeout:120s}") Duration timeout,
            JsonMapper json) {
        this(URI.create(url.strip()), timeout, json);
    }

    public HttpDocumentsClient(URI url, Duration timeout, JsonMapper json) {
        this.url = url;
        this.json = json;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        configuration.setReadTimeout(timeout);
        configuration.setMaxContentLength(MAX_ANSWER_BYTES);
        configuration.setExceptionOnErrorStatus(false);
        configuration.setFollowRedirects(false);
        try {
            this.http = HttpClient.create(url.toURL(), configuration);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(DocumentsUrl.PROPERTY + " is not a URL: " + url, e);
        }
    }

    @Override
    public byte[] render(DocumentModel model) {
        return send(HttpRequest.POST("/render", toJson(Argument.of(DocumentModel.class), model))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(PDF));
    }

    @Override
    public byte[] renderUnsealed(DocumentModel model) {
        return send(HttpRequest.POST("/render?sealed=false", toJson(Argument.of(DocumentModel.class), model))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(PDF));
    }

    @Override
    public byte[] seal(byte[] pdf) {
        return send(HttpRequest.POST("/seal", pdf == null ? new byte[0] : pdf)
                .contentType(PDF)
                .accept(PDF));
    }

    @Override
    public SealReport verify(byte[] pdf) {
        return fromJson(
                send(HttpRequest.POST("/verify", pdf == null ? new byte[0] : pdf)
                        .contentType(PDF)
                        .accept(MediaType.APPLICATION_JSON_TYPE)),
                SealReport.class);
    }

    @Override
    public byte[] complete(byte[] original, CompletionCertificate certificate) {
        CompletionRequest request = CompletionRequest.of(original == null ? new byte[0] : original, certificate);
        return send(HttpRequest.POST("/complete", toJson(Argument.of(CompletionRequest.class), request))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(PDF));
    }

    /** Asked each time: a documents service without a configured key makes a new one at every start. */
    @Override
    public String sealFingerprint() {
        return fromJson(
                        send(HttpRequest.GET("/seal/certificate").accept(MediaType.APPLICATION_JSON_TYPE)),
                        SealReport.CertificateInfo.class)
                .sha256Fingerprint();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    private byte[] send(MutableHttpRequest<?> request) {
        HttpResponse<?> response;
        try {
            response = http.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        } catch (ContentLengthExceededException e) {
            throw new IllegalStateException("The documents service's answer to " + describe(request)
                    + " is larger than " + MAX_ANSWER_BYTES + " bytes");
        } catch (HttpClientException e) {
            LOG.warn("The documents service at {} did not answer {}: {}", url, describe(request), e.toString());
            throw new DocumentsUnavailableException();
        }
        int status = response.code();
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        if (status >= 200 && status < 300) {
            return body;
        }
        if (UNAVAILABLE.contains(status)) {
            LOG.warn("The documents service at {} answered {} to {}", url, status, describe(request));
            throw new DocumentsUnavailableException();
        }
        Problem problem = problem(body);
        if (status >= 400 && status < 500 && !MISCALLED.contains(status) && problem != null) {
            throw new ProblemException(HttpStatus.valueOf(status), problem.code(), problem.detail(), problem.errors());
        }
        throw new IllegalStateException("The documents service at " + url + " answered " + status + " to "
                + describe(request) + (problem == null ? "" : " (" + problem.code() + ": " + problem.detail() + ")"));
    }

    private Problem problem(byte[] body) {
        try {
            Problem problem = json.readValue(body, Problem.class);
            return problem == null || problem.code() == null ? null : problem;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(HttpRequest<?> request) {
        return request.getMethodName() + " " + request.getPath();
    }

    private <T> byte[] toJson(Argument<T> type, T value) {
        try {
            return json.writeValueAsBytes(type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T fromJson(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The documents service at " + url + " answered JSON that is not a " + type.getSimpleName(), e);
        }
    }
}
