package nl.samenspel.documents.render;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * A page's content stream that writes consecutive pieces of text as one text object: {@code BT} once,
 * {@code Tf} only when the font or size changes (the text state outlives a text object within the
 * stream), and each piece placed with {@code Td} relative to the previous one. A path (a filled
 * rectangle, a rule) ends the text object; the next text starts another. Colours and the line width
 * are written only when they change. Writing every table cell as a text object of its own
 * ({@code BT}, {@code Tf}, {@code Td}, {@code Tj}, {@code ET}) was a fifth of the bytes of a pack's
 * content streams.
 *
 * <p>Every piece of text lands exactly where an absolute position would put it, to the digit PDFBox
 * writes: an offset is used only when it adds up exactly, otherwise the text matrix is set
 * ({@code Tm}), so rounded offsets cannot drift.
 */
final class PageCanvas {

    private final PDPageContentStream stream;
    private boolean inText;
    private PDFont font;
    private float size;
    /**
     * The colours and line width in effect, so that each is written only when it changes (a content
     * stream starts with black and a line width of 1), and the colour text is to be written in.
     */
    private final float[] fill = {0f, 0f, 0f};

    private final float[] textFill = {0f, 0f, 0f};
    private float strokeGrey = 0f;
    private float lineWidth = 1f;
    /** Where the current text line starts, in units of {@link #DIGITS} as written. */
    private long lineX;

    private long lineY;

    /** PDFBox writes the numbers of a page's content stream with at most five decimals. */
    private static final int DIGITS = 5;

    private static final double SCALE = Math.pow(10, DIGITS);

    PageCanvas(PDDocument document, PDPage page) throws IOException {
        this.stream = new PDPageContentStream(document, page);
    }

    /** Writes {@code text} with its baseline starting at ({@code x}, {@code y}); nothing for an empty text. */
    void text(String text, PDFont font, float size, float x, float y) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        if (!inText) {
            stream.beginText();
            inText = true;
            // BT resets the text matrix to the identity.
            lineX = 0L;
            lineY = 0L;
        }
        fill(textFill[0], textFill[1], textFill[2]);
        if (font != this.font || size != this.size) {
            stream.setFont(font, size);
            this.font = font;
            this.size = size;
        }
        long atX = written(x);
        long atY = written(y);
        float dx = (float) ((atX - lineX) / SCALE);
        float dy = (float) ((atY - lineY) / SCALE);
        if (written(dx) == atX - lineX && written(dy) == atY - lineY) {
            stream.newLineAtOffset(dx, dy);
        } else {
            stream.setTextMatrix(Matrix.getTranslateInstance(x, y));
        }
        lineX = atX;
        lineY = atY;
        stream.showText(text);
    }

    /** The colour of the text that follows, in RGB (black until set). */
    void textColour(float r, float g, float b) {
        textFill[0] = r;
        textFill[1] = g;
        textFill[2] = b;
    }

    /** A filled rectangle in the given colour. */
    void fillRect(float x, float y, float width, float height, float r, float g, float b) throws IOException {
        endText();
        fill(r, g, b);
        stream.addRect(x, y, width, height);
        stream.fill();
    }

    /** A straight line in a grey. */
    void line(float x1, float y1, float x2, float y2, float width, float grey) throws IOException {
        endText();
        if (grey != strokeGrey) {
            stream.setStrokingColor(grey, grey, grey);
            strokeGrey = grey;
        }
        if (width != lineWidth) {
            stream.setLineWidth(width);
            lineWidth = width;
        }
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    private void fill(float r, float g, float b) throws IOException {
        if (r != fill[0] || g != fill[1] || b != fill[2]) {
            stream.setNonStrokingColor(r, g, b);
            fill[0] = r;
            fill[1] = g;
            fill[2] = b;
        }
    }

    /**
     * The number PDFBox writes for {@code value}, in units of the last decimal: its rounding
     * ({@code NumberFormatUtil.formatFloatFast}: the fraction rounded half away from zero).
     */
    private static long written(float value) {
        double magnitude = Math.abs((double) value);
        long whole = (long) magnitude;
        long fraction = (long) ((magnitude - whole) * SCALE + 0.5d);
        long units = whole * (long) SCALE + fraction;
        return value < 0 ? -units : units;
    }

    void close() throws IOException {
        endText();
        stream.close();
    }

    private void endText() throws IOException {
        if (inText) {
            stream.endText();
            inText = false;
        }
    }
}
