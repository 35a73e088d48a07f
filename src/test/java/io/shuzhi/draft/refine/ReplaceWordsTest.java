package io.shuzhi.draft.refine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplaceWordsTest {

    @Test
    void wordAlreadyInsideTheReplacement_isLeftAlone() {
        assertThat(ReplaceWords.replaceWord("第一党支部和支部委员", "支部", "党支部")).isEqualTo("第一党支部和党支部委员");
    }
}
