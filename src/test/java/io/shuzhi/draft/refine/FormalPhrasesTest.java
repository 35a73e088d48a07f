package io.shuzhi.draft.refine;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.draft.DraftingRules;
import org.junit.jupiter.api.Test;

/** The formal-phrase table on its own (its use in a refinement is in {@code draft.OfflineRefinerTest}). */
class FormalPhrasesTest {
    private static final FormalPhrases PHRASES = FormalPhrases.load(new DraftingRules(DRAFT_LEXICON));

    @Test
    void formalTone_neverEditsInsideAFixedTerm() {
        assertThat(PHRASES.apply("及其实施细则").text()).isEqualTo("及其实施细则");
        assertThat(PHRASES.apply("切实落实八项规定及其实施细则精神", "party-branch-secretary").text())
                .isEqualTo("切实落实八项规定及其实施细则精神");
    }

    @Test
    void formalPhraseTable_respectsWordBoundaries() {
        assertThat(PHRASES.rules().size()).isGreaterThanOrEqualTo(40);
        assertThat(PHRASES.apply("搞好服务，搞活机制，我们党的宗旨，大家庭，我们支部").text())
                .isEqualTo("做好服务，激活机制，我们党的宗旨，大家庭，本支部");
        assertThat(PHRASES.apply("还有3名同志未报到。还有，还有就是“搞”字不动，【待补充：很多】").text())
                .isEqualTo("还有3名同志未报到。此外，此外“搞”字不动，【待补充：很多】");
    }
}
