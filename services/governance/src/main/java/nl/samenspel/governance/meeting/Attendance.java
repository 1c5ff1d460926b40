package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.Quorum;

/** How a member organisation attended; a represented member names the member holding its proxy. */
public record Attendance(UUID memberId, Quorum.Attendance status, @Nullable UUID proxyHolderId, String personName) {}
