package nl.samenspel.governance.identity;

import io.micronaut.security.authentication.Authentication;
import java.util.UUID;

/** The logged-in account as the token names it. */
public record CurrentAccount(UUID id, String email, String displayName, boolean platformAdmin) {

    public static CurrentAccount of(Authentication authentication) {
        return new CurrentAccount(
                UUID.fromString(authentication.getName()),
                String.valueOf(authentication.getAttributes().get("email")),
                String.valueOf(authentication.getAttributes().get("name")),
                authentication.getRoles().contains(LoginService.PLATFORM_ADMIN));
    }

    /** How the audit trail names this person. */
    public String actor() {
        return email;
    }
}
