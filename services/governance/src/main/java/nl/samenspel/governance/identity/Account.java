package nl.samenspel.governance.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who logs in. Platform-wide: one account may hold roles in several coalitions. */
@MappedEntity("account")
public record Account(
        @Id UUID id,
        String email,
        String displayName,
        @Nullable String passwordHash,
        boolean platformAdmin,
        String locale,
        Instant createdAt,
        @Version int version) {

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public Account withPasswordHash(String hash) {
        return new Account(id, email, displayName, hash, platformAdmin, locale, createdAt, version);
    }
}
