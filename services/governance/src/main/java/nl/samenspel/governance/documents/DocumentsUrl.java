package nl.samenspel.governance.documents;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * Whether {@value #PROPERTY} names a documents service. Blank counts as unset: application.yml maps it
 * from {@code SAMENSPEL_DOCUMENTS_URL} with an empty default, so the property always exists.
 */
public final class DocumentsUrl implements Condition {

    public static final String PROPERTY = "samenspel.documents.url";

    @Override
    public boolean matches(ConditionContext context) {
        return configured(context);
    }

    static boolean configured(PropertyResolver properties) {
        return properties
                .get(PROPERTY, String.class)
                .filter(url -> !url.isBlank())
                .isPresent();
    }

    /** The opposite: no documents service, so the documents code runs in this JVM. */
    public static final class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context) {
            return !configured(context);
        }
    }
}
