package nl.samenspel.governance.member;

public enum MemberKind {
    GEMEENTE,
    ZORGAANBIEDER,
    WELZIJN,
    CLIENTONDERSTEUNING,
    JEUGDHULP,
    ONDERWIJS,
    WONINGCORPORATIE,
    ZORGVERZEKERAAR,
    OVERIG
}
