package io.shuzhi.draft;

import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;

import static io.shuzhi.support.Tables.NUMBERS;

/**
 * Whole interviews the way writers talk (one fact per clause group, as the interview stores them; problems and plans
 * one fact each), one writer per report kind. The drafts made from them are read as a reviewer would read them.
 */
final class ColloquialWriters {
    private ColloquialWriters() {
    }

    /** A branch secretary of a health commission's agency branch: every topic answered, four problems, five plans. */
    static InterviewState branchSecretary(String year) {
        return facts(InterviewState.start().withProfile("市卫生健康委机关第二党支部", year), new String[][]{
                {"study", "我们今年一共搞了集中学习22次，专题研讨8次"},
                {"study", "给每个党员都发了学习书籍，一共发了96册"},
                {"study", "主要学的是党的二十届四中全会精神和总书记重要讲话"},
                {"study", "大家写心得体会的质量明显比去年高了"},
                {"first-agenda", "支委会每次开会第一个议题都是学习总书记重要讲话，全年学了15次，一共32篇"},
                {"first-agenda", "还建立了学习台账，每半年向机关党委报告一次"},
                {"first-agenda", "学完以后支委都要结合分管工作谈落实措施，一共提了20多条"},
                {"training", "我讲了2次党课，其他支委讲了4次"},
                {"training", "6月份组织大家去革命纪念馆搞了一次现场教学，参加的有40多人"},
                {"training", "还派了8名党员参加机关党委的轮训"},
                {"ideology", "谈心谈话搞了46人次，基本上每个党员都谈到了"},
                {"ideology", "每个季度分析一次党员思想动态"},
                {"ideology", "意识形态这块的话开了2次专题研判会"},
                {"ideology", "有2名老党员生病住院，我们支委都去看望了"},
                {"org-life", "支部党员大会开了6次，支委会14次，党小组会24次"},
                {"org-life", "主题党日每个月都搞，一共12次，有几次是结合义诊搞的"},
                {"org-life", "组织生活会开了1次，查摆问题12个，现在都整改完了"},
                {"recruitment", "发展了2名党员，转正了3名预备党员"},
                {"recruitment", "新确定入党积极分子5名"},
                {"recruitment", "对2名发展对象都搞了政治审查，材料都装了档案"},
                {"member-management", "党费都是按时足额交的"},
                {"member-management", "弄了6个党员先锋岗"},
                {"member-management", "志愿服务活动搞了9场，参加的党员有120人次"},
                {"branch-building", "支部按期完成了换届，选出支委5人"},
                {"branch-building", "修订了议事规则这些制度，一共4项"},
                {"branch-building", "评了3名优秀共产党员"},
                {"branch-building", "建立了支部工作台账，每个月支委会都要对照检查一遍"},
                {"responsibility", "年初就制定了党建工作要点和责任清单"},
                {"responsibility", "开了3次党风廉政建设专题会，跟支委和党小组长签了8份责任书"},
                {"supervision", "廉政谈话搞了18人次，提醒谈话5人次"},
                {"supervision", "对苗头性问题约谈了2名同志，督促整改问题6项"},
                {"warning-education", "组织大家看了4次警示教育片"},
                {"warning-education", "剖析了身边的典型案例6个，搞了2场以案促改专题讨论，参加党员150人次"},
                {"integration", "围绕全市基层医疗服务能力提升这个重点任务，我们组建了3支党员突击队"},
                {"integration", "牵头攻坚项目5项，处室全年目标任务都完成了"},
                {"conduct", "下基层调研走访12次，收集意见建议20条"},
                {"conduct", "给群众办实事9件"},
                {"conduct", "会议文件精简了三成以上，基层反映挺好"},
                {"brand", "打造了“健康先锋”党建品牌"},
                {"brand", "支部被评为委机关“先进基层党组织”，经验做法上了上级简报2篇"},
                {"issue-study", "学习不够深入，有的党员开会光念稿子，结合岗位谈得少"},
                {"issue-study", "学习形式比较单一，主要还是读文件，年轻党员觉得没意思"},
                {"issue-org", "组织生活会上大家批评别人的时候不太好意思，说的多是工作建议，点问题不够直接"},
                {"issue-responsibility", "我对支委一岗双责的督促主要靠年底考核，平时跟得不紧"},
                {"issue-responsibility", "党建和业务有时候还是两张皮，主题党日跟处室业务结合得不够"},
                {"plan-study", "明年每月搞一次专题研讨，力争党课讲6次"},
                {"plan-study", "搞一些案例教学和现场教学，让年轻党员多上台发言"},
                {"plan-org", "组织生活会之前先开展谈心谈话，把批评意见提前沟通好"},
                {"plan-org", "做好两名入党积极分子的培养"},
                {"plan-org", "每季度至少搞一次跟业务结合的主题党日"},
                {"plan-discipline", "每半年听一次支委履行一岗双责情况的汇报"},
                {"plan-discipline", "党建和业务一起考核，年底述职的时候一起讲"},
        });
    }

