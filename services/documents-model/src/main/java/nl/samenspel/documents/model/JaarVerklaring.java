package nl.samenspel.documents.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A statement for a subsidy year, to be signed: a member's own (its budget, realisation and fte as
 * entered) or, with no member, the penvoerder's consolidated statement over every member's totals.
 * Amounts in euro cents.
 */
@Serdeable
public record JaarVerklaring(
        String coalitionName,
        int year,
        String subsidyTitle,
        String grantor,
        @Nullable String member,
        @Nullable String penvoerder,
        List<Line> lines,
        List<Fte> fte,
        String declaration)
        implements DocumentModel {

    public static final String KIND = "jaarverklaring";

    public JaarVerklaring {
        lines = lines == null ? List.of() : List.copyOf(lines);
        fte = fte == null ? List.of() : List.copyOf(fte);
    }

    @Override
    public String pdfTitle() {
        return (member == null ? "Geconsolideerde verklaring " : "Verklaring " + member + " ") + year + " – "
                + subsidyTitle;
    }

    /** A budget line (a member's statement) or a member's total (the consolidated one). */
    @Serdeable
    public record Line(String label, long budgetCents, @Nullable Long realisedCents) {}

    @Serdeable
    public record Fte(String label, BigDecimal planned, @Nullable BigDecimal realised) {}
}
