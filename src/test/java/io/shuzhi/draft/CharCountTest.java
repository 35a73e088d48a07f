package io.shuzhi.draft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CharCountTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "党支部 | 3",
            "研讨交流24次。 | 7",
            "2025年 | 2",
            "3.5万元 | 3",
            "覆盖率达80% | 5",
            "按GB/T 9704排版 | 5",
            "一是抓学习；二是强基础。 | 12",
            "“第一议题” | 6",
            "【待补充：单位名称】 | 10",
            "（一）加强组织建设 | 9",
            "二〇二五年 | 5",
            "Hello world | 2",
            "a, b | 2"})
    void countsLikeWordsCharacterCount(String text, int expected) {
        assertThat(CharCount.of(text)).isEqualTo(expected);
    }

    @Test
    void spacesLineBreaksAndLoneHalfWidthMarks_countNothing() {
        assertThat(CharCount.of("  \n\t　")).isZero();
        assertThat(CharCount.of(" - , . ")).isZero();
        assertThat(CharCount.of("党建\n\n工作")).isEqualTo(4);
    }

    @Test
    void nullAndEmpty_countZero() {
        assertThat(CharCount.of(null)).isZero();
        assertThat(CharCount.of("")).isZero();
    }
}
