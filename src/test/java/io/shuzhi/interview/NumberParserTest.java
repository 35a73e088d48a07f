package io.shuzhi.interview;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumberParserTest {

    private static String summary(List<Quantity> qs) {
        return String.join("; ", qs.stream()
                .map(q -> q.raw() + "=" + q.value().stripTrailingZeros().toPlainString() + q.unit() + (q.approx() ? "~" : ""))
                .toList());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "开展研讨交流24次                | 24次=24次",
            "购买学习书籍1,200册              | 1,200册=1200册",
            "人均学习3.5小时                  | 3.5小时=3.5小时",
            "全年学习十二次                   | 十二次=12次",
            "讲了两次党课                     | 两次=2次",
            "开展二十场宣讲                   | 二十场=20场",
            "覆盖一百零五名党员               | 一百零五名=105名",
            "发放资料三千份                   | 三千份=3000份",
            "慰问一万二千人次                 | 一万二千人次=12000人次",
            "投入三千五百万元                 | 三千五百万元=3500万元",
            "组织讨论二十余次                 | 二十余次=20次~",
            "参加人员20多人                   | 20多人=20人~",
            "发现问题十几个                   | 十几个=10个~",
            "梳理问题近二十项                 | 近二十项=20项~",
            "约30人参加                       | 约30人=30人~",
            "参训率达百分之八十               | 百分之八十=80%",
            "参学率95%                        | 95%=95%",
            "满意度80%左右                    | 80%左右=80%~",
            "投入经费3.5万元                  | 3.5万元=3.5万元",
            "服务群众2万人                    | 2万人=2万人",
            "惠及两万余人                     | 两万余人=2万人~",
            "累计二十余万元                   | 二十余万元=20万元~",
            "发放学习书籍50本                 | 50本=50本",
            "整改问题8余项                    | 8余项=8项~",
            "走访困难党员5户，解决难题3件     | 5户=5户; 3件=3件",
            "讲授微党课6堂，共12课时          | 6堂=6堂; 12课时=12课时",
            "坚持3个月                        | 3个月=3个月",
            "三点五万元                       | 三点五万元=3.5万元",
    })
    void writerNumbersAreFoundWithTheirUnits(String text, String expected) {
        assertThat(summary(NumberParser.find(text))).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2025年支部工作", "二〇二五年以来", "2024—2025年度", "一是抓学习", "二是强监督", "第一，加强学习", "第3季度",
            "一、履职情况及成效", "（一）强化理论武装", "(2)做好发展工作", "1.加强理论学习", "\n2、严肃组织生活",
            "做到两个维护", "增强四个意识、坚定四个自信", "落实三会一课制度", "落实一岗双责", "落实第一议题制度",
            "推进两学一做", "一把手带头", "深入一线", "一起研究", "一些问题", "一定成效", "一直坚持", "进一步加强",
            "统一部署", "唯一标准", "重点之一", "一体推进", "万众一心", "千方百计", "三严三实", "八项规定精神",
            "学习党的二十大精神", "二十届四中全会", "七一表彰", "五四青年节", "每一名党员", "数十次", "带出一批骨干",
            "一次性解决", "再三强调", "十分重视", "百姓关心", "最近一次", "预约3次", "GB/T 9704", "5G网络"})
    void yearsOrdinalsAndFixedTermsAreNotQuantities(String text) {
        assertThat(NumberParser.find(text)).as(text).extracting(Quantity::raw)
                .allSatisfy(raw -> assertThat(raw).isEqualTo("3次"));
        if (!text.contains("3次")) assertThat(NumberParser.findAll(text)).as(text).isEmpty();
    }

    @Test
    void aBareNumberStillCountsWhenAuditingADraft() {
        assertThat(summary(NumberParser.findAll("参学率达到98，学习十二，开展讲座")))
                .isEqualTo("98=98; 十二=12");
        assertThat(NumberParser.find("参学率达到98，学习十二")).isEmpty();
    }

    @Test
    void countsSurviveNextToFixedTerms() {
        assertThat(summary(NumberParser.find("召开三会一课共42次，落实第一议题12次，投入三千万元")))
                .isEqualTo("42次=42次; 12次=12次; 三千万元=3000万元");
        assertThat(summary(NumberParser.find("按照一岗双责要求约谈3名科长，一是开展谈话15人次")))
                .isEqualTo("3名=3名; 15人次=15人次");
    }

    @Test
    void aCountAfterACountNounIsNotVague() {
        assertThat(summary(NumberParser.find("参训人数十二人，数十次培训"))).isEqualTo("十二人=12人");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"12,12", "1200,1200", "'1,200',1200", "3.5,3.5", "十二,12", "两,2", "二十,20", "一百零五,105",
            "三千,3000", "三千五,3500", "一万二千,12000", "三万,30000", "十,10", "二〇二五,2025", "三点五,3.5",
            "百分之八十,80", "80%,80"})
    void numeralsParseToTheirValue(String numeral, String value) {
        assertThat(NumberParser.parseNumeral(numeral)).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
    }

    @Test
    void notANumeralParsesToNothing() {
        assertThat(NumberParser.parseNumeral("学习")).isEmpty();
        assertThat(NumberParser.parseNumeral("")).isEmpty();
        assertThat(NumberParser.parseNumeral(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "全年学习十二次，研讨二十余人       | 全年学习12次，研讨20余人",
            "近二十次                           | 近20次",
            "二十多人参加                       | 20多人参加",
            "覆盖百分之八十的党员               | 覆盖80%的党员",
            "两万余人受益，投入二十余万元       | 2万余人受益，投入20余万元",
            "2025年落实三会一课，一是讲党课两次 | 2025年落实三会一课，一是讲党课2次",
            "已有1,200册，约三十人              | 已有1,200册，约30人",
            "开展三四次，无数字                 | 开展三四次，无数字",
    })
    void toArabicRewritesOnlyTheQuantities(String text, String expected) {
        assertThat(NumberParser.toArabic(text)).isEqualTo(expected.strip());
    }

    @Test
    void fixedTermsComeFromTheDataFile() {
        assertThat(NumberParser.fixedTerms()).contains("两个维护", "三会一课").doesNotContain("");
    }
}
