package nl.samenspel.governance.pack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The accountant's ZIP of a pack: the sealed PDF, a CSV of every table (UTF-8 with a header row,
 * semicolon-separated as Dutch spreadsheets expect), the JSON snapshot the PDF was made from, the
 * signed documents, the audit log as JSON lines, and {@code manifest.sha256} with the SHA-256 of every
 * other file in {@code sha256sum} format. Entries carry the data's time, so unchanged data gives the
 * same entries.
 */
final class PackZip {

    private PackZip() {}

    /** A file of the ZIP, by its path. */
    record Entry(String path, byte[] content) {}

    static byte[] build(
            VerantwoordingsPakket pack,
            byte[] sealedPdf,
            byte[] snapshotJson,
            List<Entry> signedDocuments,
            byte[] auditLog) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("verantwoordingspakket-" + pack.subsidy().year() + ".pdf", sealedPdf);
        files.put("snapshot.json", snapshotJson);
        files.put("auditlog.jsonl", auditLog);
        files.put(
                "csv/leden.csv",
                csv(
                        List.of("naam", "soort", "kvk", "lid sinds", "lid tot", "stemgewicht"),
                        pack.members(),
                        m -> List.of(
                                m.name(),
                                m.kind(),
                                s(m.kvkNumber()),
                                s(m.joinedOn()),
                                s(m.leftOn()),
                                s(m.votingWeight()))));
        files.put(
                "csv/statuten.csv",
                csv(
                        List.of("versie", "titel", "status", "geldend vanaf"),
                        pack.statutes(),
                        v -> List.of(s(v.number()), v.title(), v.status(), s(v.effectiveFrom()))));
        files.put(
                "csv/penvoerderschap.csv",
                csv(
                        List.of("reikwijdte", "penvoerder", "vanaf", "tot"),
                        pack.penvoerders(),
                        p -> List.of(p.scope(), p.member(), s(p.from()), s(p.until()))));
        files.put(
                "csv/vergaderingen.csv",
                csv(
                        List.of("orgaan", "vergadering", "aanvang", "status", "aanwezigheid"),
                        pack.bodies().stream()
                                .flatMap(b -> b.meetings().stream().map(m -> Map.entry(b.name(), m)))
                                .toList(),
                        e -> List.of(
                                e.getKey(),
                                e.getValue().title(),
                                s(e.getValue().startsAt()),
                                e.getValue().status(),
                                String.join(" | ", e.getValue().attendance()))));
        files.put(
                "csv/besluiten.csv",
                csv(
                        List.of(
                                "nummer",
                                "titel",
                                "orgaan",
                                "gesloten",
                                "uitkomst",
                                "voor",
                                "tegen",
                                "onthouding",
                                "vaststelling",
                                "geldigheid"),
                        pack.decisions(),
                        d -> List.of(
                                d.number(),
                                d.title(),
                                d.body(),
                                s(d.closedAt()),
                                d.outcome(),
                                s(d.votesFor()),
                                s(d.votesAgainst()),
                                s(d.abstentions()),
                                s(d.declaration()),
                                String.join(" | ", d.validity()))));
        files.put(
                "csv/begroting.csv",
                csv(
                        List.of(
                                "lid",
                                "categorie",
                                "begroting_cent",
                                "realisatie_cent",
                                "verschil_cent",
                                "verschil_pct",
                                "toelichting"),
                        pack.budget(),
                        b -> List.of(
                                b.member(),
                                b.category(),
                                s(b.budgetCents()),
                                s(b.realisedCents()),
                                s(b.varianceCents()),
                                s(b.variancePct()),
                                s(b.explanation()))));
        files.put(
                "csv/formatie.csv",
                csv(
                        List.of("lid", "functie", "fte_gepland", "fte_gerealiseerd"),
                        pack.fte(),
                        f -> List.of(f.member(), f.function(), s(f.planned()), s(f.realised()))));
        files.put(
                "csv/indicatoren.csv",
                csv(
                        List.of("lid", "groep", "indicator", "eenheid", "streefwaarde", "k1", "k2", "k3", "k4", "pdca"),
                        pack.indicators(),
                        i -> List.of(
                                i.member(),
                                i.group(),
                                i.name(),
                                i.unit(),
                                s(i.target()),
                                s(i.q1()),
                                s(i.q2()),
                                s(i.q3()),
                                s(i.q4()),
                                i.pdcaNote())));
        files.put(
                "csv/mijlpalen.csv",
                csv(
                        List.of("lid", "mijlpaal", "gepland", "status", "gereed", "toelichting"),
                        pack.milestones(),
                        m -> List.of(m.member(), m.title(), s(m.dueOn()), m.status(), s(m.doneOn()), m.note())));
        files.put(
                "csv/risicos.csv",
                csv(
                        List.of("lid", "risico", "oorzaak", "beheersmaatregel", "eigenaar", "status"),
                        pack.risks(),
                        r -> List.of(r.member(), r.risk(), r.cause(), r.mitigation(), r.owner(), r.status())));
        files.put(
                "csv/ondertekende-documenten.csv",
                csv(
                        List.of("titel", "voltooid", "sha256", "ondertekenaars"),
                        pack.signedDocuments(),
                        d -> List.of(d.title(), s(d.completedAt()), d.sha256(), String.join(" | ", d.signers()))));
        for (Entry e : signedDocuments) {
            files.put(e.path(), e.content());
        }
        return ZipArchive.withManifest(files, "manifest.sha256", pack.dataAsOf());
    }

    private static <T> byte[] csv(List<String> header, List<T> rows, Function<T, List<String>> values) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .setHeader(header.toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (T row : rows) {
                printer.printRecord(values.apply(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String s(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value == null ? "" : value.toString();
    }
}
