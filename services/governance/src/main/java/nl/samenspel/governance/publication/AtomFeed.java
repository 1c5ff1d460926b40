package nl.samenspel.governance.publication;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed (RFC 4287) of publications, written with StAX so every title and text is escaped. */
final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";

    /** One entry: {@code id} is a stable URN, {@code link} the page a reader opens. */
    record Entry(String id, String title, String summary, String link, Instant updated, String author) {}

    private AtomFeed() {}

    static String write(String feedId, String title, String selfLink, String pageLink, List<Entry> entries) {
        Instant updated =
                entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "feed");
            xml.writeDefaultNamespace(NS);
            text(xml, "id", feedId);
            text(xml, "title", title);
            text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(xml, "self", selfLink, "application/atom+xml");
            link(xml, "alternate", pageLink, "text/html");
            for (Entry e : entries) {
                xml.writeStartElement(NS, "entry");
                text(xml, "id", e.id());
                text(xml, "title", e.title());
                text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(e.updated()));
                xml.writeStartElement(NS, "author");
                text(xml, "name", e.author());
                xml.writeEndElement();
                link(xml, "alternate", e.link(), "text/html");
                xml.writeStartElement(NS, "summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(e.summary()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(NS, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** XML 1.0 cannot carry most control characters, escaped or not: they are dropped. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
