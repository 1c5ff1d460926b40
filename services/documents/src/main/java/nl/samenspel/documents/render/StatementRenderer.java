package nl.samenspel.documents.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.model.JaarVerklaring;

/**
 * A statement for a subsidy year: a member's (its budget lines and fte) or the penvoerder's consolidated
 * one (every member's totals), with the declaration that the signature confirms. Totals are the sums of
 * the printed rows.
 */
final class StatementRenderer {

    private final PdfLayout layout;
    private final JaarVerklaring statement;
    private final DecimalFormat money;

    StatementRenderer(PdfLayout layout, JaarVerklaring statement) {
        this.layout = layout;
        this.statement = statement;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL"));
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        money = new DecimalFormat("#,##0.00", symbols);
        money.setRoundingMode(RoundingMode.HALF_UP);
    }

    static void validate(JaarVerklaring s) {
        require(s.coalitionName(), "coalitionName");
        require(s.subsidyTitle(), "subsidyTitle");
        require(s.grantor(), "grantor");
        require(s.declaration(), "declaration");
        if (s.year() < 2000 || s.year() > 2100) {
            throw new DocumentRejectedException("document.invalid", "year", "year must be between 2000 and 2100");
        }
        for (int i = 0; i < s.lines().size(); i++) {
            if (s.lines().get(i) == null || s.lines().get(i).label() == null) {
                throw new DocumentRejectedException("document.invalid", "lines[" + i + "]", "a line needs a label");
            }
        }
        for (int i = 0; i < s.fte().size(); i++) {
            if (s.fte().get(i) == null
                    || s.fte().get(i).label() == null
                    || s.fte().get(i).planned() == null) {
                throw new DocumentRejectedException(
                        "document.invalid", "fte[" + i + "]", "an fte line needs a label and planned fte");
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DocumentRejectedException("document.invalid", field, field + " is required");
        }
    }

    void render() throws IOException {
        boolean consolidated = statement.member() == null;
        layout.heading(
                consolidated ? "Geconsolideerde verklaring " + statement.year() : "Verklaring " + statement.year(), 1);
        layout.fact("Samenwerkingsverband", statement.coalitionName());
        layout.fact("Subsidie", statement.subsidyTitle() + " (" + statement.grantor() + ")");
        if (!consolidated) {
            layout.fact("Lid", statement.member());
        }
        if (statement.penvoerder() != null) {
            layout.fact("Penvoerder", statement.penvoerder());
        }
        layout.heading(consolidated ? "Begroting en realisatie per lid" : "Begroting en realisatie", 2);
        if (statement.lines().isEmpty()) {
            layout.paragraph("Geen gegevens.");
        } else {
            PdfLayout.Table table = layout.table(
                    PdfLayout.Column.left(consolidated ? "Lid" : "Categorie", 5f),
                    PdfLayout.Column.right("Begroting", 2.4f),
                    PdfLayout.Column.right("Realisatie", 2.4f));
            long budget = 0;
            long realised = 0;
            for (JaarVerklaring.Line line : statement.lines()) {
                budget += line.budgetCents();
                realised += line.realisedCents() == null ? 0 : line.realisedCents();
                table.row(
                        line.label(),
                        euro(line.budgetCents()),
                        line.realisedCents() == null ? "–" : euro(line.realisedCents()));
            }
            table.total("Totaal", euro(budget), euro(realised));
            table.end();
        }
        layout.heading("Formatie (fte)", 2);
        if (statement.fte().isEmpty()) {
            layout.paragraph("Geen gegevens.");
        } else {
            PdfLayout.Table table = layout.table(
                    PdfLayout.Column.left(consolidated ? "Lid" : "Functie", 5f),
                    PdfLayout.Column.right("Gepland", 2.4f),
                    PdfLayout.Column.right("Gerealiseerd", 2.4f));
            BigDecimal planned = BigDecimal.ZERO;
            BigDecimal done = BigDecimal.ZERO;
            for (JaarVerklaring.Fte f : statement.fte()) {
                planned = planned.add(f.planned());
                done = done.add(f.realised() == null ? BigDecimal.ZERO : f.realised());
                table.row(f.label(), fte(f.planned()), f.realised() == null ? "–" : fte(f.realised()));
            }
            table.total("Totaal", fte(planned), fte(done));
            table.end();
        }
        layout.heading("Verklaring", 2);
        layout.paragraph(statement.declaration());
    }

    private String euro(long cents) {
        return "€ " + money.format(BigDecimal.valueOf(cents).movePointLeft(2));
    }

    private String fte(BigDecimal value) {
        return money.format(value);
    }
}
