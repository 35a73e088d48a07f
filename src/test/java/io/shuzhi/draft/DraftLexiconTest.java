package io.shuzhi.draft;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The drafter's tables as read at startup: one register per kind file, and a broken file named with its line. */
class DraftLexiconTest {

    @Test
    void eachKindWithARegisterFile_getsItsOwn_othersTheCommonOne() {
        FormalRewriter common = DRAFT_LEXICON.register(null);
        assertThat(DRAFT_LEXICON.register("party-branch-secretary")).isNotSameAs(common)
                .isSameAs(DRAFT_LEXICON.register("party-branch-secretary"));
        assertThat(DRAFT_LEXICON.register("no-such-kind")).isSameAs(common);
        assertThat(DRAFT_LEXICON.register("../common")).isSameAs(common);
        assertThat(common.size()).isEqualTo(DRAFT_LEXICON.fillerRules().size() + DRAFT_LEXICON.commonRules().size());
    }

    @Test
    void aBrokenGenreWordList_stopsTheLoadWithFileAndLine() {
        assertThatThrownBy(() -> Words.parseGenreWords("# words\n主题党日\tn\n支委会\n"))
                .hasMessage(Words.WORDS_FILE + ":3: expected word<TAB>nature");
    }
}
