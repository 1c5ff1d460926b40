package nl.samenspel.documents;

import java.util.List;
import java.util.function.Function;
import nl.samenspel.core.config.RequiredSettings;
import nl.samenspel.core.config.RequiredSettings.Setting;

/** What the documents service needs in the prod environment: its sealing key (issue 7's contract). */
public final class ProductionSettings {

    public static final String HEADLINE =
            "Samenspel documents cannot start in the prod environment; set these and start again:";

    public static final Setting SEAL_KEYSTORE =
            Setting.of("SAMENSPEL_SEAL_KEYSTORE", "samenspel.documents.seal.keystore");
    public static final Setting SEAL_PASSWORD =
            Setting.of("SAMENSPEL_SEAL_PASSWORD", "samenspel.documents.seal.password");

    private ProductionSettings() {}

    /** Every missing or invalid setting; empty when all is well. A development key is never made in prod. */
    public static List<String> problems(Function<String, String> lookup) {
        RequiredSettings settings = new RequiredSettings(lookup);
        settings.requireReadableFile(SEAL_KEYSTORE, null);
        settings.require(SEAL_PASSWORD);
        return settings.problems();
    }
}
