package io.shuzhi.interview;

import io.shuzhi.interview.ProfileParser.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileParserTest {
    private static final ProfileParser PROFILES = LEXICON.profiles();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "市财政局机关第二党支部，2025年                | 市财政局机关第二党支部 | 2025",
            "我是机关第一党支部书记，写的是2025年度的      | 机关第一党支部         | 2025",
            "“县教育局党总支”，二〇二五年                 | 县教育局党总支         | 2025",
            "我们支部是信息中心党支部，今年的              | 信息中心党支部         | 2024",
            "2025年 市人民医院内科党支部                   | 市人民医院内科党支部   | 2025",
            "单位全称叫做区委办公室党支部委员会，去年的    | 区委办公室党支部委员会 | 2023",
            "XX街道党工委，2025                            | XX街道党工委           | 2025",
    })
    void theUnitAndYearAreReadFromAPlainAnswer(String answer, String unit, String year) {
        assertThat(PROFILES.parse(answer, 2024)).isEqualTo(new Profile(unit.strip(), year.strip()));
    }

    @Test
    void aMissingPartStaysEmpty_soTheInterviewCanAskAgain() {
        Profile onlyYear = PROFILES.parse("2025年", 2025);
        assertThat(onlyYear.unit()).isNull();
        assertThat(onlyYear.year()).isEqualTo("2025");
        assertThat(onlyYear.complete()).isFalse();
        Profile onlyUnit = PROFILES.parse("机关第三党支部", 2025);
        assertThat(onlyUnit.unit()).isEqualTo("机关第三党支部");
        assertThat(onlyUnit.year()).isNull();
        assertThat(PROFILES.parse("党支部", 2025).unit()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "梧桐县统计局，局长兼党组书记，写2026年的述责述廉          | 梧桐县统计局党组书记、局长",
            "青岚经济开发区，我是党工委副书记、管委会主任，写2026年的  | 青岚经济开发区党工委副书记、管委会主任",
            "我是南溪县教育局党组成员、副局长，写2026年个人述职        | 南溪县教育局党组成员、副局长",
            "写2026年个人述职，我是县住建局副局长                      | 县住建局副局长",
            "桐溪县残联，我是党组成员、副理事长，写2026年个人述职      | 桐溪县残联党组成员、副理事长",
    })
    void aUnitSaidBeforeThePostIsPartOfIt(String answer, String unit) {
        assertThat(PROFILES.unitWithPost(answer)).isEqualTo(unit.strip());
    }
}
