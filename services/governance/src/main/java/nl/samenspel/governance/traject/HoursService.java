package nl.samenspel.governance.traject;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Hours invested in a traject. A person is an account that represents the member in the week of the
 * entry. The secretary enters hours for every member, a representative for the members it represents
 * today; the secretary, opdrachtgever and accountant read every entry, a representative the entries of
 * its own members; everyone with a role reads the totals and the realised fte.
 */
@Singleton
public class HoursService {

    /** How an import treats a file with bad rows. */
    public enum Mode {
        ALL_OR_NOTHING("all-or-nothing"),
        GOOD_ROWS("good-rows");

        final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        static Mode of(String value) {
            if (value == null || value.isBlank()) {
                return ALL_OR_NOTHING;
            }
            for (Mode m : values()) {
                if (m.wire.equals(value.strip())) {
                    return m;
                }
            }
            throw ProblemException.invalidField("mode", "hours.mode", "kies all-or-nothing of good-rows");
        }
    }

    static final List<String> COLUMNS = List.of("week", "persoon", "lid", "fase", "verwacht", "gerealiseerd");

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");
    private static final BigDecimal MAX_HOURS = new BigDecimal("168");

    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    HoursService(TenantTransactions tx, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    public Hours list(CoalitionAccess access, UUID traject) {
        return tx.read(access.id(), () -> {
            requireTraject(access.id().value(), traject);
            return overview(access, traject);
        });
    }

    /** Inside the caller's transaction. */
    private Hours overview(CoalitionAccess access, UUID traject) {
        {
            UUID c = access.id().value();
            boolean readAll =
                    access.has(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER, CoalitionRole.ACCOUNTANT);
            Set<UUID> own = readAll ? Set.of() : ownMembers(access);
            List<Hours.Entry> entries = sql()
                    .list(
                            """
                            SELECT h.*, a.email, a.display_name, m.name AS member_name, p.name AS phase_name
                              FROM traject_hours h
                              JOIN account a ON a.id = h.account_id
                              JOIN member m ON m.coalition_id = h.coalition_id AND m.id = h.member_id
                              LEFT JOIN traject_phase p ON p.coalition_id = h.coalition_id AND p.id = h.phase_id
                             WHERE h.coalition_id = ? AND h.traject_id = ?
                             ORDER BY h.week_start, lower(m.name), a.email""",
                            rs -> new Hours.Entry(
                                    Sql.uuid(rs, "id"),
                                    isoWeek(Sql.date(rs, "week_start")),
                                    Sql.date(rs, "week_start"),
                                    Sql.uuid(rs, "account_id"),
                                    rs.getString("email"),
                                    rs.getString("display_name"),
                                    Sql.uuid(rs, "member_id"),
                                    rs.getString("member_name"),
                                    Sql.uuid(rs, "phase_id"),
                                    rs.getString("phase_name"),
                                    rs.getBigDecimal("expected_hours"),
                                    rs.getBigDecimal("realised_hours"),
                                    rs.getInt("version")),
                            c,
                            traject)
                    .stream()
                    .filter(e -> readAll || own.contains(e.memberId()))
                    .toList();
            List<Hours.Total> perMember = sql().list(
                            """
                    SELECT m.id, m.name, sum(h.expected_hours) AS expected, sum(h.realised_hours) AS realised
                      FROM traject_hours h JOIN member m ON m.coalition_id = h.coalition_id AND m.id = h.member_id
                     WHERE h.coalition_id = ? AND h.traject_id = ?
                     GROUP BY m.id, m.name ORDER BY lower(m.name), m.id""",
                            HoursService::total,
                            c,
                            traject);
            List<Hours.Total> perPhase = sql().list(
                            """
                    SELECT p.id, coalesce(p.name, 'Geen fase') AS name,
                           sum(h.expected_hours) AS expected, sum(h.realised_hours) AS realised
                      FROM traject_hours h
                      LEFT JOIN traject_phase p ON p.coalition_id = h.coalition_id AND p.id = h.phase_id
                     WHERE h.coalition_id = ? AND h.traject_id = ?
                     GROUP BY p.id, p.name, p.position ORDER BY p.position NULLS LAST""",
                            HoursService::total,
                            c,
                            traject);
            List<Hours.Fte> fte = sql().list(
                            """
                    SELECT m.id, m.name, extract(isoyear FROM h.week_start)::int AS year,
                           sum(h.realised_hours) AS realised
                      FROM traject_hours h JOIN member m ON m.coalition_id = h.coalition_id AND m.id = h.member_id
                     WHERE h.coalition_id = ? AND h.traject_id = ?
                     GROUP BY m.id, m.name, year ORDER BY year, lower(m.name), m.id""",
                            rs -> fte(
                                    Sql.uuid(rs, "id"),
                                    rs.getString("name"),
                                    rs.getInt("year"),
                                    rs.getBigDecimal("realised")),
                            c,
                            traject);
            BigDecimal expected =
                    perMember.stream().map(Hours.Total::expectedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal realised =
                    perMember.stream().map(Hours.Total::realisedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Hours(traject, entries, perMember, perPhase, fte, expected, realised);
        }
    }

    private static Hours.Total total(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Hours.Total(
                Sql.uuid(rs, "id"), rs.getString("name"), rs.getBigDecimal("expected"), rs.getBigDecimal("realised"));
    }

    static Hours.Fte fte(UUID member, String name, int year, BigDecimal realised) {
        int weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        BigDecimal fte = realised.divide(Hours.WEEK_HOURS.multiply(BigDecimal.valueOf(weeks)), 3, RoundingMode.HALF_UP);
        return new Hours.Fte(member, name, year, weeks, realised, fte);
    }

    // ------------------------------------------------------------------ writing

    public Hours.Entry add(CoalitionAccess access, UUID traject, Hours.EntryRequest r) {
        Writer writer = writer(access);
        return guarded(() -> tx.write(access.id(), () -> {
            UUID c = access.id().value();
            requireTraject(c, traject);
            if (!writer.writes(r.memberId(), ownMembers(access))) {
                throw notYourMember();
            }
            Candidate candidate = new Candidate(traject);
            List<FieldError> errors = new ArrayList<>();
            candidate.week = week(r.week(), "week", errors);
            candidate.memberId = memberExists(c, r.memberId()) ? r.memberId() : null;
            if (candidate.memberId == null) {
                errors.add(error("memberId", "hours.member-unknown", "onbekend lid"));
            }
            candidate.phaseId = r.phaseId();
            if (r.phaseId() != null && !phaseExists(c, traject, r.phaseId())) {
                errors.add(error("phaseId", "hours.phase-unknown", "dit traject heeft geen fase met dit id"));
            }
            candidate.expected = hours(r.expectedHours(), "expectedHours", errors);
            candidate.realised = hours(r.realisedHours(), "realisedHours", errors);
            if (candidate.week != null && candidate.memberId != null) {
                person(c, candidate, r.personEmail(), "personEmail", errors);
            }
            if (errors.isEmpty() && stored(c, traject, candidate.accountId, candidate.week)) {
                throw ProblemException.conflict(
                        "hours.duplicate",
                        "Deze persoon heeft voor deze week al uren in dit traject; wijzig die regel.");
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(
                        io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        errors.get(0).code(),
                        errors.get(0).message(),
                        errors);
            }
            UUID id = insert(access, candidate, "traject.hours-added");
            return entry(access, traject, id);
        }));
    }

    public Hours.Entry update(CoalitionAccess access, UUID traject, UUID entryId, Hours.EntryUpdate r) {
        Writer writer = writer(access);
        return guarded(() -> tx.write(access.id(), () -> {
            UUID c = access.id().value();
            requireTraject(c, traject);
            Map<String, Object> before = sql().one(
                            "SELECT * FROM traject_hours WHERE coalition_id = ? AND traject_id = ? AND id = ? FOR UPDATE",
                            rs -> {
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("memberId", Sql.uuid(rs, "member_id"));
                                m.put("phaseId", String.valueOf(Sql.uuid(rs, "phase_id")));
                                m.put(
                                        "expectedHours",
                                        rs.getBigDecimal("expected_hours").toPlainString());
                                m.put(
                                        "realisedHours",
                                        rs.getBigDecimal("realised_hours").toPlainString());
                                m.put("version", rs.getInt("version"));
                                return m;
                            },
                            c,
                            traject,
                            entryId)
                    .orElseThrow(() -> ProblemException.notFound(
                            "hours.not-found", "Dit traject heeft geen urenregel met dit id."));
            UUID member = (UUID) before.get("memberId");
            if (!writer.writes(member, ownMembers(access))) {
                throw notYourMember();
            }
            List<FieldError> errors = new ArrayList<>();
            if (r.phaseId() != null && !phaseExists(c, traject, r.phaseId())) {
                errors.add(error("phaseId", "hours.phase-unknown", "dit traject heeft geen fase met dit id"));
            }
            BigDecimal expected = hours(r.expectedHours(), "expectedHours", errors);
            BigDecimal realised = hours(r.realisedHours(), "realisedHours", errors);
            if (!errors.isEmpty()) {
                throw new ProblemException(
                        io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        errors.get(0).code(),
                        errors.get(0).message(),
                        errors);
            }
            int n = sql().update(
                            """
                            UPDATE traject_hours SET phase_id = ?, expected_hours = ?, realised_hours = ?, updated_at = ?,
                                   updated_by = ?, version = version + 1
                             WHERE coalition_id = ? AND traject_id = ? AND id = ? AND version = ?""",
                            r.phaseId(),
                            expected,
                            realised,
                            clock.instant().truncatedTo(ChronoUnit.MICROS),
                            access.actor(),
                            c,
                            traject,
                            entryId,
                            r.version());
            if (n != 1) {
                throw ProblemException.conflict(
                        "conflict.version", "Someone else changed this in the meantime; reload and try again.");
            }
            before.put("memberId", member.toString());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("phaseId", String.valueOf(r.phaseId()));
            after.put("expectedHours", expected.toPlainString());
            after.put("realisedHours", realised.toPlainString());
            audit.append(access.id(), access.actor(), "traject.hours-changed", "traject_hours", entryId, before, after);
            return entry(access, traject, entryId);
        }));
    }

    /**
     * Imports a CSV file (UTF-8, a header row, {@code ;} or {@code ,} between fields, a decimal comma
     * or point). All-or-nothing refuses the whole file with a 422 listing every bad row; good-rows
     * imports the rows without fault and reports the others.
     */
    public Hours.ImportReport importCsv(CoalitionAccess access, UUID traject, byte[] file, String modeValue) {
        Mode mode = Mode.of(modeValue);
        Writer writer = writer(access);
        String text = utf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ProblemException.invalidField("file", "hours.csv-empty", "het bestand is leeg");
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = header.chars().filter(ch -> ch == ';').count()
                        >= header.chars().filter(ch -> ch == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
        List<CSVRecord> records;
        List<String> headers;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            headers = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalidField(
                    "file", "hours.csv-unreadable", "het bestand is geen leesbare CSV (let op aanhalingstekens)");
        }
        for (String column : COLUMNS) {
            if (!"fase".equals(column) && !headers.contains(column)) {
                throw ProblemException.invalidField(
                        "file",
                        "hours.csv-column",
                        "kolom '" + column + "' ontbreekt; de kopregel is " + String.join(";", COLUMNS));
            }
        }
        boolean hasPhase = headers.contains("fase");
        return guarded(() -> tx.write(access.id(), () -> {
            UUID c = access.id().value();
            requireTraject(c, traject);
            Set<UUID> own = ownMembers(access);
            List<Hours.RowError> rejected = new ArrayList<>();
            List<Candidate> good = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int row = 1;
            for (CSVRecord record : records) {
                row++;
                List<FieldError> errors = new ArrayList<>();
                Candidate candidate = new Candidate(traject);
                if (!record.isConsistent()) {
                    errors.add(error("rij", "hours.csv-columns", "deze rij heeft niet " + headers.size() + " velden"));
                } else {
                    candidate.week = week(record.get("week"), "week", errors);
                    String memberName = record.get("lid");
                    candidate.memberId = memberByName(c, memberName).orElse(null);
                    if (candidate.memberId == null) {
                        errors.add(error("lid", "hours.member-unknown", "onbekend lid '" + memberName + "'"));
                    } else if (!writer.writes(candidate.memberId, own)) {
                        errors.add(error(
                                "lid",
                                "hours.not-your-member",
                                "u mag alleen uren invoeren voor het lid dat u vertegenwoordigt"));
                    }
                    String phaseName = hasPhase ? record.get("fase") : "";
                    if (!phaseName.isEmpty()) {
                        candidate.phaseId = phaseByName(c, traject, phaseName).orElse(null);
                        if (candidate.phaseId == null) {
                            errors.add(error(
                                    "fase", "hours.phase-unknown", "dit traject heeft geen fase '" + phaseName + "'"));
                        }
                    }
                    candidate.expected = hours(record.get("verwacht"), "verwacht", errors);
                    candidate.realised = hours(record.get("gerealiseerd"), "gerealiseerd", errors);
                    if (candidate.memberId != null) {
                        if (candidate.week != null) {
                            person(c, candidate, record.get("persoon"), "persoon", errors);
                        } else if (record.get("persoon").isEmpty()) {
                            errors.add(
                                    error("persoon", "hours.person-unknown", "vul het e-mailadres van de persoon in"));
                        }
                    }
                    if (candidate.accountId != null && candidate.week != null) {
                        String key = candidate.accountId + "/" + candidate.week;
                        Integer earlier = seen.putIfAbsent(key, row);
                        if (earlier != null) {
                            errors.add(error(
                                    "week",
                                    "hours.duplicate-in-file",
                                    "deze persoon staat voor deze week al op rij " + earlier + " van het bestand"));
                        } else if (stored(c, traject, candidate.accountId, candidate.week)) {
                            errors.add(error(
                                    "week",
                                    "hours.duplicate",
                                    "deze persoon heeft voor deze week al uren in dit traject"));
                        }
                    }
                }
                int line = row;
                errors.forEach(e -> rejected.add(new Hours.RowError(line, e.field(), e.message())));
                if (errors.isEmpty()) {
                    good.add(candidate);
                }
            }
            if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
                List<FieldError> errors = rejected.stream()
                        .map(e -> new FieldError(
                                "rows[" + e.row() + "]." + e.field(),
                                "hours.row-invalid",
                                "rij " + e.row() + ": " + e.message()))
                        .toList();
                throw new ProblemException(
                        io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        "hours.import-refused",
                        rejected.stream().map(Hours.RowError::row).distinct().count()
                                + " rij(en) met fouten; er is niets ingelezen.",
                        errors);
            }
            for (Candidate candidate : good) {
                insert(access, candidate, "traject.hours-imported");
            }
            return new Hours.ImportReport(mode.wire, records.size(), good.size(), rejected);
        }));
    }

    // ------------------------------------------------------------------ rules

    /** One entry being checked: filled as its fields are resolved. */
    private static final class Candidate {
        final UUID traject;
        LocalDate week;
        UUID memberId;
        UUID accountId;
        UUID phaseId;
        BigDecimal expected;
        BigDecimal realised;

        Candidate(UUID traject) {
            this.traject = traject;
        }
    }

    private record Writer(boolean all) {
        boolean writes(UUID member, Set<UUID> own) {
            return all || own.contains(member);
        }
    }

    private static Writer writer(CoalitionAccess access) {
        if (access.has(CoalitionRole.SECRETARY)) {
            return new Writer(true);
        }
        access.require(CoalitionRole.REPRESENTATIVE);
        return new Writer(false);
    }

    static LocalDate week(String value, String field, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        Matcher m = WEEK.matcher(v);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            int weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (year >= 2000 && year <= 2100 && week >= 1 && week <= weeks) {
                return LocalDate.of(year, 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(DayOfWeek.MONDAY);
            }
            errors.add(error(field, "hours.week", year + " heeft geen week " + week));
            return null;
        }
        errors.add(error(field, "hours.week", "schrijf de week als ISO-week, bijvoorbeeld 2026-W05"));
        return null;
    }

    static String isoWeek(LocalDate monday) {
        return String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A CSV cell: digits with a decimal comma or point, at most two decimals. */
    static BigDecimal hours(String value, String field, List<FieldError> errors) {
        String v = value == null ? "" : value.strip().replace(',', '.');
        if (v.startsWith("-")) {
            errors.add(error(field, "hours.negative", "uren kunnen niet negatief zijn"));
            return null;
        }
        if (!NUMBER.matcher(v).matches()) {
            errors.add(error(field, "hours.number", "schrijf de uren als getal, bijvoorbeeld 7,5"));
            return null;
        }
        return hours(new BigDecimal(v), field, errors);
    }

    static BigDecimal hours(BigDecimal value, String field, List<FieldError> errors) {
        if (value.signum() < 0) {
            errors.add(error(field, "hours.negative", "uren kunnen niet negatief zijn"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            errors.add(error(field, "hours.number", "uren hebben hoogstens twee decimalen"));
            return null;
        }
        if (value.compareTo(MAX_HOURS) > 0) {
            errors.add(error(field, "hours.too-many", "een week heeft hoogstens 168 uur"));
            return null;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The person: an account by e-mail that represents the member on some day of the week. */
    private void person(UUID c, Candidate candidate, String email, String field, List<FieldError> errors) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty()) {
            errors.add(error(field, "hours.person-unknown", "vul het e-mailadres van de persoon in"));
            return;
        }
        candidate.accountId = sql().one(
                        """
                        SELECT a.id FROM representative r JOIN account a ON a.id = r.account_id
                         WHERE r.coalition_id = ? AND r.member_id = ? AND a.email = ?
                           AND r.valid_from <= ? AND (r.valid_until IS NULL OR r.valid_until > ?)
                         LIMIT 1""",
                        rs -> Sql.uuid(rs, "id"),
                        c,
                        candidate.memberId,
                        e,
                        candidate.week.plusDays(6),
                        candidate.week)
                .orElse(null);
        if (candidate.accountId == null) {
            errors.add(error(
                    field,
                    "hours.person-unknown",
                    "onbekende persoon '" + e + "': geen vertegenwoordiger van dit lid in die week"));
        }
    }

    private Set<UUID> ownMembers(CoalitionAccess access) {
        if (!access.has(CoalitionRole.REPRESENTATIVE)) {
            return Set.of();
        }
        LocalDate today = MeetingTime.day(clock.instant());
        return new HashSet<>(sql().list(
                        """
                SELECT r.member_id FROM representative r
                 WHERE r.coalition_id = ? AND r.account_id = ? AND r.valid_from <= ?
                   AND (r.valid_until IS NULL OR r.valid_until > ?)""",
                        rs -> Sql.uuid(rs, "member_id"),
                        access.id().value(),
                        access.account().id(),
                        today,
                        today));
    }

    private void requireTraject(UUID c, UUID traject) {
        if (sql().one("SELECT 1 FROM traject WHERE coalition_id = ? AND id = ?", rs -> 1, c, traject)
                .isEmpty()) {
            throw ProblemException.notFound("traject.not-found", "There is no such traject in this coalition.");
        }
    }

    private boolean memberExists(UUID c, UUID member) {
        return sql().one("SELECT 1 FROM member WHERE coalition_id = ? AND id = ?", rs -> 1, c, member)
                .isPresent();
    }

    private Optional<UUID> memberByName(UUID c, String name) {
        return sql().one(
                        "SELECT id FROM member WHERE coalition_id = ? AND lower(name) = lower(?) ORDER BY id LIMIT 1",
                        rs -> Sql.uuid(rs, "id"),
                        c,
                        name.strip());
    }

    private boolean phaseExists(UUID c, UUID traject, UUID phase) {
        return sql().one(
                        "SELECT 1 FROM traject_phase WHERE coalition_id = ? AND traject_id = ? AND id = ?",
                        rs -> 1,
                        c,
                        traject,
                        phase)
                .isPresent();
    }

    private Optional<UUID> phaseByName(UUID c, UUID traject, String name) {
        return sql().one(
                        "SELECT id FROM traject_phase WHERE coalition_id = ? AND traject_id = ? AND lower(name) = lower(?)",
                        rs -> Sql.uuid(rs, "id"),
                        c,
                        traject,
                        name.strip());
    }

    private boolean stored(UUID c, UUID traject, UUID account, LocalDate week) {
        return sql().one(
                        "SELECT 1 FROM traject_hours WHERE coalition_id = ? AND traject_id = ? AND account_id = ? AND week_start = ?",
                        rs -> 1,
                        c,
                        traject,
                        account,
                        week)
                .isPresent();
    }

    private UUID insert(CoalitionAccess access, Candidate k, String action) {
        UUID id = UUID.randomUUID();
        sql().update(
                        """
                        INSERT INTO traject_hours (coalition_id, id, traject_id, phase_id, member_id, account_id, week_start,
                                                   expected_hours, realised_hours, updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        access.id().value(),
                        id,
                        k.traject,
                        k.phaseId,
                        k.memberId,
                        k.accountId,
                        k.week,
                        k.expected,
                        k.realised,
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        access.actor());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("trajectId", k.traject.toString());
        after.put("week", isoWeek(k.week));
        after.put("accountId", k.accountId.toString());
        after.put("memberId", k.memberId.toString());
        after.put("phaseId", String.valueOf(k.phaseId));
        after.put("expectedHours", k.expected.toPlainString());
        after.put("realisedHours", k.realised.toPlainString());
        audit.append(access.id(), access.actor(), action, "traject_hours", id, null, after);
        return id;
    }

    private Hours.Entry entry(CoalitionAccess access, UUID traject, UUID id) {
        return overview(access, traject).entries().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static FieldError error(String field, String code, String message) {
        return new FieldError(field, code, message);
    }

    private static ProblemException notYourMember() {
        return ProblemException.forbidden(
                "hours.not-your-member", "U mag alleen uren invoeren voor het lid dat u vertegenwoordigt.");
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalidField("file", "hours.csv-encoding", "sla het bestand op als UTF-8");
        }
    }

    private Sql sql() {
        return Sql.on(tx.connection());
    }

    private static <T> T guarded(Supplier<T> work) {
        return Duplicates.asConflict(
                "hours.duplicate", "Deze persoon heeft voor deze week al uren in dit traject.", work);
    }
}
