package nl.samenspel.documents.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentModelJsonTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void each_kind_travels_as_json_with_its_kind_and_back() throws Exception {
        List<DocumentModel> models = List.of(
                new StatuteVersionDocument(
                        "De Kleine Schans",
                        "coöperatie U.A.",
                        2,
                        "Statuten",
                        LocalDate.of(2026, 3, 1),
                        List.of(new StatuteVersionDocument.Article("1", "Naam", "Tekst met € en ë."))),
                new DecisionListDocument(
                        "Deventer Preventie",
                        "Besluitenlijst",
                        LocalDate.of(2026, 11, 20),
                        List.of(new DecisionListDocument.Entry(
                                "2026-001",
                                "Toetreding",
                                "Tekst",
                                Instant.parse("2026-10-01T12:00:00Z"),
                                "Aangenomen",
                                5,
                                1,
                                0,
                                "Verklaring",
                                List.of("Quorum gehaald.")))),
                new CompletionCertificate(
                        "Overeenkomst",
                        "a".repeat(64),
                        List.of(new CompletionCertificate.Signer(
                                "Zoë",
                                "MEE",
                                Instant.parse("2026-11-02T10:15:30Z"),
                                "192.0.2.1",
                                "Firefox",
                                "Akkoord")),
                        List.of(new CompletionCertificate.TimelineEvent(
                                Instant.parse("2026-11-01T08:00:00Z"), "Verzonden")),
                        List.of(new CompletionCertificate.Hash("Getekend", "b".repeat(64)))),
                new CaseFileRecord(
                        "De Kleine Schans",
                        "Oprichting coöperatie",
                        "Besluit",
                        "Besluit 3: statuten vastgesteld",
                        LocalDate.parse("2017-06-12"),
                        "De Kleine Schans",
                        "Openbaar",
                        "Blijvend te bewaren",
                        List.of(new CaseFileRecord.Fact("Uitkomst", "Aangenomen")),
                        List.of(new CaseFileRecord.Section("Besluit", "De statuten worden vastgesteld.")),
                        null));

        for (DocumentModel model : models) {
            String text = json.writeValueAsString(Argument.of(DocumentModel.class), model);
            assertThat(text).contains("\"kind\"");
            assertThat(DocumentModel.KINDS).anyMatch(kind -> text.contains("\"kind\":\"" + kind + "\""));
            assertThat(json.readValue(text, Argument.of(DocumentModel.class))).isEqualTo(model);
        }
    }

    @Test
    void dates_and_moments_are_iso_strings() throws Exception {
        var certificate = new CompletionCertificate(
                "Overeenkomst",
                "a".repeat(64),
                List.of(),
                List.of(new CompletionCertificate.TimelineEvent(Instant.parse("2026-11-01T08:00:00Z"), "Verzonden")),
                List.of());
        String text = json.writeValueAsString(Argument.of(DocumentModel.class), certificate);
        assertThat(text).contains("2026-11-01T08:00:00Z").doesNotContain("pdfTitle");
    }

    @Test
    void missing_lists_read_as_empty() throws Exception {
        DocumentModel model = json.readValue(
                "{\"kind\":\"decision-list\",\"coalitionName\":\"X\",\"title\":\"Y\"}",
                Argument.of(DocumentModel.class));
        assertThat(model).isInstanceOfSatisfying(DecisionListDocument.class, list -> assertThat(list.entries())
                .isEmpty());
    }

    @Test
    void a_completion_request_carries_the_original_in_base64_and_the_certificate_with_or_without_kind()
            throws Exception {
        var certificate = new CompletionCertificate("Overeenkomst", "a".repeat(64), List.of(), List.of(), List.of());
        var request = CompletionRequest.of(new byte[] {'%', 'P', 'D', 'F'}, certificate);

        String text = json.writeValueAsString(request);

        assertThat(text).contains("\"original\":\"JVBERg==\"").contains("\"documentTitle\":\"Overeenkomst\"");
        assertThat(json.readValue(text, CompletionRequest.class)).isEqualTo(request);
        assertThat(json.readValue(
                        "{\"original\":\"JVBERg==\",\"certificate\":{\"documentTitle\":\"Overeenkomst\","
                                + "\"originalSha256\":\"" + "a".repeat(64) + "\"}}",
                        CompletionRequest.class))
                .isEqualTo(request);
    }
}
