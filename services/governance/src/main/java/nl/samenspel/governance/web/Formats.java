package nl.samenspel.governance.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Figures as a Dutch reader expects them (€ 1.209.505,00; 27,31; 15-01-2025), or the English way when
 * the UI is English. Used by templates ({@code fmt}) and to read numbers typed into forms.
 */
public final class Formats {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final boolean dutch;
    private final DecimalFormatSymbols symbols;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter dayTime;

    private Formats(Locale locale) {
        this.dutch = !"en".equals(locale.getLanguage());
        this.symbols = DecimalFormatSymbols.getInstance(dutch ? Language.DUTCH : Locale.UK);
        this.date = DateTimeFormatter.ofPattern(dutch ? "dd-MM-yyyy" : "d MMM yyyy", locale);
        this.dateTime = DateTimeFormatter.ofPattern(dutch ? "dd-MM-yyyy HH:mm:ss" : "d MMM yyyy HH:mm:ss", locale);
        this.dayTime = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", dutch ? Language.DUTCH : Locale.UK);
    }

    public static Formats of(Locale locale) {
        return new Formats(locale);
    }

    public String money(long cents) {
        String amount = decimal(BigDecimal.valueOf(cents, 2));
        return dutch ? "€ " + amount : "€" + amount;
    }

    public String fte(BigDecimal fte) {
        return fte == null ? "" : decimal(fte.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** A percentage with two decimals: 5,01 % (Dutch) or 5.01% (English); empty when there is none. */
    public String pct(BigDecimal pct) {
        if (pct == null) {
            return "";
        }
        String amount = decimal(pct.setScale(2, RoundingMode.HALF_UP));
        return dutch ? amount + " %" : amount + "%";
    }

    /** A signed amount of money: + € 10,00 or − € 10,00 (a variance); € 0,00 for none. */
    public String moneyDifference(long cents) {
        if (cents == 0) {
            return money(0);
        }
        return (cents > 0 ? "+ " : "− ") + money(Math.abs(cents));
    }

    /** A count or measure as people write it: 1.250 or 12,5 (at most two decimals, no trailing zeros). */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format.format(value);
    }

    /** A number as a form shows it for editing: 1250 or 12,5 (no grouping). */
    public String numberInput(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("0.##", symbols);
        return format.format(value);
    }

    public String date(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    /** When a meeting starts, as people say it: maandag 23 november 2026, 14:00. */
    public String dayTime(Instant at) {
        return at == null ? "" : dayTime.format(at.atZone(AMSTERDAM));
    }

    /** The time of day in Dutch time, 24-hour clock (14:30). */
    public String time(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(AMSTERDAM));
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at.atZone(AMSTERDAM));
    }

    /** Cents as a form shows them for editing: 1209505,00 (no grouping, so it reads back exactly). */
    public String moneyInput(long cents) {
        return plain(BigDecimal.valueOf(cents, 2));
    }

    public String fteInput(BigDecimal fte) {
        return fte == null ? "" : plain(fte.setScale(2, RoundingMode.UNNECESSARY));
    }

    /**
     * Reads a number as typed: "1.209.505,00", "1209505", "€ 27,5" (Dutch) or "1,209,505.00" (English).
     * Returns null when it is not a number.
     */
    public BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String cleaned =
                text.replace("€", "").replace("\u00a0", "").replace(" ", "").trim();
        if (cleaned.isEmpty()
                || !cleaned.matches(
                        dutch ? "-?[0-9]{1,3}(\\.?[0-9]{3})*(,[0-9]+)?" : "-?[0-9]{1,3}(,?[0-9]{3})*(\\.[0-9]+)?")) {
            return null;
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        format.setParseBigDecimal(true);
        ParsePosition position = new ParsePosition(0);
        Number number = format.parse(cleaned, position);
        return number == null || position.getIndex() != cleaned.length() ? null : (BigDecimal) number;
    }

    private String decimal(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(value);
    }

    private String plain(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("0.00", symbols);
        return format.format(value);
    }
}
