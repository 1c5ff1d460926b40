package nl.samenspel.governance.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt (OpenBSD "$2y$" strings) with a configurable cost: 12 in production, lower in tests. */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 72; // bcrypt ignores bytes beyond 72

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    public PasswordHasher(@Value("${samenspel.password.bcrypt-cost:12}") int cost) {
        this.cost = cost;
    }

    /**
     * A hash at the configured cost that no password matches, made on first use: every request's security
     * check creates this bean, and hashing here would put a whole bcrypt round on the service's first
     * answer (its readiness probe). So the first check without an account costs one hash more, once per
     * process. Two threads may both make one; either serves.
     */
    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not-a-password-anyone-has");
            dummyHash = dummy;
        }
        return dummy;
    }

    /**
     * Whether the text is well-formed Unicode: no half of a surrogate pair on its own, which has no
     * UTF-8 form and which no keyboard types. No password is one; bcrypt would fail on it.
     */
    public static boolean wellFormed(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, cost);
    }

    /**
     * Checks a password; with no stored hash it still spends the same time on a dummy hash, so the
     * response time does not reveal whether the account exists.
     */
    public boolean matches(String password, String storedHash) {
        if (password == null
                || !wellFormed(password)
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            OpenBSDBCrypt.checkPassword(dummyHash(), "x".toCharArray());
            return false;
        }
        if (storedHash == null) {
            OpenBSDBCrypt.checkPassword(dummyHash(), password.toCharArray());
            return false;
        }
        return OpenBSDBCrypt.checkPassword(storedHash, password.toCharArray());
    }
}
