package nl.samenspel.governance.statute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleDiffTest {

    @Test
    void reportsAddedChangedAndRemovedArticlesInTheNewOrder() {
        List<Article> v1 = List.of(
                new Article("1", "Naam", "De coöperatie heet De Kleine Schans."),
                new Article("2", "Zetel", "Zij is gevestigd te Woudenberg."),
                new Article("3", "Doel", "Toegang in het sociaal domein."));
        List<Article> v2 = List.of(
                new Article("1", "Naam", "De coöperatie heet De Kleine Schans."),
                new Article("3", "Doel", "Toegang en preventie in het sociaal domein."),
                new Article("3a", "Leden", "Leden zijn zorgaanbieders en de gemeente."));
        List<ArticleDiff.Change> changes = ArticleDiff.between(v1, v2);
        assertThat(changes)
                .extracting(ArticleDiff.Change::number, ArticleDiff.Change::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("3", ArticleDiff.Kind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("3a", ArticleDiff.Kind.ADDED),
                        org.assertj.core.groups.Tuple.tuple("2", ArticleDiff.Kind.REMOVED));
        assertThat(changes.get(0).before().body()).isEqualTo("Toegang in het sociaal domein.");
        assertThat(ArticleDiff.between(v2, v2)).isEmpty();
    }
}
