package io.shuzhi.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.Plan;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model is given last year's plans only where they belong, and in one small block. */
class LlmLastYearPlansTest {
    private static final ReportKind KIND = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");

    @Test
    void sectionPrompt_getsItsDonePlans_andTheProblemsPartTheUndoneOnes() {
        InterviewState s = InterviewState.start().withPlans(List.of(
                new Plan("p-1", "study", "每季度开展1次读书分享会", Plan.Status.DONE),
                new Plan("p-2", "org-life", "建立支委联系党员制度", Plan.Status.PROBLEM),
                new Plan("p-3", "brand", "打造“红色网格”服务品牌", Plan.Status.OPEN)));
        ReportKind.PartSpec work = KIND.parts().get(0);
        assertThat(LlmDraftWriter.plansFor(s, work, KIND.sectionOf("study"))).isEqualTo("- 已落实：每季度开展1次读书分享会");
        assertThat(LlmDraftWriter.plansFor(s, work, KIND.sectionOf("org-life"))).isEqualTo("（无）");
        ReportKind.PartSpec issues = KIND.parts().get(1);
        assertThat(LlmDraftWriter.plansFor(s, issues, issues.sections().get(0))).isEqualTo("- 未落实：建立支委联系党员制度");
    }
}
