package io.shuzhi.interview;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which entry of prompts/faq/faq.yaml answers a question writers ask back (by the entry's first words). */
class FaqTest {
    private static final Faq FAQ = LEXICON.faq();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我顺便问一下，草稿能导出成word吗       | 可以。草稿上方有
            写好了能不能复制到WPS里               | 可以。草稿上方有
            报告里能不能用我们，还是要写本人        | 个人述职、述责述廉一般自称
            用我还是用本人                        | 个人述职、述责述廉一般自称
            党课一年讲几次比较合适？               | 按党支部工作条例
            一般写多少字                          | 党支部书记抓党建述职一般
            数字是写阿拉伯数字还是汉字好            | 数字按公文的惯例
            田长制要不要加引号                     | 数字按公文的惯例
            学习强国积分要写进去吗                  | “学习强国”积分一般不写
            接访下访要不要写进去                    | 写不写看它能不能说明
            这个服务队算党建品牌还是算业务，写在哪块好 | 一件事放在哪部分
            一岗双责和第二责任人能一起写吗，会不会重复  | 可以一起写
            防范和惩治统计造假这个提法现在还这么写吗    | “防范和惩治统计造假、弄虚作假”是
            党课是不是书记一年得讲够4次             | 按党支部工作条例
            审计局的述职能不能点具体单位的名          | 述职报告一般不点具体单位
            数字要不要都跟去年比，同比环比都上会不会太乱 | 主要指标写与上年相比
            支部书记述职业务能写多少，会不会跑题       | 党支部书记述职以党建为主
            文件里“保租房”这种简称能直接写吗？还是得写全称 | 专有名称在材料里第一次出现时
            材料里写“残疾人”还是“残障人士”？哪个规范点   | 法律法规和正式文件用的是
            所里内部都叫“单人所”，能直接写进去吗，还是换个正式点的说法 | 单位内部的叫法
            “没出过一起事故”是不是写成“零事故”更规范？    | “零发生”“零事故”这类说法
            “四风”要不要四个都写一遍？                     | 纠治“四风”不必四个都平均用力
            “一把手”要不要打引号？                         | 数字按公文的惯例
            """)
    void theQuestionGetsTheEntryAboutIt(String question, String answerStart) {
        assertThat(FAQ.answer(question)).hasValueSatisfying(a -> assertThat(a).startsWith(answerStart));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我能明天再接着说吗
            今天天气怎么样
            """)
    void aQuestionNoEntryIsAboutGetsNone(String question) {
        assertThat(FAQ.answer(question)).isEmpty();
    }
}