    /** A department head (预算处处长): most topics, three problems, three plans. */
    static InterviewState departmentHead(String year) {
        return facts(InterviewState.start().withProfile("市财政局预算处处长", year), new String[][]{
                {"political-study", "今年我参加局党组理论学习中心组学习12次，发言4次"},
                {"political-study", "自己还读了《习近平谈治国理政》第五卷，写了3篇心得"},
                {"political-stance", "上级的部署我们处都是第一时间传达，没有打折扣"},
                {"political-stance", "意识形态责任制这块我每半年专门研究一次"},
                {"core-duties", "我主要负责全市预算编制，今年编了全市预算草案，涉及资金86亿元"},
                {"core-duties", "牵头搞了部门预算绩效评价，评了42个项目"},
                {"key-tasks", "零基预算改革是今年的重点，我们在12个部门搞了试点"},
                {"key-tasks", "压减一般性支出3800万元"},
                {"team-leading", "处里一共9个人，我每个月和大家谈一次心"},
                {"team-leading", "修订了处内管理制度5项"},
                {"innovation", "推动预算管理一体化系统上线，预算批复时间比去年少了一半"},
                {"hard-tasks", "8月份防汛救灾，我带着处里同志3天就把12000万元救灾资金拨下去了"},
                {"recognition", "处里被评为全市财政系统先进集体，我个人年度考核是优秀"},
                {"self-discipline", "严格执行八项规定，没有收过礼，也没有违规吃请"},
                {"self-discipline", "按要求如实报告个人有关事项"},
                {"area-integrity", "处里两个科长我都签了廉政责任书，逢年过节都提醒一下"},
                {"issue-study", "学习有时候不够系统，工作一忙就放一放"},
                {"issue-work", "对新情况研究不够，零基预算改革推得有点慢，有2个部门到年底还没完成"},
                {"issue-conduct", "有时候管得不够严，对个别同志的问题批评不够及时"},
                {"plan-study", "明年坚持每周自学一次，全年写心得不少于4篇"},
                {"plan-work", "明年把零基预算改革推到全部部门，力争预算执行率达到95%以上"},
                {"plan-integrity", "继续严格落实八项规定，管好身边人"},
        });
    }

    /** A county hospital's year: every topic, three problems, three plans. */
    static InterviewState hospital(String year) {
        return facts(InterviewState.start().withProfile("县人民医院", year), new String[][]{
                {"targets", "今年门诊量一共是52万多人次，比去年多了8%"},
                {"core-business", "住院病人2万多人次，手术做了6800台"},
                {"projects", "新住院楼今年年底完工了，总投资18000万元"},
                {"reform", "我们搞了预约诊疗，病人平均等候时间少了20分钟"},
                {"service", "下乡义诊搞了36场，服务群众5000多人次"},
                {"safety", "全年开展安全检查12次，整改隐患56处，没出过安全事故"},
                {"party-building", "党委开了理论学习中心组学习12次，签了责任书46份"},
                {"team", "引进了硕士研究生15名，送出去进修28人"},
                {"honours", "医院被评为市级文明单位"},
                {"issue-development", "专科建设跟上级医院比还有差距，心内科、神经内科人才不够"},
                {"issue-capacity", "有些科室医生看病效率不高，病人等的时间长"},
                {"issue-management", "绩效考核还比较粗，奖金分配上大家有意见"},
                {"plan-goals", "明年门诊量力争突破55万人次"},
                {"plan-projects", "把胸痛中心、卒中中心建起来"},
                {"plan-team", "引进学科带头人2名，绩效考核方案重新修订一遍"},
        });
    }

    /** A bureau chief's 述责述廉: every topic, three problems, three plans. */
    static InterviewState bureauChief(String year) {
        return facts(InterviewState.start().withProfile("市水务局党组书记、局长", year), new String[][]{
                {"duty-planning", "今年党组开了4次全面从严治党专题会，研究了12个事项"},
                {"duty-chain", "和班子成员、科室负责人签了责任书23份，听了2次班子成员一岗双责汇报"},
                {"integrity-lessons", "我讲了1次廉政党课，组织专题学习6次"},
                {"warning-cases", "组织看了3次警示教育片，剖析了本系统2个典型案例"},
                {"daily-supervision", "开展谈心谈话38人次，提醒谈话6人次"},
                {"power-control", "三重一大事项都是集体研究的，全年上会研究28项"},
                {"rectification", "审计发现的问题9个，已经整改了8个，还有1个在推进"},
                {"conduct", "节假日开展明察暗访5次，发现问题3个"},
                {"burden-relief", "会议比去年少了20%，发文少了15%"},
                {"political-rules", "重大事项都按规定向市委请示报告"},
                {"eight-rules", "下基层都是轻车简从，没有违规吃请"},
                {"matters-reporting", "按时报告个人有关事项，没有瞒报漏报"},
                {"family-and-staff", "我爱人和孩子都没有在水务系统经商办企业"},
                {"clean-power", "工程招投标我从来不打招呼"},
                {"issue-duty", "一岗双责落实有温差，对分管领域的廉政风险提醒不够"},
                {"issue-supervision", "对下属单位的监督有时候宽松软，工程项目监管存在薄弱环节"},
                {"issue-self", "党纪学习有时候满足于读原文"},
                {"plan-duty", "每季度听取一次班子成员一岗双责汇报"},
                {"plan-supervision", "对在建工程项目开展专项监督检查，全年不少于4次"},
                {"plan-self", "带头严格执行八项规定"},
        });
    }

    private static InterviewState facts(InterviewState start, String[][] facts) {
        InterviewState s = start;
        int message = 1;
        for (String[] f : facts) s = s.plusFact(f[0], f[1], NUMBERS.find(f[1]), "m-" + message++);
        return s;
    }
}
