package nl.samenspel.governance.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.document.Document;
import nl.samenspel.governance.document.GeneratedDocuments;
import nl.samenspel.governance.signing.SignatureRequest;
import nl.samenspel.governance.signing.SigningRequests;
import nl.samenspel.governance.signing.SigningService;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Signature requests for the demo, signed through the services as representatives would (with the
 * demo password): Deventer's four partners have signed the stuurgroep's decision list, whose sealed
 * final the job makes a few seconds after start; De Kleine Schans has its draft statutes out for
 * signing in turn, the municipality first, and waits for MEE.
 */
@Singleton
class DemoSigning {

    /** The evidence of a demo signature says where it came from. */
    private static final SigningService.Origin DEMO = new SigningService.Origin("127.0.0.1", "Samenspel demo-gegevens");

    private final SigningService signing;
    private final GeneratedDocuments generated;
    private final Clock clock;

    DemoSigning(SigningService signing, GeneratedDocuments generated, Clock clock) {
        this.signing = signing;
        this.generated = generated;
        this.clock = clock;
    }

    void deventer(CoalitionAccess secretary, List<UUID> partners, List<CoalitionAccess> signers) {
        Document list = generated.generate(
                secretary,
                new GeneratedDocuments.Request(
                        GeneratedDocuments.Kind.DECISION_LIST, null, "Besluitenlijst stuurgroep Deventer"));
        SignatureRequest request = signing.create(
                secretary,
                new SigningRequests.Create(
                        list.id(),
                        "Besluitenlijst stuurgroep: jaarplan vastgesteld",
                        "De stuurgroep heeft het jaarplan schriftelijk vastgesteld. Graag ondertekent elke partner de"
                                + " besluitenlijst, zodat de penvoerder die bij de subsidieaanvraag kan voegen.",
                        SignatureRequest.Order.PARALLEL,
                        clock.instant().plus(Duration.ofDays(14)).atOffset(ZoneOffset.UTC),
                        partners));
        for (CoalitionAccess signer : signers) {
            sign(signer, request);
        }
    }

    void woudenberg(CoalitionAccess secretary, UUID statuteDraft, List<UUID> inOrder, CoalitionAccess first) {
        Document statutes = generated.generate(
                secretary, new GeneratedDocuments.Request(GeneratedDocuments.Kind.STATUTE_VERSION, statuteDraft, null));
        SignatureRequest request = signing.create(
                secretary,
                new SigningRequests.Create(
                        statutes.id(),
                        "Concept-statuten: akkoord van de oprichters",
                        "Voordat de notaris de akte opmaakt, tekenen de oprichters na elkaar voor akkoord met het"
                                + " concept: eerst de gemeente, dan MEE.",
                        SignatureRequest.Order.SEQUENTIAL,
                        clock.instant().plus(Duration.ofDays(21)).atOffset(ZoneOffset.UTC),
                        inOrder));
        sign(first, request);
    }

    private void sign(CoalitionAccess signer, SignatureRequest request) {
        signing.sign(signer, request.id(), new SigningRequests.Sign(DemoData.PASSWORD, true, null), DEMO);
    }
}
