package nl.samenspel.governance.coalition;

import java.util.List;

/** The two templates a coalition is created from, each with the bodies its founding documents name. */
public enum LegalForm {
    /** A covenant-based partnership, like the Deventer four. */
    SAMENWERKINGSVERBAND(List.of(
            new BodyTemplate(BodyKind.BESTUURLIJK_OVERLEG, "Bestuurlijk overleg", true),
            new BodyTemplate(BodyKind.STUURGROEP, "Stuurgroep", true),
            new BodyTemplate(BodyKind.PROJECTGROEP, "Projectgroep", true),
            // A klankbordgroep advises; it has no formal role and takes no decisions.
            new BodyTemplate(BodyKind.KLANKBORDGROEP, "Klankbordgroep", false))),
    /** A coöperatie U.A. (BW Boek 2), like De Kleine Schans. */
    COOPERATIE_UA(List.of(
            new BodyTemplate(BodyKind.ALV, "Algemene ledenvergadering", true),
            new BodyTemplate(BodyKind.BESTUUR, "Bestuur", true)));

    private final List<BodyTemplate> bodies;

    LegalForm(List<BodyTemplate> bodies) {
        this.bodies = bodies;
    }

    public List<BodyTemplate> bodies() {
        return bodies;
    }

    /** {@code formal} is false for a body that only advises (a klankbordgroep). */
    public record BodyTemplate(BodyKind kind, String name, boolean formal) {}
}
