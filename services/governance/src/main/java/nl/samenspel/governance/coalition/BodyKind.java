package nl.samenspel.governance.coalition;

public enum BodyKind {
    BESTUURLIJK_OVERLEG,
    STUURGROEP,
    PROJECTGROEP,
    KLANKBORDGROEP,
    ALV,
    BESTUUR,
    RAAD_VAN_TOEZICHT,
    ONTWIKKELTAFEL,
    WERKATELIER
}
