package nl.samenspel.documents.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

/** A PKCS#12 file with a fresh development key, as an operator mounts the real one (also for governance's tests). */
public final class TestKeystores {

    private TestKeystores() {}

    public static Path write(Path file, String alias, String password) {
        SealingKey key = SealingKey.generateDevelopmentKey();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    alias, key.privateKey(), password.toCharArray(), key.chain().toArray(new Certificate[0]));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
