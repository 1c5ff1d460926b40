package nl.samenspel.governance.web.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberResponse;
import nl.samenspel.governance.web.Formats;

/**
 * The member form exactly as typed: every field a string, so a wrong value comes back to the user
 * unchanged next to its error instead of failing the whole request.
 */
@Serdeable
public record MemberForm(
        @Nullable String name,
        @Nullable String kind,
        @Nullable String kvkNumber,
        @Nullable String rsin,
        @Nullable String joinedOn,
        @Nullable String contributionFte,
        @Nullable String contribution,
        @Nullable String votingWeight,
        @Nullable String alsoOpdrachtgever,
        @Nullable String version) {

    static MemberForm empty() {
        return new MemberForm("", "", "", "", "", "", "", "1", null, null);
    }

    static MemberForm of(MemberResponse m, Formats fmt) {
        return new MemberForm(
                m.name(),
                m.kind().name(),
                m.kvkNumber() == null ? "" : m.kvkNumber(),
                m.rsin() == null ? "" : m.rsin(),
                m.joinedOn().toString(),
                fmt.fteInput(m.contributionFte()),
                fmt.moneyInput(m.contributionCents()),
                Integer.toString(m.votingWeight()),
                m.alsoOpdrachtgever() ? "on" : null,
                Integer.toString(m.version()));
    }

    public boolean opdrachtgever() {
        return alsoOpdrachtgever != null && !alsoOpdrachtgever.isBlank();
    }

    /**
     * The request the service takes, or null when a value cannot even be read; unreadable fields are
     * added to {@code errors} (field → message key). Rules about readable values are the service's.
     */
    MemberRequest toRequest(Formats fmt, Map<String, String> errors) {
        MemberKind parsedKind = null;
        try {
            parsedKind = blank(kind) ? null : MemberKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors.put("kind", "error.required");
        }
        LocalDate joined = null;
        if (!blank(joinedOn)) {
            try {
                joined = LocalDate.parse(joinedOn.trim());
            } catch (DateTimeParseException e) {
                errors.put("joinedOn", "error.date");
            }
        }
        BigDecimal fte = null;
        if (!blank(contributionFte)) {
            fte = fmt.parse(contributionFte);
            if (fte == null || fte.scale() > 2) {
                errors.put("contributionFte", "error.fte");
                fte = null;
            } else {
                fte = fte.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        Long cents = null;
        if (!blank(contribution)) {
            BigDecimal euros = fmt.parse(contribution);
            // Beyond a billion euro it is a typing error; the range check would say so too, but the
            // conversion to cents must not overflow first.
            if (euros == null
                    || euros.scale() > 2
                    || euros.signum() < 0
                    || euros.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                errors.put(
                        "contribution",
                        euros != null && euros.signum() > 0 && euros.scale() <= 2
                                ? "error.range.contribution"
                                : "error.money");
            } else {
                cents = euros.movePointRight(2).longValueExact();
            }
        }
        Integer weight = null;
        if (!blank(votingWeight)) {
            try {
                weight = Integer.valueOf(votingWeight.trim());
            } catch (NumberFormatException e) {
                errors.put("votingWeight", "error.whole-number");
            }
        }
        Integer parsedVersion = null;
        if (!blank(version)) {
            try {
                parsedVersion = Integer.valueOf(version.trim());
            } catch (NumberFormatException e) {
                errors.put("version", "error.invalid");
            }
        }
        return new MemberRequest(
                blank(name) ? null : name.trim(),
                parsedKind,
                blank(kvkNumber) ? null : kvkNumber.trim(),
                blank(rsin) ? null : rsin.trim(),
                joined,
                fte,
                cents,
                weight,
                opdrachtgever(),
                parsedVersion);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
