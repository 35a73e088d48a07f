package io.shuzhi.draft;

import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;

import java.nio.file.Path;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.NUMBERS;

/** A realistic party-branch draft (the real kind file, a full interview) for the refine tests. */
final class RefineFixtures {
    static final ReportKind KIND = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");

    private RefineFixtures() {
    }

    static InterviewState facts() {
        InterviewState s = InterviewState.start().withProfile("县税务局机关第一党支部", "2024");
        String[][] facts = {
                {"study", "全年组织集中学习18次、专题研讨6次，为党员购买学习书籍80册"},
                {"study", "重点学习了党的创新理论和上级有关会议精神，支部委员轮流领学"},
                {"first-agenda", "支委会把“第一议题”放在首位，全年学习14次，涉及重要讲话和指示批示精神26篇"},
                {"training", "我讲专题党课3次，支委讲党课5次，举办业务和政治轮训2期，参训党员64人次"},
                {"ideology", "逐人开展谈心谈话38人次，每季度分析一次党员思想动态"},
                {"org-life", "召开支部党员大会5次、支委会12次、党小组会20次，开展主题党日活动12次"},
                {"recruitment", "发展党员1名，预备党员按期转正2名，新确定入党积极分子4名"},
                {"member-management", "按时足额收缴党费，转接组织关系3人，设立党员先锋岗5个，组织志愿服务活动8场、参与党员96人次"},
                {"branch-building", "修订支部议事规则等制度3项，评选表彰优秀共产党员2名"},
                {"responsibility", "制定年度党建工作要点和责任清单，召开党风廉政建设专题会议2次，签订责任书7份"},
                {"supervision", "开展廉政谈话15人次、提醒谈话4人次，督促整改问题5项"},
                {"warning-education", "组织观看警示教育片3次，剖析身边典型案例4个，参加党员110人次"},
                {"integration", "围绕征管改革组建党员突击队2支，牵头攻坚项目4项，大力推进办税便利化"},
                {"conduct", "深入基层调研走访10次，收集意见建议16条，为纳税人办实事7件"},
                {"conduct", "针对大家反映的办税难点搞了流程再造，特别是对很多高频事项实行容缺办理"},
                {"issue-study", "个别党员学习满足于读原文、记笔记，研讨发言照本宣科，结合岗位谈体会不深"},
                {"issue-org", "组织生活会上相互批评多谈工作建议，点问题不够直接，个别年轻党员参加活动积极性不高"},
                {"plan-study", "制定全年学习计划，每月安排一次专题研讨"},
        };
        for (String[] f : facts) s = s.plusFact(f[0], f[1], NUMBERS.find(f[1]), "m-" + f[0]);
        return s;
    }

    static Draft draft() {
        return new TemplateDrafter(DRAFT_LEXICON).write(KIND, facts(), 1, null);
    }
}
