package nl.samenspel.governance.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.web.MultipartCsrf;

/** Verifies any PDF (multipart field {@code file}) for a logged-in user: is it sealed here, and what is it. */
@Controller("/api/v1/verification")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class VerificationController {

    private final VerificationService service;
    private final MultipartCsrf csrf;

    VerificationController(VerificationService service, MultipartCsrf csrf) {
        this.service = service;
        this.csrf = csrf;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    Verification verify(
            Authentication authentication, @Part("file") @Nullable CompletedFileUpload file, HttpRequest<?> request)
            throws IOException {
        csrf.requireForCookieSession(request, null);
        if (file == null) {
            throw ProblemException.invalidField("file", "verification.missing", "attach a PDF in the field 'file'");
        }
        return service.verify(CurrentAccount.of(authentication), file.getBytes());
    }
}
