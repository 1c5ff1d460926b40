package nl.samenspel.documents.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Flowing text on A4 pages: headings that become bookmarks, wrapped paragraphs, tables, bar charts,
 * page breaks, optionally a table of contents on pages reserved in advance and filled in when the
 * layout is done, and at the end "Pagina X van Y" on every page. One instance lays out one document.
 */
final class PdfLayout {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56f;
    private static final float FOOTER_Y = 30f;
    private static final float BODY_SIZE = 10f;
    private static final float LEADING = 1.4f;

    private final PDDocument document;
    private final Fonts fonts;
    private final PDFont regular;
    private final PDFont bold;
    private final Widths regularWidths;
    private final Widths boldWidths;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private final String footerTitle;
    private PDOutlineItem section;
    private PDPage page;
    /**
     * Every page's content stream, open until {@link #finish}: the table of contents and the footers go
     * into the stream each page already has, instead of a second stream per page (which PDFBox would also
     * wrap in {@code q}/{@code Q} streams of their own).
     */
    private final List<PageCanvas> canvases = new ArrayList<>();

    private PageCanvas canvas;
    private float y;
    /** Whether anything was drawn on the current page (a page break on an empty page is a no-op). */
    private boolean drawn;
    /** Pages kept free for the table of contents, and the level-1 headings laid out after them. */
    private List<PDPage> contentsPages = List.of();

    private final List<PageCanvas> contentsCanvases = new ArrayList<>();

    private String contentsTitle;
    private int contentsCapacity;
    private final List<ContentsEntry> contentsEntries = new ArrayList<>();

    private record ContentsEntry(String title, PDPage page, int pageIndex) {}

    PdfLayout(PDDocument document, Fonts fonts, String footerTitle) throws IOException {
        this.document = document;
        this.fonts = fonts;
        this.regular = fonts.regular(document);
        this.bold = fonts.bold(document);
        this.regularWidths = new Widths(regular);
        this.boldWidths = new Widths(bold);
        this.footerTitle = fonts.printable(footerTitle);
        document.getDocumentCatalog().setDocumentOutline(outline);
        newPage();
    }

    /** A level-1 heading starts a top-level bookmark; a level-2 heading a bookmark below it. */
    void heading(String text, int level) throws IOException {
        float size = level == 1 ? 16f : 12f;
        List<String> lines = wrap(fonts.printable(text), bold, size);
        float lineHeight = size * LEADING;
        float spaceBefore = level == 1 ? 0f : 10f;
        // Keep a heading with at least two lines of what follows it.
        if (y - spaceBefore - lines.size() * lineHeight - 2 * BODY_SIZE * LEADING < MARGIN) {
            newPage();
        } else {
            y -= spaceBefore;
        }
        bookmark(text, level);
        for (String line : lines) {
            writeLine(line, bold, size, MARGIN);
        }
        y -= 4f;
    }

    void paragraph(String text) throws IOException {
        lines(text, regular, MARGIN);
        y -= BODY_SIZE * 0.5f;
    }

    void boldLine(String text) throws IOException {
        lines(text, bold, MARGIN);
    }

    /** "Label: value" with the value wrapped under itself; for short facts such as dates and counts. */
    void fact(String label, String value) throws IOException {
        lines(label + ": " + (value == null || value.isBlank() ? "–" : value), regular, MARGIN);
    }

    void bullet(String text) throws IOException {
        List<String> wrapped = wrap(fonts.printable(text), regular, BODY_SIZE, width() - 12f);
        for (int i = 0; i < wrapped.size(); i++) {
            if (i == 0) {
                ensureRoom(BODY_SIZE * LEADING);
                write("•", regular, BODY_SIZE, MARGIN + 2f, y - BODY_SIZE);
            }
            writeLine(wrapped.get(i), regular, BODY_SIZE, MARGIN + 12f);
        }
    }

    void space() {
        y -= BODY_SIZE;
    }

    /** Writes the table of contents and "Pagina X van Y" into the pages, and closes their streams. */
    void finish() throws IOException {
        writeContents();
        int total = canvases.size();
        for (int i = 0; i < total; i++) {
            PageCanvas footer = canvases.get(i);
            String number = "Pagina " + (i + 1) + " van " + total;
            float size = 8f;
            float numberWidth = width(number, regular, size);
            footer.text(number, regular, size, PAGE.getWidth() - MARGIN - numberWidth, FOOTER_Y);
            String title = fit(footerTitle, size, width() - numberWidth - 20f);
            footer.text(title, regular, size, MARGIN, FOOTER_Y);
            footer.close();
        }
        if (outline.getFirstChild() != null) {
            outline.openNode();
        }
    }

