package nl.samenspel.documents.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Flowing text on A4 pages: headings that become bookmarks, wrapped paragraphs, page breaks, and at
 * the end "Pagina X van Y" on every page. One instance lays out one document.
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
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private final String footerTitle;
    private PDOutlineItem section;
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PdfLayout(PDDocument document, Fonts fonts, String footerTitle) throws IOException {
        this.document = document;
        this.fonts = fonts;
        this.regular = fonts.regular(document);
        this.bold = fonts.bold(document);
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

    /** Closes the last page and numbers all pages. */
    void finish() throws IOException {
        content.close();
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage each = document.getPage(i);
            try (PDPageContentStream footer =
                    new PDPageContentStream(document, each, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String number = "Pagina " + (i + 1) + " van " + total;
                float size = 8f;
                float numberWidth = regular.getStringWidth(number) / 1000f * size;
                writeOn(footer, number, regular, size, PAGE.getWidth() - MARGIN - numberWidth, FOOTER_Y);
                String title = fit(footerTitle, size, width() - numberWidth - 20f);
                writeOn(footer, title, regular, size, MARGIN, FOOTER_Y);
            }
        }
        if (outline.getFirstChild() != null) {
            outline.openNode();
        }
    }

    private void lines(String text, PDFont font, float x) throws IOException {
        for (String line : wrap(fonts.printable(text), font, BODY_SIZE)) {
            writeLine(line, font, BODY_SIZE, x);
        }
    }

    private void bookmark(String text, int level) {
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

    private void ensureRoom(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void write(String text, PDFont font, float size, float x, float baseline) throws IOException {
        writeOn(content, text, font, size, x, baseline);
    }

    private static void writeOn(PDPageContentStream stream, String text, PDFont font, float size, float x, float y)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private List<String> wrap(String text, PDFont font, float size) throws IOException {
        return wrap(text, font, size, width());
    }

    /** Greedy word wrap; a word longer than the line (a hash, a URL) is broken where it must be. */
    static List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
        List<String> result = new ArrayList<>();
        // Widths add up (PDFBox does not kern), so a line's width is kept as a sum, not measured again per word.
        float space = width(" ", font, size);
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0f;
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = width(word, font, size);
                float candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= maxWidth) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = candidate;
                    continue;
                }
                if (line.length() > 0) {
                    result.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > maxWidth) {
                    int cut = rest.offsetByCodePoints(0, 1);
                    while (cut < rest.length()) {
                        int next = rest.offsetByCodePoints(cut, 1);
                        if (width(rest.substring(0, next), font, size) > maxWidth) {
                            break;
                        }
                        cut = next;
                    }
                    result.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
                lineWidth = width(rest, font, size);
            }
            result.add(line.toString());
        }
        return result;
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

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }
}
