package nl.samenspel.governance.traject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A metadata record of one informatieobject in the structure of MDTO 1.0 (Metagegevens voor Duurzaam
 * Toegankelijke Overheidsinformatie, namespace {@value #NAMESPACE}), elements in the schema's order.
 * The waardering comes from MDTO's waarderingslijst; document type, classification and the author's
 * role from Samenspel's own begrippenlijsten, which MDTO allows for these.
 */
final class Mdto {

    static final String NAMESPACE = "https://www.nationaalarchief.nl/mdto";
    static final String SOURCE = "Samenspel";

    /** What one record says. {@code retentionYears} null: blijvend te bewaren. */
    record Record(
            String id,
            String name,
            String aggregationLevel,
            String documentType,
            LocalDate date,
            String classification,
            Integer retentionYears,
            String archiveCreator,
            String archiveCreatorId,
            String author,
            String activity,
            String partOf,
            String representation,
            String note) {}

    private Mdto() {}

    static byte[] xml(Record r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("MDTO");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("informatieobject");
            identification(x, "identificatie", r.id());
            text(x, "naam", r.name());
            concept(x, "aggregatieniveau", r.aggregationLevel(), null, "MDTO Aggregatieniveaulijst");
            concept(x, "classificatie", r.documentType(), null, "Samenspel documenttypen");
            if (r.note() != null) {
                text(x, "omschrijving", r.note());
            }
            x.writeStartElement("dekkingInTijd");
            concept(x, "dekkingInTijdType", "Inhoudelijke datering", null, "Samenspel dateringen");
            text(x, "dekkingInTijdBegindatum", r.date().toString());
            text(x, "dekkingInTijdEinddatum", r.date().toString());
            x.writeEndElement();
            if (r.retentionYears() == null) {
                concept(x, "waardering", "Blijvend te bewaren", "B", "MDTO Waarderingslijst");
            } else {
                concept(x, "waardering", "Te vernietigen", "V", "MDTO Waarderingslijst");
                x.writeStartElement("bewaartermijn");
                concept(
                        x,
                        "termijnTriggerStartLooptijd",
                        "Datum van het informatieobject",
                        null,
                        "Samenspel termijntriggers");
                text(x, "termijnStartdatumLooptijd", r.date().toString());
                text(x, "termijnLooptijd", "P" + r.retentionYears() + "Y");
                text(
                        x,
                        "termijnEinddatum",
                        r.date().plusYears(r.retentionYears()).toString());
                x.writeEndElement();
            }
            if (r.partOf() != null) {
                reference(x, "isOnderdeelVan", r.partOf(), null);
            }
            if (r.representation() != null) {
                reference(x, "heeftRepresentatie", r.representation(), null);
            }
            reference(x, "archiefvormer", r.archiveCreator(), r.archiveCreatorId());
            x.writeStartElement("betrokkene");
            concept(x, "betrokkeneTypeRelatie", "Auteur", null, "Samenspel betrokkenerollen");
            reference(x, "betrokkeneActor", r.author(), null);
            x.writeEndElement();
            reference(x, "activiteit", r.activity(), null);
            x.writeStartElement("beperkingGebruik");
            concept(x, "beperkingGebruikType", r.classification(), null, "Samenspel classificaties");
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("MDTO record could not be written", e);
        }
        return out.toString(StandardCharsets.UTF_8).concat("\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void identification(XMLStreamWriter x, String element, String id) throws XMLStreamException {
        x.writeStartElement(element);
        text(x, "identificatieKenmerk", id);
        text(x, "identificatieBron", SOURCE);
        x.writeEndElement();
    }

    private static void concept(XMLStreamWriter x, String element, String label, String code, String list)
            throws XMLStreamException {
        x.writeStartElement(element);
        text(x, "begripLabel", label);
        if (code != null) {
            text(x, "begripCode", code);
        }
        x.writeStartElement("begripBegrippenlijst");
        text(x, "verwijzingNaam", list);
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void reference(XMLStreamWriter x, String element, String name, String id) throws XMLStreamException {
        x.writeStartElement(element);
        text(x, "verwijzingNaam", name);
        if (id != null) {
            identification(x, "verwijzingIdentificatie", id);
        }
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
