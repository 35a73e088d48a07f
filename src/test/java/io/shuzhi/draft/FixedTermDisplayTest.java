package io.shuzhi.draft;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A draft shows Chinese-numeral quantities in digits, never the numeral of a fixed term, and typed decimals as typed. */
class FixedTermDisplayTest {
    private static final ItemComposer COMPOSER = DRAFT_LEXICON.composer();
    private static final NumberGuard GUARD = new NumberGuard(NUMBERS);

    private static Fact fact(String text) {
        return new Fact("f-1", "study", text, NUMBERS.findAll(text), "m-1", Fact.Origin.WRITER);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "落实最多跑一次改革，全年开展一次培训       | 落实最多跑一次改革，全年开展培训1次",
            "推进两学一做常态化，讲党课两次             | 推进两学一做常态化，讲授党课2次",
            "推行一网通办和一件事一次办，服务群众二十余人 | 推行一网通办和一件事一次办，服务群众20余人",
            "作为一名党员，带出一批骨干，建立一个机制   | 作为一名党员，带出一批骨干，建立一个机制",
            "编制“十五五”规划，开展为期一个月的调研    | 编制“十五五”规划，开展为期1个月的调研",
            "参学率99.5%，经费12.8万元，总投资3.75亿元，用时0.85天 | 参学率99.5%，经费12.8万元，总投资3.75亿元，用时0.85天",
            "精简文件三成以上，收入翻一番，每月三至五次 | 精简文件三成以上，收入翻一番，每月3至5次",
    })
    void fixedTermsStayInWords_quantitiesGoToDigits(String said, String drafted) {
        assertThat(COMPOSER.clause(fact(said.strip()))).isEqualTo(drafted.strip());
    }

    @Test
    void aQuantityStoredBeforeTheTermWasListed_stillLeavesTheTermAlone() {
        // Facts in Redis keep the quantities of the parser that read them; an older one may have taken 一次 for a count.
        String text = "落实最多跑一次改革";
        Fact old = new Fact("f-1", "study", text, List.of(new Quantity("一次", BigDecimal.ONE, "次", false)), "m-1",
                Fact.Origin.WRITER);
        assertThat(COMPOSER.clause(old)).isEqualTo(text);
    }

    @Test
    void theGuardChecksRangesAndTenthsByTheirValue() {
        List<Quantity> allowed = NUMBERS.findAll("每月3至5次，精简两成");
        assertThat(GUARD.checkAgainst("每月3至5次，精简20%", allowed).clean()).isTrue();
        assertThat(GUARD.checkAgainst("每月3至8次", allowed).flagged()).containsExactly("3至8次");
        assertThat(GUARD.checkAgainst("最多跑一次，一网通办", List.of()).clean()).isTrue();
    }
}
