package io.shuzhi.draft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrdinalsTest {

    @ParameterizedTest
    @CsvSource({"1,一", "2,二", "9,九", "10,十", "11,十一", "12,十二", "19,十九", "20,二十", "21,二十一", "99,九十九"})
    void numeral_writesChineseCounting(int n, String expected) {
        assertThat(Ordinals.numeral(n)).isEqualTo(expected);
    }

    @Test
    void levels_carryTheirOwnMarks() {
        assertThat(Ordinals.part(1)).isEqualTo("一、");
        assertThat(Ordinals.section(3)).isEqualTo("（三）");
        assertThat(Ordinals.item(2)).isEqualTo("二是");
        assertThat(Ordinals.section(12)).isEqualTo("（十二）");
        assertThat(Ordinals.item(20)).isEqualTo("二十是");
    }

    @Test
    void everyOrdinalUpToTwenty_parsesBackToItsNumber() {
        IntStream.rangeClosed(1, 20).forEach(n -> {
            assertThat(Ordinals.parse(Ordinals.part(n))).hasValue(n);
            assertThat(Ordinals.parse(Ordinals.section(n))).hasValue(n);
            assertThat(Ordinals.parse(Ordinals.item(n))).hasValue(n);
            assertThat(Ordinals.parse("第" + Ordinals.numeral(n) + "部分")).hasValue(n);
        });
    }

    @ParameterizedTest
    @CsvSource({"（三）,3", "(三),3", " 二是 ,2", "第二部分,2", "第二节,2", "第2节,2", "第十一条,11", "三、,3", "第两点,2"})
    void parse_readsTheFormsWritersUse(String token, int expected) {
        assertThat(Ordinals.parse(token)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "三", "（零）", "第零节", "一二是", "十十", "（一百）", "第一部分第二节", "二是加强", "abc"})
    void parse_rejectsWhatIsNotOneOrdinal(String token) {
        assertThat(Ordinals.parse(token)).isEmpty();
    }

    @Test
    void parse_ofNull_isEmpty() {
        assertThat(Ordinals.parse(null)).isEmpty();
    }

    @Test
    void numeral_outsideRange_isRejected() {
        assertThatThrownBy(() -> Ordinals.numeral(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ordinals.numeral(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