    /** Large text without a bookmark, for a cover page. */
    void title(String text, float size) throws IOException {
        for (String line : wrap(fonts.printable(text), bold, size)) {
            writeLine(line, bold, size, MARGIN);
        }
        y -= size * 0.4f;
    }

    /** Moves down by {@code points}, or to a new page when fewer remain. */
    void skip(float points) throws IOException {
        if (y - points < MARGIN) {
            newPage();
        } else {
            y -= points;
        }
    }

    /** Starts a new page unless the current one is still empty. */
    void pageBreak() throws IOException {
        if (drawn) {
            newPage();
        }
    }

    /**
     * Keeps pages free for a table of contents of the level-1 headings that follow, written when the
     * layout is finished (so it can give each heading's page number). {@code entries} is how many
     * headings will come; the pages reserved hold that many.
     */
    void reserveContents(String heading, int entries) throws IOException {
        pageBreak();
        float perPage = PAGE.getHeight() - 2 * MARGIN;
        int first = (int) ((perPage - 16f * LEADING - 12f) / CONTENTS_LINE);
        int rest = (int) (perPage / CONTENTS_LINE);
        int pages = 1 + Math.max(0, (int) Math.ceil((entries - first) / (double) rest));
        bookmark(heading, 1);
        contentsTitle = fonts.printable(heading);
        contentsCapacity = first + (pages - 1) * rest;
        List<PDPage> reserved = new ArrayList<>();
        reserved.add(page);
        contentsCanvases.add(canvas);
        for (int i = 1; i < pages; i++) {
            newPage();
            reserved.add(page);
            contentsCanvases.add(canvas);
        }
        contentsPages = reserved;
        newPage();
    }

    private static final float CONTENTS_LINE = 16f;

    private void writeContents() throws IOException {
        if (contentsPages.isEmpty()) {
            return;
        }
        if (contentsEntries.size() > contentsCapacity) {
            throw new IllegalStateException("The table of contents has " + contentsEntries.size()
                    + " entries, room was kept for " + contentsCapacity);
        }
        int entry = 0;
        for (int p = 0; p < contentsPages.size(); p++) {
            PDPage target = contentsPages.get(p);
            PageCanvas onPage = contentsCanvases.get(p);
            float top = PAGE.getHeight() - MARGIN;
            if (p == 0) {
                onPage.text(contentsTitle, bold, 16f, MARGIN, top - 16f);
                top -= 16f * LEADING + 12f;
            }
            float size = 11f;
            while (entry < contentsEntries.size() && top - CONTENTS_LINE >= MARGIN) {
                ContentsEntry e = contentsEntries.get(entry++);
                String number = Integer.toString(e.pageIndex() + 1);
                float numberWidth = width(number, regular, size);
                float right = PAGE.getWidth() - MARGIN;
                String title = fit(e.title(), size, width() - numberWidth - 40f);
                float titleWidth = width(title, regular, size);
                float baseline = top - size;
                onPage.text(title, regular, size, MARGIN, baseline);
                onPage.text(number, regular, size, right - numberWidth, baseline);
                // Dot leaders between title and number, drawn as dots so text extraction keeps one line.
                float dot = width(" .", regular, size);
                float from = MARGIN + titleWidth + 6f;
                int dots = (int) ((right - numberWidth - 6f - from) / dot);
                if (dots > 0) {
                    onPage.textColour(0.55f, 0.55f, 0.55f);
                    onPage.text(" .".repeat(dots), regular, size, right - numberWidth - 6f - dots * dot, baseline);
                    onPage.textColour(0f, 0f, 0f);
                }
                PDAnnotationLink link = new PDAnnotationLink();
                link.setRectangle(new PDRectangle(MARGIN, baseline - 3f, width(), CONTENTS_LINE));
                link.setPrinted(true);
                PDBorderStyleDictionary border = new PDBorderStyleDictionary();
                border.setWidth(0);
                link.setBorderStyle(border);
                PDPageFitDestination destination = new PDPageFitDestination();
                destination.setPage(e.page());
                link.setDestination(destination);
                target.getAnnotations().add(link);
                top -= CONTENTS_LINE;
            }
        }
    }

