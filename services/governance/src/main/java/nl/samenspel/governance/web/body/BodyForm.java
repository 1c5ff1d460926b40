package nl.samenspel.governance.web.body;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.samenspel.governance.body.BodyResponse;
import nl.samenspel.governance.body.CreateBodyRequest;
import nl.samenspel.governance.body.UpdateBodyRequest;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.web.Forms;

/**
 * The body form as typed. Read from the form as a map because the decision types are checkboxes
 * sharing one name. Field names differ from the API's ({@code bodyName}) so labels and anchors are
 * unique in the UI's texts.
 */
public record BodyForm(
        String bodyKind, String bodyName, String mandate, List<String> decisionTypes, boolean formal, String version) {

    static final List<String> FIELDS = List.of("bodyKind", "bodyName", "mandate", "decisionTypes", "formal");

    static BodyForm empty() {
        return new BodyForm("", "", "", List.of(), true, null);
    }

    static BodyForm of(BodyResponse b) {
        return new BodyForm(
                b.kind().name(),
                b.name(),
                b.mandate(),
                b.decisionTypes().stream().map(Enum::name).toList(),
                b.formal(),
                Integer.toString(b.version()));
    }

    static BodyForm from(Map<String, Object> form) {
        return new BodyForm(
                Forms.one(form, "bodyKind"),
                Forms.one(form, "bodyName"),
                Forms.one(form, "mandate"),
                Forms.all(form, "decisionTypes"),
                Forms.checked(Forms.one(form, "formal")),
                Forms.one(form, "version"));
    }

    public boolean decides(DecisionType type) {
        return decisionTypes.contains(type.name());
    }

    CreateBodyRequest toCreate(Map<String, String> errors) {
        BodyKind kind = Forms.choice(BodyKind.class, bodyKind, "bodyKind", errors);
        return new CreateBodyRequest(kind, Forms.trimmed(bodyName), mandateText(), types(errors), formal);
    }

    UpdateBodyRequest toUpdate(Map<String, String> errors) {
        Integer parsedVersion = Forms.whole(version, "version", errors);
        return new UpdateBodyRequest(Forms.trimmed(bodyName), mandateText(), types(errors), formal, parsedVersion);
    }

    private String mandateText() {
        return mandate == null ? "" : mandate.strip();
    }

    private Set<DecisionType> types(Map<String, String> errors) {
        Set<DecisionType> types = EnumSet.noneOf(DecisionType.class);
        for (String t : decisionTypes) {
            DecisionType type = Forms.choice(DecisionType.class, t, "decisionTypes", errors);
            if (type != null) {
                types.add(type);
            }
        }
        return types;
    }

    /** API field names to the form's. */
    static String fieldOf(String property) {
        String field = property.contains(".") ? property.substring(property.lastIndexOf('.') + 1) : property;
        if (field.startsWith("decisionTypes")) {
            return "decisionTypes";
        }
        return switch (field) {
            case "name" -> "bodyName";
            case "kind" -> "bodyKind";
            default -> field;
        };
    }
}
