package nl.samenspel.governance.demo;

import jakarta.inject.Singleton;
import java.util.UUID;
import nl.samenspel.governance.publication.Publication;
import nl.samenspel.governance.publication.PublicationService;
import nl.samenspel.governance.publication.Staff;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.traject.Traject;
import nl.samenspel.governance.traject.TrajectService;

/**
 * Deventer's publications for the partners' staff (the year plan, a progress report, a decision),
 * published by the secretary, and one employee of Raster whom Raster's representative gave staff access.
 */
@Singleton
class DemoPublications {

    static final String YEAR_PLAN = "Van preventie naar potentie 2021";

    private final PublicationService publications;
    private final TrajectService trajects;

    DemoPublications(PublicationService publications, TrajectService trajects) {
        this.publications = publications;
        this.trajects = trajects;
    }

    void deventer(CoalitionAccess secretary, CoalitionAccess rasterRepresentative, UUID raster, String staffEmail) {
        Traject plan = trajects.list(secretary).stream()
                .filter(t -> t.title().equals(YEAR_PLAN))
                .findFirst()
                .orElseThrow();
        publications.publish(
                secretary,
                new Publication.Request(
                        Publication.Kind.PLAN,
                        "Jaarplan 2021: van preventie naar potentie",
                        """
                        In 2021 werken Raster, De Kern, MEE IJsseloevers en Zorggroep Solis samen als één \
                        preventieorganisatie, ontschot, op vijf lijnen. De projectgroep werkt de lijnen uit \
                        en rapporteert aan de stuurgroep.""",
                        plan.id(),
                        null));
        publications.publish(
                secretary,
                new Publication.Request(
                        Publication.Kind.REPORT,
                        "Voortgangsrapportage eerste halfjaar",
                        """
                        Ontschot werken is ingericht: de verdeling tussen toegang en preventie staat. \
                        De lijnen lopen volgens plan; de klankbordgroep is gestart.""",
                        plan.id(),
                        null));
        publications.publish(
                secretary,
                new Publication.Request(
                        Publication.Kind.DECISION,
                        "Besluit: het jaarplan 2021 is vastgesteld",
                        "De stuurgroep heeft het jaarplan 2021 schriftelijk vastgesteld; alle vier de partners stemden.",
                        null,
                        null));
        publications.grantStaff(rasterRepresentative, new Staff.Request(staffEmail, raster));
    }
}
