package io.shuzhi.interview;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

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
        assertThat(summary(NUMBERS.find(text))).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2025年支部工作", "二〇二五年以来", "2024—2025年度", "一是抓学习", "二是强监督", "第一，加强学习", "第3季度",
            "一、履职情况及成效", "（一）强化理论武装", "(2)做好发展工作", "1.加强理论学习", "\n2、严肃组织生活",
            "做到两个维护", "增强四个意识、坚定四个自信", "落实三会一课制度", "落实一岗双责", "落实第一议题制度",
            "推进两学一做", "一把手带头", "深入一线", "一起研究", "一些问题", "一定成效", "一直坚持", "进一步加强",
            "统一部署", "唯一标准", "重点之一", "一体推进", "万众一心", "千方百计", "三严三实", "八项规定精神",
            "学习党的二十大精神", "二十届四中全会", "七一表彰", "五四青年节", "每一名党员", "数十次", "带出一批骨干",
            "一次性解决", "再三强调", "十分重视", "百姓关心", "最近一次", "预约3次", "GB/T 9704", "5G网络",
            "落实最多跑一次改革", "推行一网通办", "一件事一次办", "打造一站式服务", "编制“十五五”规划", "十四五时期",
            "整治四风问题", "作为一名党员", "建立一个机制", "一成不变", "采取一系列措施", "一步一个脚印", "翻开第三页",
            "第三，强化监督", "三是抓落实", "（三）抓落实", "三、下步工作举措", "2026年工作打算", "二〇二六年",
            "2025—2026年度", "2025-2026学年", "拨打12345热线", "千家万户", "万众一心", "零的突破",
            "没有一件超期的", "没有一个人员伤亡", "无一例漏报", "未有一人掉队"})
    void yearsOrdinalsAndFixedTermsAreNotQuantities(String text) {
        assertThat(NUMBERS.find(text)).as(text).extracting(Quantity::raw)
                .allSatisfy(raw -> assertThat(raw).isEqualTo("3次"));
        if (!text.contains("3次")) assertThat(NUMBERS.findAll(text)).as(text).isEmpty();
    }

    @Test
    void aBareNumberStillCountsWhenAuditingADraft() {
        assertThat(summary(NUMBERS.findAll("参学率达到98，学习十二，开展讲座")))
                .isEqualTo("98=98; 十二=12");
        assertThat(NUMBERS.find("参学率达到98，学习十二")).isEmpty();
    }

    @Test
    void countsSurviveNextToFixedTerms() {
        assertThat(summary(NUMBERS.find("召开三会一课共42次，落实第一议题12次，投入三千万元")))
                .isEqualTo("42次=42次; 12次=12次; 三千万元=3000万元");
        assertThat(summary(NUMBERS.find("按照一岗双责要求约谈3名科长，一是开展谈话15人次")))
                .isEqualTo("3名=3名; 15人次=15人次");
    }

    @Test
    void aCountAfterACountNounIsNotVague() {
        assertThat(summary(NUMBERS.find("参训人数十二人，数十次培训"))).isEqualTo("十二人=12人");
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
        assertThat(NUMBERS.toArabic(text)).isEqualTo(expected.strip());
    }

    @Test
    void fixedTermsComeFromTheDataFile() {
        assertThat(NUMBERS.fixedTerms()).contains("两个维护", "三会一课").doesNotContain("");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every form a writer uses: one row per form, text | raw | value | unit | approx | upper end of a range

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "党员参学率99.5%                  | 99.5%            | 99.5    | %    | false |",
            "投入党建经费12.8万元             | 12.8万元         | 12.8    | 万元 | false |",
            "带动总投资3.75亿元               | 3.75亿元         | 3.75    | 亿元 | false |",
            "办事用时缩短到0.85天             | 0.85天           | 0.85    | 天   | false |",
            "人均学习12.375小时               | 12.375小时       | 12.375  | 小时 | false |",
            "年度投资3亿6800万元              | 3亿6800万元      | 36800   | 万元 | false |",
            "年度投资三亿六千八百万元         | 三亿六千八百万元 | 36800   | 万元 | false |",
            "服务企业1,260家                  | 1,260家          | 1260    | 家   | false |",
            "拨付资金1,260.5万元              | 1,260.5万元      | 1260.5  | 万元 | false |",
            "开展活动１２次                   | １２次           | 12      | 次   | false |",
            "投入３．５万元                   | ３．５万元       | 3.5     | 万元 | false |",
            "参学率百分之九十九点五           | 百分之九十九点五 | 99.5    | %    | false |",
            "参学率达99.5％                   | 99.5％           | 99.5    | %    | false |",
            "满意度95%以上                    | 95%以上          | 95      | %    | true  |",
            "会议文件精简两成                 | 两成             | 2       | 成   | false |",
            "精简会议文件三成以上             | 三成以上         | 3       | 成   | true  |",
            "压减开支8成                      | 8成              | 8       | 成   | false |",
            "近百人参加                       | 近百人           | 100     | 人   | true  |",
            "研讨二十余人                     | 二十余人         | 20      | 人   | true  |",
            "参加人员30多人                   | 30多人           | 30      | 人   | true  |",
            "全年学习十二次                   | 十二次           | 12      | 次   | false |",
            "办事效率提高1.5倍                | 1.5倍            | 1.5     | 倍   | false |",
            "受理量增长两倍                   | 两倍             | 2       | 倍   | false |",
            "集体收入翻一番                   | 翻一番           | 1       | 番   | false |",
            "集体收入翻了两番                 | 翻了两番         | 2       | 番   | false |",
            "培训干部千余人                   | 千余人           | 1000    | 人   | true  |",
            "节约经费万余元                   | 万余元           | 1       | 万元 | true  |",
            "服务近万人                       | 近万人           | 1       | 万人 | true  |",
            "每月开展3至5次                   | 3至5次           | 3       | 次   | false | 5",
            "每月开展3-5次                    | 3-5次            | 3       | 次   | false | 5",
            "每月开展3~5次                    | 3~5次            | 3       | 次   | false | 5",
            "每月开展三至五次                 | 三至五次         | 3       | 次   | false | 5",
            "每季度一到两次                   | 一到两次         | 1       | 次   | false | 2",
            "每个项目3至5万元                 | 3至5万元         | 3       | 万元 | false | 5",
            "每次参加30人以上                 | 30人以上         | 30      | 人   | true  |",
            "开展为期一个月的专项整治         | 一个月           | 1       | 个月 | false |",
            "2026年开展12次                   | 12次             | 12      | 次   | false |",
            "约零点八五天                     | 约零点八五天     | 0.85    | 天   | true  |",
    })
    void everyFormAWriterUses(String text, String raw, String value, String unit, boolean approx, String upper) {
        List<Quantity> found = NUMBERS.find(text.strip());
        assertThat(found).as(text).hasSize(1);
        Quantity q = found.get(0);
        assertAll(text,
                () -> assertThat(q.raw()).isEqualTo(raw.strip()),
                () -> assertThat(q.value()).isEqualByComparingTo(new BigDecimal(value.strip())),
                () -> assertThat(q.unit()).isEqualTo(unit.strip()),
                () -> assertThat(q.approx()).isEqualTo(approx),
                () -> {
                    if (upper == null) assertThat(q.upper()).isNull();
                    else assertThat(q.upper()).isEqualByComparingTo(new BigDecimal(upper.strip()));
                });
    }

    @Test
    void aBareApproximationStillCountsWhenAuditing() {
        assertThat(summary(NUMBERS.findAll("惠及群众千余"))).isEqualTo("千余=1000~");
        assertThat(NUMBERS.find("惠及群众千余")).isEmpty();
    }

    /** In chat "，" separates clauses: "1，260家" is 1 and 260家 as written, never 1260. */
    @Test
    void aFullWidthCommaBetweenDigitsIsAClauseBreak() {
        assertThat(summary(NUMBERS.findAll("服务企业1，260家"))).isEqualTo("1=1; 260家=260家");
        assertThat(summary(NUMBERS.findAll("分别为12,15,18次"))).isEqualTo("12=12; 15=15; 18次=18次");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "三亿六千八百万元 | 3亿6800万元",
            "三至五次         | 3至5次",
            "一到两次         | 1到2次",
            "三成以上         | 三成以上",
            "翻一番           | 翻一番",
            "百分之九十九点五 | 99.5%",
            "千余人           | 1000余人",
            "万余元           | 1万余元",
            "近百人           | 近100人",
            "十二次以上       | 12次以上",
            "１２次           | 12次",
    })
    void aQuantityDisplaysInDigitsAsTheWriterGroupedIt(String raw, String display) {
        List<Quantity> found = NUMBERS.find(raw.strip());
        assertThat(found).as(raw).hasSize(1);
        assertThat(found.get(0).display()).isEqualTo(display.strip());
    }

    @Test
    void decimalsOfEveryLengthDoNotBreakTheReading() {
        for (String number : List.of("1.5", "99.5", "12.8", "3.75", "0.85", "2025.5", "1234.5678", "12345.6")) {
            for (String unit : List.of("%", "万元", "亿元", "天", "小时", "")) {
                String text = "全年达到" + number + unit + "，同比增长";
                assertThat(NUMBERS.findAll(text)).as(text).singleElement()
                        .satisfies(q -> assertThat(q.value()).isEqualByComparingTo(new BigDecimal(number)));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixed terms: none yields a number in a sentence; none is shown in digits

    @Test
    void noFixedTermYieldsAQuantityInASentence() {
        List<String> frames = List.of("%s", "全面落实%s，取得实效。", "我们坚持%s", "围绕%s开展工作");
        List<String> leaks = new ArrayList<>();
        for (String term : NUMBERS.fixedTerms()) {
            for (String frame : frames) {
                String text = frame.formatted(term);
                if (!NUMBERS.findAll(text).isEmpty()) leaks.add(text + " → " + summary(NUMBERS.findAll(text)));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aFixedTermIsNeverTurnedIntoDigits() {
        assertThat(NUMBERS.toArabic("落实最多跑一次改革，全年开展一次培训，推进两学一做"))
                .isEqualTo("落实最多跑一次改革，全年开展1次培训，推进两学一做");
        String text = "落实最多跑一次改革，全年开展一次培训";
        assertThat(NUMBERS.indexOf(text, "一次", 0)).isEqualTo(text.lastIndexOf("一次"));
        assertThat(NUMBERS.indexOf("最多跑一次", "一次", 0)).isEqualTo(-1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Property: what is rendered is read back, for seeded random numbers

    private static final int ROUNDS = 2_000;

    /** The value with 万/亿 of the unit multiplied in: "2万次" → 20000. */
    private static BigDecimal absolute(Quantity q) {
        BigDecimal v = q.value();
        for (char c : q.unit().toCharArray()) {
            if (c == '万') v = v.multiply(BigDecimal.valueOf(10_000));
            else if (c == '亿') v = v.multiply(BigDecimal.valueOf(100_000_000));
            else break;
        }
        return v;
    }

    private static BigDecimal readBack(String rendered, String unit) {
        String text = "全年累计开展" + rendered + unit + "，同比增长。";
        List<Quantity> found = NUMBERS.find(text);
        assertThat(found).as(text).hasSize(1);
        return absolute(found.get(0));
    }

    @Test
    void arabicNumbersReadBack_plainWithSeparatorsAndFullWidth() {
        Random random = new Random(20260101L);
        for (int i = 0; i < ROUNDS; i++) {
            long n = 1 + (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(12)));
            BigDecimal expected = BigDecimal.valueOf(n);
            assertThat(readBack(Long.toString(n), "次")).as("%d", n).isEqualByComparingTo(expected);
            assertThat(readBack(String.format(Locale.ROOT, "%,d", n), "人")).as("%,d", n).isEqualByComparingTo(expected);
            assertThat(readBack(fullWidth(Long.toString(n)), "项")).as("full-width %d", n).isEqualByComparingTo(expected);
        }
    }

    @Test
    void arabicDecimalsReadBack() {
        Random random = new Random(42L);
        for (int i = 0; i < ROUNDS; i++) {
            BigDecimal d = BigDecimal.valueOf(random.nextInt(1_000_000), 1 + random.nextInt(4));
            String unit = List.of("万元", "亿元", "天", "小时", "%", "倍").get(random.nextInt(6));
            BigDecimal expected = unit.equals("万元") ? d.multiply(BigDecimal.valueOf(10_000))
                    : unit.equals("亿元") ? d.multiply(BigDecimal.valueOf(100_000_000)) : d;
            assertThat(readBack(d.toPlainString(), unit)).as(d + unit).isEqualByComparingTo(expected);
            String grouped = String.format(Locale.ROOT, "%,." + d.scale() + "f", d);
            assertThat(readBack(grouped, unit)).as(grouped + unit).isEqualByComparingTo(expected);
        }
    }

    @Test
    void chineseNumeralsReadBack_throughTheSharedRoutine() {
        Random random = new Random(7L);
        for (int i = 0; i < ROUNDS; i++) {
            long n = 1 + (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(12)));
            String chinese = ChineseNumerals.of(n);
            assertThat(ChineseNumerals.count(chinese)).as(chinese).hasValueSatisfying(
                    v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(n)));
            assertThat(readBack(chinese, "次")).as("%d %s", n, chinese).isEqualByComparingTo(BigDecimal.valueOf(n));
            BigDecimal d = BigDecimal.valueOf(random.nextInt(100_000), 1 + random.nextInt(3));
            String decimal = ChineseNumerals.of(d);
            assertThat(readBack(decimal, "小时")).as("%s %s", d, decimal).isEqualByComparingTo(d);
        }
    }

    private static String fullWidth(String digits) {
        var out = new StringBuilder();
        for (char c : digits.toCharArray()) out.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c);
        return out.toString();
    }

    @Test
    void aFigureOfMoreThanFifteenSignificantDigitsIsText() {
        String huge = "9".repeat(1001);
        assertThat(NUMBERS.findAll("发展党员" + huge + "名")).isEmpty();
        assertThat(NUMBERS.findAll("身份证号码1234567890123456")).isEmpty();
        assertThat(NUMBERS.findAll("发放" + "1".repeat(16) + "册")).isEmpty();
        assertThat(NUMBERS.findAll("发放0." + "0".repeat(30) + "1册")).isEmpty();
        assertThat(NUMBERS.findAll("一亿亿亿亿亿亿亿亿人" + "亿".repeat(500)))
                .allMatch(q -> NumberParser.isFigure(q.value()));
        assertThat(summary(NUMBERS.find("投入" + "9".repeat(15) + "元"))).isEqualTo("999999999999999元=999999999999999元");
        assertThat(summary(NUMBERS.find("人均0.123456789012345小时"))).isEqualTo("0.123456789012345小时=0.123456789012345小时");
        assertThat(summary(NUMBERS.find("开展研讨3至" + "9".repeat(20) + "次，发展党员3名"))).isEqualTo("3名=3名");
    }

    @org.junit.jupiter.api.Test
    void spokenAmounts_个亿_and_来万() {
        var yi = NUMBERS.findAll("送审金额5.4个亿");
        assertThat(yi).singleElement().satisfies(q -> {
            assertThat(q.raw()).isEqualTo("5.4个亿");
            assertThat(q.unit()).isEqualTo("亿");
        });
        var lai = NUMBERS.findAll("涉及金额860来万，志愿者三十来个");
        assertThat(lai).extracting(Quantity::raw).containsExactly("860来万", "三十来个");
        assertThat(lai.get(0).approx()).isTrue();
        assertThat(NUMBERS.findAll("3个万人大会")).extracting(Quantity::unit).doesNotContain("万");
    }

    @Test
    void aShortQuotedNameInChineseNumerals_isAName_butTypedDigitsInQuotesStayFigures() {
        assertThat(NUMBERS.find("全县14个所有5个是“一人所”")).extracting(Quantity::raw).containsExactly("14个", "5个");
        assertThat(NUMBERS.find("投诉到“12345”热线3次")).extracting(Quantity::raw).contains("3次");
        assertThat(NumberParser.withChineseMultipliers("粉丝涨到了27.5w，视频号也有8w多，APP叫www")).isEqualTo("粉丝涨到了27.5万，视频号也有8万多，APP叫www");
    }
}
