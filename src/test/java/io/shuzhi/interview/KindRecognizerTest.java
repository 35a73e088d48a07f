package io.shuzhi.interview;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KindRecognizerTest {

    private static final KindRecognizer RECOGNIZER = new KindRecognizer(new ReportKinds(Path.of("prompts/kinds")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我要写个人述职                          | personal-annual",
            "帮我写年度工作总结                      | annual-work-summary",
            "述责述廉报告                            | accountability-integrity",
            "你好，我想写一份述责述廉的材料          | accountability-integrity",
            "写一份党建述职                          | party-branch-secretary",
            "我是支部书记，要写抓基层党建的述职      | party-branch-secretary",
            "帮我写处室的年终总结                    | annual-work-summary",
            "我是处长，要写个人年度工作总结          | personal-annual",
            "领导让我交一份述职述廉报告              | personal-annual",
            "需要写一个落实主体责任情况的报告        | accountability-integrity",
            "个人年度述职报告                        | personal-annual",
            "述 责 述 廉                             | accountability-integrity"})
    void aFirstMessageThatNamesAKind_selectsIt(String message, String kind) {
        assertThat(RECOGNIZER.recognise(message)).map(ReportKind::id).hasValue(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好", "帮我写述职报告", "开始吧", "2025年", "市财政局机关第一党支部，2025年"})
    void aMessageThatNamesNoKind_selectsNothing(String message) {
        assertThat(RECOGNIZER.recognise(message)).isEmpty();
    }

    @Test
    void nothingToRead_selectsNothing() {
        assertThat(RECOGNIZER.recognise(null)).isEmpty();
        assertThat(RECOGNIZER.recognise("  \n ")).isEmpty();
    }

    @Test
    void twoKindsNamedEquallyWell_isLeftToTheWriter() {
        assertThat(RECOGNIZER.recognise("党建述职还是个人述职？")).isEmpty();
    }

    @Test
    void aNegatedKind_doesNotCount() {
        assertThat(RECOGNIZER.recognise("不是党建述职，是个人述职")).map(ReportKind::id).hasValue("personal-annual");
        assertThat(RECOGNIZER.recognise("不写党建述职了，改写述责述廉")).map(ReportKind::id).hasValue("accountability-integrity");
        assertThat(RECOGNIZER.recognise("不要年度工作总结")).isEmpty();
        assertThat(RECOGNIZER.recognise("我不是要写党建述职而是个人述职")).map(ReportKind::id).hasValue("personal-annual");
    }

    @Test
    void theLongerPhraseWins() {
        // "个人工作总结" holds "工作总结": the more specific phrase names the kind
        assertThat(RECOGNIZER.recognise("帮我写个人工作总结")).map(ReportKind::id).hasValue("personal-annual");
        // "述职述廉" holds "述廉"
        assertThat(RECOGNIZER.recognise("述职述廉")).map(ReportKind::id).hasValue("personal-annual");
    }

    @Test
    void aKindIsNamedAtTheStart_notDeepInAPastedReport() {
        String pasted = "2024年度工作回顾".repeat(20) + "述责述廉";
        assertThat(pasted.length()).isGreaterThan(KindRecognizer.READ_CHARS);
        assertThat(RECOGNIZER.recognise(pasted)).isEmpty();
    }

    @Test
    void aKindWithoutAliases_isStillRecognisedByItsName() {
        ReportKinds real = new ReportKinds(Path.of("prompts/kinds"));
        ReportKind plain = real.get("annual-work-summary");
        ReportKind noAliases = new ReportKind("plain", "专项工作报告", null, plain.title(), plain.opening(),
                plain.intro(), plain.parts());
        assertThat(noAliases.aliases()).isEmpty();
        var recognizer = new KindRecognizer(List.of(noAliases, real.get("personal-annual")));
        assertThat(recognizer.recognise("请帮我写专项工作报告")).map(ReportKind::id).hasValue("plain");
        assertThat(recognizer.recognise("我要写个人述职")).map(ReportKind::id).hasValue("personal-annual");
    }
}
