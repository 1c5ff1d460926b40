package nl.samenspel.governance.body;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.statute.rules.DecisionType;

/**
 * An orgaan of the coalition with its mandate. {@code decisionTypes} is read as the comma-joined text of
 * the {@code decision_types} array (see {@link BodyRepository}).
 */
@MappedEntity("body")
public record Body(
        UUID coalitionId,
        @Id UUID id,
        BodyKind kind,
        String name,
        int position,
        String mandate,
        String decisionTypes,
        boolean formal,
        @Version int version) {

    public Set<DecisionType> decisionTypeSet() {
        Set<DecisionType> types = EnumSet.noneOf(DecisionType.class);
        if (decisionTypes != null && !decisionTypes.isEmpty()) {
            Arrays.stream(decisionTypes.split(",")).map(DecisionType::valueOf).forEach(types::add);
        }
        return types;
    }

    static String join(Set<DecisionType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", kind.name());
        state.put("name", name);
        state.put("mandate", mandate);
        state.put("decisionTypes", decisionTypeSet().stream().map(Enum::name).toList());
        state.put("formal", formal);
        return state;
    }
}
