package io.shuzhi.interview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which entry of prompts/faq/faq.yaml answers a question writers ask back (by the entry's first words). */
class FaqTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我顺便问一下，草稿能导出成word吗       | 可以。草稿上方有
            写好了能不能复制到WPS里               | 可以。草稿上方有
            报告里能不能用我们，还是要写本人        | 个人述职、述责述廉一般自称
            用我还是用本人                        | 个人述职、述责述廉一般自称
            党课一年讲几次比较合适？               | 按党支部工作条例
            一般写多少字                          | 党支部书记抓党建述职一般
            """)
    void theQuestionGetsTheEntryAboutIt(String question, String answerStart) {
        assertThat(Faq.answer(question)).hasValueSatisfying(a -> assertThat(a).startsWith(answerStart));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我能明天再接着说吗
            今天天气怎么样
            """)
    void aQuestionNoEntryIsAboutGetsNone(String question) {
        assertThat(Faq.answer(question)).isEmpty();
    }
}
