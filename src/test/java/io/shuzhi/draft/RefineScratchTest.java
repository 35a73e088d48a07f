package io.shuzhi.draft;
import org.junit.jupiter.api.Test;
class RefineScratchTest {
    @Test void print() {
        Draft d = RefineFixtures.draft();
        for (Section s : d.sections()) System.out.println(s + " [" + CharCount.of(s.body()) + "]");
        System.out.println(CharCount.of(d.toPlainText()));
    }
}
