package nl.samenspel.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AuditChainTest {

    private static final UUID COALITION = UUID.fromString("6f1c2d7e-0000-4000-8000-000000000001");

    record Change(String actor, String action, String entityId, String after) {}

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(0).ofMaxLength(12);
        return Combinators.combine(text, text, text, text.injectNull(0.2))
                .as(Change::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    static List<AuditRecord> chain(List<Change> changes) {
        List<AuditRecord> events = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        Instant at = Instant.parse("2026-01-01T09:00:00.123456Z");
        long seq = 1;
        for (Change c : changes) {
            String hash = AuditChain.hash(
                    COALITION, seq, at, c.actor(), c.action(), "member", c.entityId(), null, c.after(), prev);
            events.add(new AuditRecord(
                    COALITION, seq, at, c.actor(), c.action(), "member", c.entityId(), null, c.after(), prev, hash));
            prev = hash;
            seq++;
            at = at.plusSeconds(1);
        }
        return events;
    }

    @Property
    void aChainWrittenInOrderVerifies(@ForAll("changes") List<Change> changes) {
        Verification result = AuditChain.verify(chain(changes));
        assertThat(result.intact()).isTrue();
        assertThat(result.events()).isEqualTo(changes.size());
    }

    @Property
    void changingAnyEventIsReportedAtThatEvent(
            @ForAll("changes") List<Change> changes, @ForAll @IntRange(min = 0, max = 19) int index) {
        List<AuditRecord> events = chain(changes);
        int at = index % events.size();
        AuditRecord original = events.get(at);
        events.set(
                at,
                new AuditRecord(
                        original.coalitionId(),
                        original.seq(),
                        original.occurredAt(),
                        original.actor(),
                        original.action(),
                        original.entityType(),
                        original.entityId(),
                        original.before(),
                        original.after() == null ? "{}" : original.after() + " ",
                        original.prevHash(),
                        original.hash()));
        Verification result = AuditChain.verify(events);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(original.seq());
    }

    @Property
    void removingAnEventIsReported(
            @ForAll("changes") @Size(min = 2) List<Change> changes, @ForAll @IntRange(min = 0, max = 18) int index) {
        List<AuditRecord> events = chain(changes);
        events.remove(index % (events.size() - 1));
        assertThat(AuditChain.verify(events).intact()).isFalse();
    }

    @Property
    void fieldBoundariesMatter(@ForAll String a, @ForAll String b) {
        // Moving characters from one field to the next must change the hash.
        String one = AuditChain.hash(COALITION, 1, Instant.EPOCH, a + "x", b, "t", "1", null, null, AuditChain.GENESIS);
        String two = AuditChain.hash(COALITION, 1, Instant.EPOCH, a, "x" + b, "t", "1", null, null, AuditChain.GENESIS);
        assertThat(one).isNotEqualTo(two);
    }

    @Property
    void droppingTheNewestEventsIsReportedAgainstTheRecordedHead(
            @ForAll("changes") @Size(min = 2) List<Change> changes, @ForAll @IntRange(min = 1, max = 19) int dropped) {
        List<AuditRecord> events = chain(changes);
        AuditRecord head = events.get(events.size() - 1);
        assertThat(AuditChain.verify(events, head.seq(), head.hash()).intact()).isTrue();
        int keep = Math.max(0, events.size() - Math.min(dropped, events.size()));
        List<AuditRecord> truncated = events.subList(0, keep);
        assertThat(AuditChain.verify(truncated).intact())
                .as("links alone cannot tell")
                .isTrue();
        Verification result = AuditChain.verify(truncated, head.seq(), head.hash());
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(keep + 1L);
    }
}
