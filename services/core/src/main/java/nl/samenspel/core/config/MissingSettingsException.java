package nl.samenspel.core.config;

import java.util.List;

/** Thrown at startup in the prod environment when settings are missing or invalid; the message names each one. */
public final class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    public MissingSettingsException(String headline, List<String> problems) {
        super(RequiredSettings.report(headline, problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
