package nl.samenspel.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Issue 5's performance goal, single-threaded and in-process as governance embeds the documents code:
 * rendering pages per second (PDF/A-2b, DejaVu embedded as subsets) of a statute version of at least 100
 * pages, and the time to seal that PDF (PAdES, incremental save). Baselines from the same run: PDFBox
 * saving a blank document of as many pages, and SHA-256 over the PDF's bytes. Prints its figures; a missed
 * target is reported, not a failure. Exits non-zero when anything errs (the seal must verify).
 */
public final class RenderSealBench {

    private static final int MIN_PAGES = Integer.getInteger("bench.pages", 100);
    private static final int RENDER_RUNS = Integer.getInteger("bench.render-runs", 20);
    private static final int SEAL_RUNS = Integer.getInteger("bench.seal-runs", 50);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);

    private static final double TARGET_PAGES_PER_SECOND = 250;
    private static final double TARGET_SEAL_MS = 20;

    private static final String[] SENTENCES = {
        "De algemene ledenvergadering besluit met volstrekte meerderheid van de uitgebrachte stemmen, tenzij"
                + " deze statuten een grotere meerderheid voorschrijven.",
        "Het bestuur bestaat uit ten minste drie natuurlijke personen, die door de algemene ledenvergadering"
                + " uit de leden worden benoemd voor een periode van vier jaar.",
        "Een lid kan zich ter vergadering door een ander lid laten vertegenwoordigen, mits het een schriftelijke"
                + " volmacht heeft afgegeven; een lid kan ten hoogste één ander lid vertegenwoordigen.",
        "De coöperatie stelt zich ten doel de preventie in het sociaal domein te versterken, onder meer door"
                + " gezamenlijke inkoop, kennisdeling en financiële bijdragen tot € 25.000 per project.",
        "Het boekjaar van de coöperatie valt samen met het kalenderjaar; binnen zes maanden na afloop legt het"
                + " bestuur de jaarrekening en het bestuursverslag over aan de algemene ledenvergadering.",
        "Ideeën voor nieuwe projecten worden ingediend bij de penvoerder, die ze binnen dertig dagen met een"
                + " advies aan het bestuur voorlegt.",
        "Het lidmaatschap eindigt door opzegging door het lid, door opzegging namens de coöperatie of door"
                + " ontzetting, wanneer een lid in strijd met de statuten of reglementen handelt.",
        "Tot wijziging van deze statuten kan slechts worden besloten in een vergadering waarin ten minste twee"
                + " derde van de leden aanwezig of vertegenwoordigd is.",
        "De oproeping tot de vergadering geschiedt schriftelijk of per e-mail, niet later dan op de veertiende"
                + " dag vóór die van de vergadering, onder vermelding van de te behandelen onderwerpen.",
        "Geschillen tussen de coöperatie en een of meer leden worden zo veel mogelijk in onderling overleg"
                + " opgelost; lukt dat niet, dan beslist de bevoegde rechter te Utrecht.",
    };

    private RenderSealBench() {}

    public static void main(String[] args) {
        Benchmarks.exitWith(RenderSealBench::run);
    }

    private static int run() throws Exception {
        DocumentRenderer renderer = new DocumentRenderer();
        SealingKey key = SealingKey.generateDevelopmentKey();
        Sealer sealer = new Sealer(key, Clock.systemUTC());

        StatuteVersionDocument model = model(renderer, MIN_PAGES);
        byte[] pdf = renderer.render(model);
        int pages = pages(pdf);
        System.out.printf(
                Locale.ROOT,
                "document: statute version, %d articles, %d pages, %,d bytes (PDF/A-2b, DejaVu subsets embedded)%n",
                model.articles().size(),
                pages,
                pdf.length);
        System.out.printf(
                Locale.ROOT,
                "seal key: %s %d-bit (development key), CPUs: %d, Java %s%n",
                key.privateKey().getAlgorithm(),
                ((java.security.interfaces.RSAKey) key.privateKey())
                        .getModulus()
                        .bitLength(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        SealReport report = new SealVerifier().verify(sealer.seal(pdf));
        if (!report.valid()) {
            System.err.println("the sealed PDF does not verify: " + report);
            return 1;
        }

        for (int i = 0; i < WARMUP; i++) {
            renderer.render(model);
        }
        // Sealing is short: it needs more rounds than rendering before the JIT has compiled its path.
        for (int i = 0; i < WARMUP * 20; i++) {
            sealer.seal(pdf);
        }
        byte[] blank = blank(pages);
        for (int i = 0; i < WARMUP * 5; i++) {
            blank(pages);
            sha256(pdf);
        }

        double[] render = time(RENDER_RUNS, () -> renderer.render(model));
        double[] seal = time(SEAL_RUNS, () -> sealer.seal(pdf));
        double[] blankSave = time(SEAL_RUNS, () -> blank(pages));
        double[] hash = time(SEAL_RUNS, () -> sha256(pdf));

        double renderMs = percentile(render, 50);
        double pagesPerSecond = pages / (renderMs / 1000.0);
        double sealMedian = percentile(seal, 50);
        double sealP90 = percentile(seal, 90);
        double blankMs = percentile(blankSave, 50);
        double hashMs = percentile(hash, 50);

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "render:   %.1f ms per %d-page document (median of %d), %.0f pages/s (min %.1f ms, max %.1f ms)%n",
                renderMs,
                pages,
                RENDER_RUNS,
                pagesPerSecond,
                render[0],
                render[render.length - 1]);
        System.out.printf(
                Locale.ROOT,
                "seal:     median %.2f ms, p90 %.2f ms over %d seals of the %,d-byte PDF%n",
                sealMedian,
                sealP90,
                SEAL_RUNS,
                pdf.length);
        System.out.printf(
                Locale.ROOT,
                "baseline: PDFBox saves a blank %d-page document (%,d bytes) in %.2f ms; SHA-256 of the PDF %.2f ms"
                        + " (medians)%n",
                pages,
                blank.length,
                blankMs,
                hashMs);
        System.out.printf(
                Locale.ROOT,
                "ratios:   render / blank save %.1f, seal / blank save %.2f, seal / SHA-256 %.1f%n",
                renderMs / blankMs,
                sealMedian / blankMs,
                sealMedian / hashMs);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "target rendering >= %.0f pages/s: %s (%.0f)%n",
                TARGET_PAGES_PER_SECOND,
                pagesPerSecond >= TARGET_PAGES_PER_SECOND ? "met" : "MISSED",
                pagesPerSecond);
        System.out.printf(
                Locale.ROOT,
                "target seal <= %.0f ms: %s (median %.2f ms, p90 %.2f ms)%n",
                TARGET_SEAL_MS,
                sealMedian <= TARGET_SEAL_MS ? "met" : "MISSED",
                sealMedian,
                sealP90);
        String name = "RenderSealBench";
        Benchmarks.summary(
                name,
                "render pages/s (embedded fonts)",
                Benchmarks.format("%.0f", pagesPerSecond),
                Benchmarks.format(">= %.0f", TARGET_PAGES_PER_SECOND),
                pagesPerSecond >= TARGET_PAGES_PER_SECOND);
        Benchmarks.summary(
                name,
                "seal median, 100 pages",
                Benchmarks.format("%.1f ms", sealMedian),
                Benchmarks.format("<= %.0f ms", TARGET_SEAL_MS),
                sealMedian <= TARGET_SEAL_MS);
        Benchmarks.summary(name, "seal / SHA-256 of the PDF", Benchmarks.format("%.1f", sealMedian / hashMs));
        return 0;
    }

    /** A statute version with as many articles of Dutch legal prose as it takes to fill {@code minPages}. */
    private static StatuteVersionDocument model(DocumentRenderer renderer, int minPages) throws IOException {
        int articles = 20;
        StatuteVersionDocument model = statutes(articles);
        int pages = pages(renderer.render(model));
        articles = (int) Math.ceil(articles * (double) minPages / pages);
        model = statutes(articles);
        while ((pages = pages(renderer.render(model))) < minPages) {
            articles += Math.max(1, (minPages - pages) * articles / Math.max(pages, 1) / 2);
            model = statutes(articles);
        }
        return model;
    }

    private static StatuteVersionDocument statutes(int count) {
        List<StatuteVersionDocument.Article> articles = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            StringBuilder text = new StringBuilder();
            for (int lid = 1; lid <= 4; lid++) {
                text.append(lid).append(". ");
                for (int s = 0; s < 3; s++) {
                    text.append(SENTENCES[(i * 7 + lid * 3 + s) % SENTENCES.length])
                            .append(' ');
                }
                text.append('\n');
            }
            articles.add(new StatuteVersionDocument.Article(
                    Integer.toString(i), "Bepaling " + i, text.toString().strip()));
        }
        return new StatuteVersionDocument(
                "Coöperatie De Kleine Schans U.A.",
                "coöperatie U.A.",
                4,
                "Statuten Coöperatie De Kleine Schans",
                LocalDate.of(2026, 3, 1),
                articles);
    }

    private static byte[] blank(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** Milliseconds per run, sorted. */
    private static double[] time(int runs, Supplier<?> work) {
        double[] ms = new double[runs];
        Object sink = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("nothing was produced");
        }
        Arrays.sort(ms);
        return ms;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