    enum Align {
        LEFT,
        RIGHT
    }

    /** A table column: header, width in points (scaled to the text width), alignment. */
    record Column(String header, float width, Align align) {
        static Column left(String header, float width) {
            return new Column(header, width, Align.LEFT);
        }

        static Column right(String header, float width) {
            return new Column(header, width, Align.RIGHT);
        }
    }

    private static final float TABLE_SIZE = 9f;
    private static final float TABLE_LEADING = 1.3f;
    private static final float PAD_X = 3f;
    private static final float PAD_Y = 2.5f;

    /** Starts a table; its header is drawn now and again at the top of every page the table runs onto. */
    Table table(Column... columns) throws IOException {
        return new Table(List.of(columns));
    }

    /**
     * Rows with wrapped cell text; a row stays on one page unless it is taller than a page. A row may
     * carry a detail text that spans all columns below its cells (a declaration, a hash).
     */
    final class Table {
        private final List<Column> columns;
        private final float[] x;
        private final float[] w;
        private final List<List<String>> header;
        private final float headerHeight;
        private boolean zebra;

        private Table(List<Column> columns) throws IOException {
            this.columns = columns;
            float sum = 0f;
            for (Column c : columns) {
                sum += c.width();
            }
            float scale = width() / sum;
            x = new float[columns.size()];
            w = new float[columns.size()];
            float at = MARGIN;
            for (int i = 0; i < columns.size(); i++) {
                x[i] = at;
                w[i] = columns.get(i).width() * scale;
                at += w[i];
            }
            header = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                List<String> wrapped =
                        wrap(fonts.printable(columns.get(i).header()), bold, TABLE_SIZE, w[i] - 2 * PAD_X);
                header.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            headerHeight = lines * lineHeight() + 2 * PAD_Y;
            if (y - headerHeight - 2 * (lineHeight() + 2 * PAD_Y) < MARGIN) {
                newPage();
            }
            drawHeader();
        }

        private float lineHeight() {
            return TABLE_SIZE * TABLE_LEADING;
        }

        void row(String... cells) throws IOException {
            draw(Arrays.asList(cells), null, regular, false);
        }

        void row(List<String> cells, String detail) throws IOException {
            draw(cells, detail, regular, false);
        }

        /** A bold row with a rule above it, for totals. */
        void total(String... cells) throws IOException {
            draw(Arrays.asList(cells), null, bold, true);
        }

        /** Space after the table. */
        void end() {
            y -= BODY_SIZE;
        }

        private void drawHeader() throws IOException {
            drawn = true;
            canvas.fillRect(MARGIN, y - headerHeight, width(), headerHeight, 0.88f, 0.90f, 0.93f);
            drawLines(header, bold, 0, Integer.MAX_VALUE, y - PAD_Y);
            y -= headerHeight;
            zebra = false;
        }

