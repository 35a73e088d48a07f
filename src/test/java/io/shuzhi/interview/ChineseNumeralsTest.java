package io.shuzhi.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one Chinese-numeral routine, both ways. */
class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} ↔ {1}")
    @CsvSource({"1,一", "2,二", "10,十", "11,十一", "12,十二", "20,二十", "21,二十一", "99,九十九", "100,一百", "105,一百零五",
            "110,一百一十", "1010,一千零一十", "3500,三千五百", "10000,一万", "10050,一万零五十", "12000,一万二千",
            "100000,十万", "1100000,一百一十万", "100000000,一亿", "100010000,一亿零一万", "368000000,三亿六千八百万",
            "1000000000000,一万亿"})
    void countsAreSaidAndReadBack(long n, String chinese) {
        assertThat(ChineseNumerals.of(n)).isEqualTo(chinese);
        assertThat(ChineseNumerals.count(chinese)).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(n)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"两,2", "两千,2000", "三千五,3500", "一百五,150", "一万二,12000", "一亿二,120000000", "百,100", "千,1000",
            "一十五,15", "一百〇五,105", "三点五,3.5", "零点八五,0.85", "九十九点五,99.5", "两万,20000"})
    void spokenFormsAreRead(String chinese, String value) {
        assertThat(ChineseNumerals.count(chinese)).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "十十", "一二", "三四十", "百千", "零一", "万万", "学习", "三点", "点五", "一万万"})
    void malformedNumeralsAreNoCount(String chinese) {
        assertThat(ChineseNumerals.count(chinese)).isEmpty();
    }

    @Test
    void digitRunsAreReadDigitByDigitAsValuesOnly() {
        assertThat(ChineseNumerals.value("二〇二五")).hasValue(new BigDecimal("2025"));
        assertThat(ChineseNumerals.value("二零二五")).hasValue(new BigDecimal("2025"));
        assertThat(ChineseNumerals.count("二〇二五")).isEmpty();
        assertThat(ChineseNumerals.year("二〇二五")).hasValue(2025);
        assertThat(ChineseNumerals.year("一二三四")).isEmpty();
        assertThat(ChineseNumerals.year("二〇二")).isEmpty();
        assertThat(ChineseNumerals.yearDigits(2026)).isEqualTo("二〇二六");
        assertThat(ChineseNumerals.year(ChineseNumerals.yearDigits(2026))).hasValue(2026);
    }

    @Test
    void decimalsAreSaidDigitByDigitAfterThePoint() {
        assertThat(ChineseNumerals.of(new BigDecimal("3.50"))).isEqualTo("三点五");
        assertThat(ChineseNumerals.of(new BigDecimal("0.05"))).isEqualTo("零点零五");
        assertThat(ChineseNumerals.of(new BigDecimal("12"))).isEqualTo("十二");
    }

    @Test
    void everyCountReadsBack_seeded() {
        Random random = new Random(1949L);
        for (int i = 0; i < 5_000; i++) {
            long n = (long) (random.nextDouble() * Math.pow(10, random.nextInt(14)));
            assertThat(ChineseNumerals.count(ChineseNumerals.of(n))).as("%d %s", n, ChineseNumerals.of(n))
                    .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(n)));
        }
    }
}
