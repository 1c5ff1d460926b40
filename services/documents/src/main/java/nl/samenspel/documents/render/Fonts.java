package nl.samenspel.documents.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The shipped DejaVu fonts: read once, embedded as a subset into each document (PDF/A needs every font embedded). */
final class Fonts {

    private final byte[] regular;
    private final byte[] bold;
    private final Font coverage;
    /** {@code coverage.canDisplay} for the printable ASCII characters, asked once instead of per character. */
    private final boolean[] ascii = new boolean[128];
    /**
     * For the other characters of the Basic Multilingual Plane, whether {@link #printable} keeps them as
     * they are: {@link #UNKNOWN} until first asked (AWT's {@code canDisplay} is slow enough to show in a
     * profile, and "€" is in every amount). Filled in as documents ask, possibly by several threads at
     * once: each writes the same answer, and a thread that does not see another's answer asks again.
     */
    private final byte[] kept = new byte[Character.MAX_VALUE + 1];

    private static final byte UNKNOWN = 0;
    private static final byte KEPT = 1;
    private static final byte CHANGED = 2;

    Fonts() {
        this.regular = resource("/fonts/DejaVuSans.ttf");
        this.bold = resource("/fonts/DejaVuSans-Bold.ttf");
        try {
            this.coverage = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(regular));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("The shipped DejaVu Sans font cannot be read", e);
        }
        for (int c = ' '; c < 127; c++) {
            ascii[c] = coverage.canDisplay(c);
        }
    }

    PDType0Font regular(PDDocument document) throws IOException {
        return load(document, regular);
    }

    PDType0Font bold(PDDocument document) throws IOException {
        return load(document, bold);
    }

    /**
     * Without the font's GSUB substitutions: DejaVu's ligatures would draw "ff" and "fi" as one glyph, so
     * a hash or a word copied from the PDF would come out as U+FB00 or U+FB01. Precomposed characters (ë, ö)
     * need no substitution, and applying the rules was about 40 % of rendering time.
     */
    private static PDType0Font load(PDDocument document, byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false);
        document.registerTrueTypeFontForClosing(ttf);
        return PDType0Font.load(document, ttf, true);
    }

    /**
     * The text as the fonts can show it: tabs become spaces, other control characters go, and a
     * character DejaVu has no glyph for becomes a question mark instead of failing the document.
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        if (unchanged(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && ascii[cp]) {
                out.append((char) cp);
            } else if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // dropped: carriage returns, zero-width and direction marks have no place in the layout
            } else if (coverage.canDisplay(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    /** Whether {@link #printable} would give the text back as it is: no character it drops or replaces. */
    private boolean unchanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (c != '\n' && !ascii[c]) {
                    return false;
                }
            } else if (!kept(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a character from U+0080 up is kept as it is; a surrogate is never (the slow path judges the pair). */
    private boolean kept(char c) {
        byte known = kept[c];
        if (known == UNKNOWN) {
            boolean keep = !Character.isSurrogate(c)
                    && !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT
                    && coverage.canDisplay(c);
            known = keep ? KEPT : CHANGED;
            kept[c] = known;
        }
        return known == KEPT;
    }

    static byte[] resource(String name) {
        try (InputStream in = Fonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
