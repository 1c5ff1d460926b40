package nl.samenspel.governance.web.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.signing.Verification;
import nl.samenspel.governance.signing.VerificationService;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.MultipartCsrf;
import nl.samenspel.governance.web.Pages;

/**
 * Any logged-in user checks a PDF: sealed by this platform and unchanged, seal broken, or no seal of
 * ours; the signature request it completed is named only to someone with a role in its coalition.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/verify")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class VerificationPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(
            Set.of("verification.empty", "verification.missing", "verification.not-pdf", "verification.too-large"));

    /** How the result reads: trustworthy, a seal of ours that no longer holds, or none of ours. */
    enum Outcome {
        VALID,
        BROKEN,
        NOT_OURS
    }

    private final VerificationService verification;
    private final MultipartCsrf csrf;

    VerificationPagesController(VerificationService verification, MultipartCsrf csrf) {
        this.verification = verification;
        this.csrf = csrf;
    }

    @Get
    HttpResponse<?> form() {
        return page(HttpStatus.OK, Map.of(), null);
    }

    /** Multipart, so the CSRF token is checked here. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> verify(
            HttpRequest<?> request,
            Authentication authentication,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("csrfToken") @Nullable String csrfToken)
            throws IOException {
        csrf.requireForCookieSession(request, csrfToken);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, Map.of("file", "error.verification.missing"), null);
        }
        Verification result;
        try {
            result = verification.verify(CurrentAccount.of(authentication), file.getBytes());
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, field -> "file", MESSAGES);
            return page(r.status(), r.general() == null ? r.errors() : Map.of("file", r.general()), null);
        }
        return page(HttpStatus.OK, Map.of(), result);
    }

    static Outcome outcome(Verification v) {
        if (v.trustworthy()) {
            return Outcome.VALID;
        }
        if (v.sealed() && v.sealedByThisPlatform()) {
            return Outcome.BROKEN;
        }
        return Outcome.NOT_OURS;
    }

    private HttpResponse<?> page(HttpStatus status, Map<String, String> errors, @Nullable Verification result) {
        return Pages.page(
                status,
                "verify",
                Pages.model(
                        "errors",
                        errors,
                        "result",
                        result,
                        "outcome",
                        result == null ? null : outcome(result).name(),
                        "section",
                        "verify"));
    }
}
