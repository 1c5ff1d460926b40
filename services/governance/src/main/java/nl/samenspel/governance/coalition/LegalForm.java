package nl.samenspel.governance.coalition;

import java.util.List;

/** The two templates a coalition is created from, each with the bodies its founding documents name. */
public enum LegalForm {
    /** A covenant-based partnership, like the Deventer four. */
    SAMENWERKINGSVERBAND(List.of(
            new BodyTemplate(BodyKind.BESTUURLIJK_OVERLEG, "Bestuurlijk overleg"),
            new BodyTemplate(BodyKind.STUURGROEP, "Stuurgroep"),
            new BodyTemplate(BodyKind.PROJECTGROEP, "Projectgroep"),
            new BodyTemplate(BodyKind.KLANKBORDGROEP, "Klankbordgroep"))),
    /** A coöperatie U.A. (BW Boek 2), like De Kleine Schans. */
    COOPERATIE_UA(List.of(
            new BodyTemplate(BodyKind.ALV, "Algemene ledenvergadering"),
            new BodyTemplate(BodyKind.BESTUUR, "Bestuur")));

    private final List<BodyTemplate> bodies;

    LegalForm(List<BodyTemplate> bodies) {
        this.bodies = bodies;
    }

    public List<BodyTemplate> bodies() {
        return bodies;
    }

    public record BodyTemplate(BodyKind kind, String name) {}
}