        private void draw(List<String> cells, String detail, PDFont font, boolean total) throws IOException {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "A row of " + cells.size() + " cells in a table of " + columns.size() + " columns");
            }
            List<List<String>> wrapped = new ArrayList<>(cells.size());
            int cellLines = 1;
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i) == null ? "" : fonts.printable(cells.get(i));
                List<String> lines = wrap(cell, font, TABLE_SIZE, w[i] - 2 * PAD_X);
                wrapped.add(lines);
                cellLines = Math.max(cellLines, lines.size());
            }
            List<String> detailLines = detail == null || detail.isBlank()
                    ? List.of()
                    : wrap(fonts.printable(detail), regular, TABLE_SIZE, width() - 2 * PAD_X - 8f);
            int totalLines = cellLines + detailLines.size();
            float lh = lineHeight();
            float fullPage = PAGE.getHeight() - 2 * MARGIN - headerHeight;
            if (y - (totalLines * lh + 2 * PAD_Y) < MARGIN && totalLines * lh + 2 * PAD_Y <= fullPage) {
                continueOnNewPage();
            }
            int line = 0;
            boolean firstSlice = true;
            while (line < totalLines) {
                int fit = (int) ((y - MARGIN - 2 * PAD_Y) / lh);
                if (fit < 1) {
                    continueOnNewPage();
                    continue;
                }
                int to = Math.min(totalLines, line + fit);
                float height = (to - line) * lh + 2 * PAD_Y;
                if (zebra && !total) {
                    canvas.fillRect(MARGIN, y - height, width(), height, 0.965f, 0.97f, 0.975f);
                }
                if (total && firstSlice) {
                    rule(y, 0.8f);
                }
                float top = y - PAD_Y;
                if (line < cellLines) {
                    drawLines(wrapped, font, line, Math.min(to, cellLines), top);
                }
                for (int d = Math.max(line, cellLines); d < to; d++) {
                    float baseline = top - (d - line) * lh - TABLE_SIZE;
                    write(detailLines.get(d - cellLines), regular, TABLE_SIZE, MARGIN + PAD_X + 8f, baseline);
                }
                y -= height;
                line = to;
                firstSlice = false;
                if (line < totalLines) {
                    continueOnNewPage();
                }
            }
            rule(y, 0.3f);
            zebra = !zebra;
        }

        /** Draws lines {@code from} (inclusive) to {@code to} (exclusive) of every cell, from {@code top} down. */
        private void drawLines(List<List<String>> cells, PDFont font, int from, int to, float top) throws IOException {
            float lh = lineHeight();
            for (int i = 0; i < cells.size(); i++) {
                List<String> lines = cells.get(i);
                for (int l = from; l < Math.min(to, lines.size()); l++) {
                    String text = lines.get(l);
                    float baseline = top - (l - from) * lh - TABLE_SIZE;
                    float at = columns.get(i).align() == Align.RIGHT
                            ? x[i] + w[i] - PAD_X - PdfLayout.this.width(text, font, TABLE_SIZE)
                            : x[i] + PAD_X;
                    write(text, font, TABLE_SIZE, at, baseline);
                }
            }
        }

        private void rule(float at, float thickness) throws IOException {
            canvas.line(MARGIN, at, MARGIN + width(), at, thickness, 0.6f);
        }

        private void continueOnNewPage() throws IOException {
            newPage();
            drawHeader();
        }
    }

    /** One group of bars (e.g. a member): a label and one value per series; null draws no bar. */
    record BarGroup(String label, Double[] values, String[] valueLabels) {}

    private static final float[][] SERIES_COLOURS = {{0.16f, 0.38f, 0.64f}, {0.93f, 0.55f, 0.16f}};

    /**
     * A horizontal bar chart drawn with vector graphics: a legend, then per group a label and one bar
     * per series with its value written after it. With {@code commonScale} every bar shares one scale
     * (amounts); otherwise each group is scaled to its own largest value (indicators in different units).
     */
    /**
     * Starts a new page when fewer than {@code points} remain and they would fit on a fresh page, so
     * that what follows (a heading with its chart) is not split needlessly.
     */
    void keepTogether(float points) throws IOException {
        if (y - points < MARGIN && points <= PAGE.getHeight() - 2 * MARGIN) {
            newPage();
        }
    }

    /** The height {@link #barChart} takes for groups with these labels and this many series. */
    float barChartHeight(List<String> labels, int series) throws IOException {
        float height = TABLE_SIZE * 2.5f + BODY_SIZE;
        for (String label : labels) {
            height += barGroupHeight(label, series);
        }
        return height;
    }

    private float barGroupHeight(String label, int bars) throws IOException {
        int lines = wrap(fonts.printable(label), regular, TABLE_SIZE, CHART_LABEL_WIDTH)
                .size();
        return Math.max(lines * TABLE_SIZE * TABLE_LEADING, bars * (BAR_HEIGHT + BAR_GAP)) + GROUP_GAP;
    }

    private static final float CHART_LABEL_WIDTH = 130f;
    private static final float BAR_HEIGHT = 8f;
    private static final float BAR_GAP = 2f;
    private static final float GROUP_GAP = 7f;

    void barChart(List<String> series, List<BarGroup> groups, boolean commonScale) throws IOException {
        if (series.size() > SERIES_COLOURS.length) {
            throw new IllegalArgumentException("At most " + SERIES_COLOURS.length + " series");
        }
        float labelWidth = CHART_LABEL_WIDTH;
        float valueWidth = 78f;
        float barX = MARGIN + labelWidth + 6f;
        float barMax = width() - labelWidth - 6f - valueWidth;
        float barHeight = BAR_HEIGHT;
        float barGap = BAR_GAP;
        double max = 0d;
        for (BarGroup group : groups) {
            for (Double v : group.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        legend(series);
        for (BarGroup group : groups) {
            List<String> label = wrap(fonts.printable(group.label()), regular, TABLE_SIZE, labelWidth);
            int bars = group.values().length;
            float height = barGroupHeight(group.label(), bars);
            if (y - height < MARGIN) {
                newPage();
                legend(series);
            }
            double scale = max;
            if (!commonScale) {
                scale = 0d;
                for (Double v : group.values()) {
                    if (v != null) {
                        scale = Math.max(scale, v);
                    }
                }
            }
            float top = y;
            for (int l = 0; l < label.size(); l++) {
                write(label.get(l), regular, TABLE_SIZE, MARGIN, top - (l + 1) * TABLE_SIZE * TABLE_LEADING + 2f);
            }
            for (int b = 0; b < bars; b++) {
                float barTop = top - b * (barHeight + barGap);
                Double v = group.values()[b];
                float length = v == null || scale <= 0d ? 0f : (float) (Math.max(0d, v) / scale * barMax);
                if (length > 0f) {
                    float[] colour = SERIES_COLOURS[b % SERIES_COLOURS.length];
                    canvas.fillRect(barX, barTop - barHeight, length, barHeight, colour[0], colour[1], colour[2]);
                }
                String text = fonts.printable(group.valueLabels()[b]);
                write(text, regular, 7f, barX + length + 3f, barTop - barHeight + 1.5f);
            }
            canvas.line(barX, top + 1f, barX, top - bars * (barHeight + barGap) + barGap - 1f, 0.5f, 0.5f);
            y -= height;
        }
        y -= BODY_SIZE;
    }

    private void legend(List<String> series) throws IOException {
        ensureRoom(TABLE_SIZE * 2.5f);
        float at = MARGIN;
        for (int s = 0; s < series.size(); s++) {
            float[] colour = SERIES_COLOURS[s];
            canvas.fillRect(at, y - 8f, 10f, 8f, colour[0], colour[1], colour[2]);
            String name = fonts.printable(series.get(s));
            write(name, regular, TABLE_SIZE, at + 14f, y - 7.5f);
            at += 14f + width(name, regular, TABLE_SIZE) + 16f;
        }
        y -= TABLE_SIZE * 2.5f;
    }

    int pageCount() {
        return document.getNumberOfPages();
    }

    private void lines(String text, PDFont font, float x) throws IOException {
        for (String line : wrap(fonts.printable(text), font, BODY_SIZE)) {
            writeLine(line, font, BODY_SIZE, x);
        }
    }

    private void bookmark(String text, int level) {
        if (level == 1 && !contentsPages.isEmpty()) {
            contentsEntries.add(
                    new ContentsEntry(fonts.printable(text).replace('\n', ' '), page, document.getNumberOfPages() - 1));
        }
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setTop((int) y);
        destination.setLeft(0);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(fonts.printable(text).replace('\n', ' '));
        item.setDestination(destination);
        if (level == 1 || section == null) {
            outline.addLast(item);
            section = item;
        } else {
            section.addLast(item);
            section.openNode();
        }
    }

    private void writeLine(String line, PDFont font, float size, float x) throws IOException {
        float lineHeight = size * LEADING;
        ensureRoom(lineHeight);
        write(line, font, size, x, y - size);
        y -= lineHeight;
    }

    private void write(String text, PDFont font, float size, float x, float baseline) throws IOException {
        drawn = true;
        canvas.text(text, font, size, x, baseline);
    }

    private void ensureRoom(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        page = new PDPage(PAGE);
        document.addPage(page);
        canvas = new PageCanvas(document, page);
        canvases.add(canvas);
        y = PAGE.getHeight() - MARGIN;
        drawn = false;
    }

    private float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private List<String> wrap(String text, PDFont font, float size) throws IOException {
        return wrap(text, font, size, width());
    }

    /** Greedy word wrap; a word longer than the line (a hash, a URL) is broken where it must be. */
    List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
        List<String> result = new ArrayList<>(2);
        Widths widths = widths(font);
        // Widths add up (PDFBox does not kern), so a line's width is kept as a sum, not measured again per
        // word; words are measured where they stand in the text, without cutting them out first.
        float space = width(" ", font, size);
        int paragraph = 0;
        while (true) {
            int end = text.indexOf('\n', paragraph);
            if (end < 0) {
                end = text.length();
            }
            // The line so far is text[from, to) while its words stand one space apart in the text, as they
            // nearly always do; otherwise (more spaces between them) it is joined.
            int from = paragraph;
            int to = paragraph;
            StringBuilder joined = null;
            float lineWidth = 0f;
            int at = paragraph;
            while (true) {
                while (at < end && text.charAt(at) == ' ') {
                    at++;
                }
                if (at == end) {
                    break;
                }
                int wordEnd = text.indexOf(' ', at);
                if (wordEnd < 0 || wordEnd > end) {
                    wordEnd = end;
                }
                boolean empty = joined == null && from == to;
                float wordWidth = widths.of(text, at, wordEnd) / 1000f * size;
                float candidate = empty ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= maxWidth) {
                    if (empty) {
                        from = at;
                        to = wordEnd;
                    } else if (joined == null && at == to + 1) {
                        to = wordEnd;
                    } else {
                        if (joined == null) {
                            joined = new StringBuilder().append(text, from, to);
                        }
                        joined.append(' ').append(text, at, wordEnd);
                    }
                    lineWidth = candidate;
                } else {
                    if (!empty) {
                        result.add(joined == null ? text.substring(from, to) : joined.toString());
                        joined = null;
                    }
                    int rest = at;
                    while (widths.of(text, rest, wordEnd) / 1000f * size > maxWidth) {
                        int cut = text.offsetByCodePoints(rest, 1);
                        while (cut < wordEnd) {
                            int next = text.offsetByCodePoints(cut, 1);
                            if (widths.of(text, rest, next) / 1000f * size > maxWidth) {
                                break;
                            }
                            cut = next;
                        }
                        result.add(text.substring(rest, cut));
                        rest = cut;
                    }
                    from = rest;
                    to = wordEnd;
                    lineWidth = widths.of(text, rest, wordEnd) / 1000f * size;
                }
                at = wordEnd;
            }
            result.add(joined == null ? text.substring(from, to) : joined.toString());
            if (end == text.length()) {
                return result;
            }
            paragraph = end + 1;
        }
    }

    private String fit(String text, float size, float maxWidth) throws IOException {
        String flat = text.replace('\n', ' ');
        if (width(flat, regular, size) <= maxWidth) {
            return flat;
        }
        String shortened = flat;
        while (!shortened.isEmpty() && width(shortened + "…", regular, size) > maxWidth) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened + "…";
    }

    private float width(String text, PDFont font, float size) throws IOException {
        return widths(font).of(text) / 1000f * size;
    }

    private Widths widths(PDFont font) {
        if (font == regular) {
            return regularWidths;
        }
        if (font == bold) {
            return boldWidths;
        }
        return new Widths(font);
    }

    /**
     * A font's glyph widths by code point, looked up once per document. {@link PDFont#getStringWidth}
     * encodes the text and reads every code back through the font's CMap on each call, which was most of
     * the time spent wrapping text; since PDFBox neither kerns nor (with GSUB off) substitutes, a string's
     * width is the sum of its code points' widths, added in the same order, so the result is the same float.
     */
    private static final class Widths {
        private final PDFont font;
        private final float[] bmp = new float[Character.MAX_VALUE + 1];
        private final java.util.Map<Integer, Float> supplementary = new java.util.HashMap<>();

        Widths(PDFont font) {
            this.font = font;
            Arrays.fill(bmp, Float.NaN);
        }

        float of(String text) throws IOException {
            return of(text, 0, text.length());
        }

        /** The width of {@code text} from {@code start} (inclusive) to {@code end} (exclusive). */
        float of(String text, int start, int end) throws IOException {
            float width = 0f;
            for (int i = start; i < end; ) {
                char c = text.charAt(i);
                if (Character.isSurrogate(c)) {
                    int codePoint = text.codePointAt(i);
                    width += glyph(codePoint);
                    i += Character.charCount(codePoint);
                } else {
                    float known = bmp[c];
                    width += Float.isNaN(known) ? glyph(c) : known;
                    i++;
                }
            }
            return width;
        }

        private float glyph(int codePoint) throws IOException {
            if (codePoint < bmp.length) {
                float width = bmp[codePoint];
                if (Float.isNaN(width)) {
                    width = measure(codePoint);
                    bmp[codePoint] = width;
                }
                return width;
            }
            Float width = supplementary.get(codePoint);
            if (width == null) {
                width = measure(codePoint);
                supplementary.put(codePoint, width);
            }
            return width;
        }

        private float measure(int codePoint) throws IOException {
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        }
    }
}
