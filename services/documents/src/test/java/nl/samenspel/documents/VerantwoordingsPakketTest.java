package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerantwoordingsPakketTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> SECTIONS = List.of(
            "Leden",
            "Statuten",
            "Penvoerderschap",
            "Organen en vergaderingen",
            "Besluitenlijst",
            "Begroting en realisatie",
            "Formatie",
            "Prestatie-indicatoren",
            "Mijlpalen",
            "Risico's",
            "Ondertekende documenten",
            "Auditketen");
    private static SealingKey key;

    private final DocumentRenderer renderer = new DocumentRenderer(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @BeforeAll
    static void key() {
        key = SealingKey.generateDevelopmentKey();
    }

    @Test
    void the_rendered_and_the_sealed_pack_are_pdf_a_2b_and_pass_qpdf_and_pdfsig() throws Exception {
        byte[] rendered = renderer.render(Samples.pack());
        keep("pack.pdf", rendered);
        assertThat(PdfAValidation.failures(rendered))
                .as("veraPDF on the rendered pack")
                .isEmpty();

        byte[] sealed = new Sealer(key, Clock.fixed(NOW, ZoneOffset.UTC)).seal(rendered);
        assertThat(PdfAValidation.failures(sealed))
                .as("veraPDF on the sealed pack")
                .isEmpty();

        Path file = ExternalTools.write(dir, "pack.pdf", sealed);
        ExternalTools.Run qpdf = ExternalTools.run(file, "qpdf", "--check");
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
        assertThat(qpdf.output()).contains("No syntax or stream encoding errors");
        ExternalTools.Run pdfsig = ExternalTools.run(file, "pdfsig");
        assertThat(pdfsig.output()).as(pdfsig.output()).contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void the_contents_page_gives_the_page_each_section_starts_on_and_bookmarks_agree() throws Exception {
        byte[] pdf = renderer.render(Samples.pack());
        Path file = ExternalTools.write(dir, "pack.pdf", pdf);
        Map<String, Integer> contents = contents(file);
        System.out.println("Table of contents: " + contents);
        assertThat(contents.keySet()).containsExactlyElementsOf(SECTIONS);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            // Every section starts on its own page, with its heading as the first line of that page.
            for (Map.Entry<String, Integer> entry : contents.entrySet()) {
                assertThat(entry.getValue()).isBetween(3, pages);
                String page = pageText(document, entry.getValue());
                assertThat(page.strip().lines().findFirst().orElse(""))
                        .as("first line of page " + entry.getValue())
                        .isEqualTo(entry.getKey());
                if (entry.getValue() > 3) {
                    assertThat(pageText(document, entry.getValue() - 1)).doesNotStartWith(entry.getKey());
                }
            }
            // The bookmarks: cover, contents, then one per section pointing at the page the contents give.
            Map<String, Integer> bookmarks = new LinkedHashMap<>();
            for (PDOutlineItem item :
                    document.getDocumentCatalog().getDocumentOutline().children()) {
                PDPageDestination destination = (PDPageDestination) item.getDestination();
                bookmarks.put(item.getTitle(), document.getPages().indexOf(destination.getPage()) + 1);
            }
            assertThat(bookmarks.keySet()).containsSubsequence(SECTIONS).contains("Inhoud");
            for (String section : SECTIONS) {
                assertThat(bookmarks.get(section)).as(section).isEqualTo(contents.get(section));
            }
            assertThat(bookmarks.get("Inhoud")).isEqualTo(2);
        }
    }

    @Test
    void the_cover_and_the_figures_are_dutch_and_the_totals_are_the_sums_of_the_rows() throws Exception {
        VerantwoordingsPakket pack = Samples.pack();
        Path file = ExternalTools.write(dir, "pack.pdf", renderer.render(pack));
        ExternalTools.Run run = ExternalTools.run(file, "pdftotext", "-layout", "-enc", "UTF-8");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String text = Files.readString(dir.resolve("pack.txt"));
        String cover = text.substring(0, text.indexOf('\f'));

        assertThat(cover)
                .contains("Van preventie naar potentie (Deventer)")
                .contains("samenwerkingsverband")
                .contains("Verantwoordingspakket 2021")
                .contains("Gemeente Deventer")
                .contains("DEV/SD/2021/0042")
                .contains("€ 3.029.473,00")
                .contains("1 januari 2021 t/m 31 december 2021")
                .contains("1 juli 2022")
                .contains("vereist (drempel € 125.000,00)")
                .contains("Raster")
                // 16:42:07Z on 15 March is 17:42 in Amsterdam (CET).
                .contains("15 maart 2022 17:42");
        assertThat(text)
                .contains("€ 1.209.505,00", "€ 743.955,00", "€ 979.588,00", "€ 96.425,00")
                .contains("5,01 %")
                .contains("-21,60 %")
                .contains("Minder groepsactiviteiten")
                .contains("16,41")
                .contains("Niveau 1 – Het normale leven versterken", "Niveau 5 – Terugval voorkomen")
                .contains("Dienstverlening", "Uitval", "Kwetsbare")
                .contains("Nazorgprotocol ingevoerd")
                .contains("Pagina 1 van ");
        // Hashes are never broken over two lines.
        for (VerantwoordingsPakket.SignedDocument signed : pack.signedDocuments()) {
            assertThat(text).contains("SHA-256: " + signed.sha256());
        }
        assertThat(text).contains(pack.auditHead().hash()).contains("1482");

        // The grand total, computed here from the model's rows and formatted independently.
        long budget = pack.budget().stream()
                .mapToLong(VerantwoordingsPakket.BudgetRow::budgetCents)
                .sum();
        long realised = pack.budget().stream()
                .mapToLong(VerantwoordingsPakket.BudgetRow::realisedCents)
                .sum();
        BigDecimal fte =
                pack.fte().stream().map(VerantwoordingsPakket.FteRow::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
        Matcher total = Pattern.compile(
                        "(?m)^\\s*Totaal\\s+(€ [-0-9.,]+)\\s+(€ [-0-9.,]+)\\s+(€ [-0-9.,]+)\\s+(-?[0-9,]+ %)")
                .matcher(text);
        assertThat(total.find()).as(text).isTrue();
        assertThat(total.group(1)).isEqualTo(independentEuro(budget)).isEqualTo("€ 3.029.473,00");
        assertThat(total.group(2)).isEqualTo(independentEuro(realised));
        assertThat(total.group(3)).isEqualTo(independentEuro(realised - budget));
        Matcher fteTotal =
                Pattern.compile("(?m)^\\s*Totaal\\s+([0-9,]+)\\s+([0-9,]+)").matcher(text);
        List<String> fteTotals = new ArrayList<>();
        while (fteTotal.find()) {
            fteTotals.add(fteTotal.group(1));
        }
        assertThat(fteTotals).contains(fte.toPlainString().replace('.', ','));
    }

    @Test
    void the_same_model_renders_to_the_same_bytes_whenever_it_is_rendered() throws Exception {
        byte[] first = renderer.render(Samples.pack());
        byte[] second =
                new DocumentRenderer(Clock.fixed(NOW.plusSeconds(86_400 * 30), ZoneOffset.UTC)).render(Samples.pack());
        assertThat(second).isEqualTo(first);
        try (PDDocument document = Loader.loadPDF(first)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Samples.pack().dataAsOf());
        }
        byte[] changed = renderer.render(withCoalitionName(Samples.pack(), "Van preventie naar potentie"));
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void an_empty_pack_says_so_in_every_section() throws Exception {
        byte[] pdf = renderer.render(Samples.emptyPack());
        assertThat(PdfAValidation.failures(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            // Every section but the audit chain (which is required) is empty.
            assertThat(Pattern.compile("Geen gegevens\\.")
                            .matcher(text)
                            .results()
                            .count())
                    .isEqualTo(SECTIONS.size() - 1);
            assertThat(document.getNumberOfPages()).isEqualTo(2 + SECTIONS.size());
        }
    }

    @Test
    void a_pack_without_what_it_needs_is_refused_with_the_field() {
        VerantwoordingsPakket p = Samples.pack();
        assertRejected(
                new VerantwoordingsPakket(
                        p.coalitionName(),
                        p.legalForm(),
                        null,
                        p.dataAsOf(),
                        p.members(),
                        p.statutes(),
                        p.penvoerders(),
                        p.bodies(),
                        p.decisions(),
                        p.budget(),
                        p.fte(),
                        p.indicators(),
                        p.milestones(),
                        p.risks(),
                        p.signedDocuments(),
                        p.auditHead()),
                "subsidy");
        assertRejected(withCoalitionName(p, " "), "coalitionName");
        assertRejected(
                new VerantwoordingsPakket(
                        p.coalitionName(),
                        p.legalForm(),
                        p.subsidy(),
                        null,
                        p.members(),
                        p.statutes(),
                        p.penvoerders(),
                        p.bodies(),
                        p.decisions(),
                        p.budget(),
                        p.fte(),
                        p.indicators(),
                        p.milestones(),
                        p.risks(),
                        p.signedDocuments(),
                        p.auditHead()),
                "dataAsOf");
        List<VerantwoordingsPakket.Member> members = new ArrayList<>(p.members());
        members.set(
                1,
                new VerantwoordingsPakket.Member(
                        "", "welzijn", null, members.get(1).joinedOn(), null, 1));
        assertRejected(
                new VerantwoordingsPakket(
                        p.coalitionName(),
                        p.legalForm(),
                        p.subsidy(),
                        p.dataAsOf(),
                        members,
                        p.statutes(),
                        p.penvoerders(),
                        p.bodies(),
                        p.decisions(),
                        p.budget(),
                        p.fte(),
                        p.indicators(),
                        p.milestones(),
                        p.risks(),
                        p.signedDocuments(),
                        p.auditHead()),
                "members[1].name");
        List<VerantwoordingsPakket.BudgetRow> budget = new ArrayList<>(p.budget());
        budget.set(0, new VerantwoordingsPakket.BudgetRow("Raster", "Personeel", 100, 150L, 40L, null, null));
        assertRejected(
                new VerantwoordingsPakket(
                        p.coalitionName(),
                        p.legalForm(),
                        p.subsidy(),
                        p.dataAsOf(),
                        p.members(),
                        p.statutes(),
                        p.penvoerders(),
                        p.bodies(),
                        p.decisions(),
                        budget,
                        p.fte(),
                        p.indicators(),
                        p.milestones(),
                        p.risks(),
                        p.signedDocuments(),
                        p.auditHead()),
                "budget[0].varianceCents");
        List<VerantwoordingsPakket.SignedDocument> signed = new ArrayList<>(p.signedDocuments());
        signed.set(2, new VerantwoordingsPakket.SignedDocument("Verklaring", NOW, "abc", List.of()));
        assertRejected(
                new VerantwoordingsPakket(
                        p.coalitionName(),
                        p.legalForm(),
                        p.subsidy(),
                        p.dataAsOf(),
                        p.members(),
                        p.statutes(),
                        p.penvoerders(),
                        p.bodies(),
                        p.decisions(),
                        p.budget(),
                        p.fte(),
                        p.indicators(),
                        p.milestones(),
                        p.risks(),
                        signed,
                        p.auditHead()),
                "signedDocuments[2].sha256");
        assertRejected(
                new VerantwoordingsPakket(
                        p.coalitionName(),
                        p.legalForm(),
                        p.subsidy(),
                        p.dataAsOf(),
                        p.members(),
                        p.statutes(),
                        p.penvoerders(),
                        p.bodies(),
                        p.decisions(),
                        p.budget(),
                        p.fte(),
                        p.indicators(),
                        p.milestones(),
                        p.risks(),
                        p.signedDocuments(),
                        null),
                "auditHead");
    }

    @Test
    void a_pack_at_reference_scale_renders_to_a_few_hundred_pages() throws Exception {
        VerantwoordingsPakket large = Samples.largePack();
        renderer.render(Samples.pack()); // warm up
        System.gc();
        var heapPools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .toList();
        heapPools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        byte[] pdf = renderer.render(large);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peakHeap = heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            System.out.printf(
                    "Large pack: %d pages, %d KB, rendered in %d ms, peak heap (sum of pool peaks) %d MB (50 members,"
                            + " %d budget lines, 1,000 decisions, 200 indicators, 100 signed documents)%n",
                    pages,
                    pdf.length / 1024,
                    millis,
                    peakHeap >> 20,
                    large.budget().size());
            assertThat(pages).isBetween(300, 500);
        }
        keep("large-pack.pdf", pdf);
        long checked = System.nanoTime();
        assertThat(PdfAValidation.failures(pdf)).as("veraPDF on the large pack").isEmpty();
        System.out.printf("veraPDF on the large pack: %d ms%n", (System.nanoTime() - checked) / 1_000_000);
        Path file = ExternalTools.write(dir, "large.pdf", pdf);
        ExternalTools.Run qpdf = ExternalTools.run(file, "qpdf", "--check");
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
        Map<String, Integer> contents = contents(file);
        System.out.println("Large pack contents: " + contents);
        assertThat(contents.keySet()).containsExactlyElementsOf(SECTIONS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (String section : List.of("Besluitenlijst", "Auditketen")) {
                assertThat(pageText(document, contents.get(section)).strip()).startsWith(section);
            }
            // A table that runs over pages repeats its header at the top of each.
            String continued =
                    pageText(document, contents.get("Besluitenlijst") + 1).strip();
            assertThat(continued.lines().findFirst().orElse("")).isEqualTo("Nr. Besluit Orgaan Gesloten Uitkomst");
        }
    }

    /** With -Dpack.keep=DIR the rendered packs are kept there for a look. */
    private static void keep(String name, byte[] pdf) throws java.io.IOException {
        String keep = System.getProperty("pack.keep");
        if (keep != null && !keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, name), pdf);
        }
    }

    private static void assertRejected(VerantwoordingsPakket pack, String field) {
        assertThatThrownBy(() -> new DocumentRenderer().render(pack))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.field())
                        .isEqualTo(field));
    }

    private static VerantwoordingsPakket withCoalitionName(VerantwoordingsPakket p, String name) {
        return new VerantwoordingsPakket(
                name,
                p.legalForm(),
                p.subsidy(),
                p.dataAsOf(),
                p.members(),
                p.statutes(),
                p.penvoerders(),
                p.bodies(),
                p.decisions(),
                p.budget(),
                p.fte(),
                p.indicators(),
                p.milestones(),
                p.risks(),
                p.signedDocuments(),
                p.auditHead());
    }

    /** The entries of the contents page (page 2) as pdftotext reads them: title → page number. */
    private Map<String, Integer> contents(Path file) throws Exception {
        ExternalTools.Run run = ExternalTools.run(file, "pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String page = Files.readString(
                file.resolveSibling(file.getFileName().toString().replace(".pdf", ".txt")));
        assertThat(page).contains("Inhoud");
        Map<String, Integer> entries = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s*(\\S.*?)\\s*(?:\\. ?)+\\s*(\\d+)\\s*$")
                .matcher(page);
        while (line.find()) {
            entries.put(line.group(1), Integer.parseInt(line.group(2)));
        }
        return entries;
    }

    private static String pageText(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** Dutch euro formatting by the JDK, not by the renderer's code. */
    private static String independentEuro(long cents) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "€ " + format.format(BigDecimal.valueOf(cents, 2));
    }
}
