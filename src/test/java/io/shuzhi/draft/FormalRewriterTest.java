package io.shuzhi.draft;

import io.shuzhi.draft.WordRules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What writers of each kind said, and how the report says it: the wording rules of prompts/style/*.tsv as a table. */
class FormalRewriterTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "party-branch-secretary | 我们今年一共搞了集中学习22次，专题研讨8次 | 全年共开展集中学习22次，专题研讨8次",
            "personal-annual | 七月那场暴雨，转移群众600多人，没有一个人员伤亡 | 七月暴雨，转移群众600多人，无人员伤亡",
            "annual-work-summary | 全年没有一起突发环境事件 | 全年未发生突发环境事件",
            "personal-annual | 那个城东新校区是个大项目 | 城东新校区是大项目",
            "personal-annual | 理论学习就是党委中心组 | 理论学习主要是党委中心组",
            "personal-annual | 学习上就是局党组中心组学习 | 学习上主要是局党组中心组学习",
            "party-branch-secretary | 开会时发言不积极 | 在会上发言不积极",
            "party-branch-secretary | 老党员不来开会 | 老党员不来开会",
            "annual-work-summary | 三级教育有走过场的 | 三级教育存在走过场现象",
            "annual-work-summary | 部分企业在线监测数据弄虚作假的 | 部分企业在线监测数据弄虚作假",
            "party-branch-secretary | 村史馆要建成 | 建成村史馆",
            "annual-work-summary | 分包单位安全“黑名单”制度要建起来 | 建立分包单位安全“黑名单”制度",
            "personal-annual | 城东新校区要建成投用 | 建成投用城东新校区",
            "party-branch-secretary | 给每个党员都发了学习书籍，一共发了96册 | 为每名党员均发放学习书籍，共发放96册",
            "party-branch-secretary | 主要学的是党的二十届四中全会精神和总书记重要讲话 | 重点学习党的二十届四中全会精神和习近平总书记重要讲话",
            "party-branch-secretary | 大家写心得体会的质量明显比去年高了 | 党员撰写心得体会的质量较上年明显提高",
            "party-branch-secretary | 支委会每次开会第一个议题都是学习总书记重要讲话，全年学了15次，一共32篇 | 支委会每次会议第一个议题均为学习习近平总书记重要讲话，全年学习15次，共32篇",
            "party-branch-secretary | 还建立了学习台账，每半年向机关党委报告一次 | 建立学习台账，每半年向机关党委报告一次",
            "party-branch-secretary | 我讲了2次党课，其他支委讲了4次 | 本人讲授党课2次，其他支委讲授4次",
            "party-branch-secretary | 6月份组织大家去革命纪念馆搞了一次现场教学，参加的有40多人 | 6月组织党员赴革命纪念馆开展现场教学一次，参加40多人",
            "party-branch-secretary | 谈心谈话搞了46人次，基本上每个党员都谈到了 | 开展谈心谈话46人次，基本实现全覆盖",
            "party-branch-secretary | 意识形态这块的话开了2次专题研判会 | 意识形态方面召开专题研判会2次",
            "party-branch-secretary | 支部党员大会开了6次，支委会14次，党小组会24次 | 召开支部党员大会6次，支委会14次，党小组会24次",
            "party-branch-secretary | 主题党日每个月都搞，一共12次，有几次是结合义诊搞的 | 每月开展主题党日，共12次，其中部分结合义诊开展",
            "party-branch-secretary | 组织生活会开了1次，查摆问题12个，现在都整改完了 | 召开组织生活会1次，查摆问题12个，目前均已整改完毕",
            "party-branch-secretary | 发展了2名党员，转正了3名预备党员 | 发展党员2名，预备党员转正3名",
            "party-branch-secretary | 党费都是按时足额交的 | 按时足额缴纳党费",
            "party-branch-secretary | 三会一课都是按要求开的 | “三会一课”均按要求召开",
            "party-branch-secretary | 高考本科上线率87.6%，比去年高了不少 | 高考本科上线率87.6%，较上年明显提高",
            "party-branch-secretary | 弄了6个党员先锋岗 | 设立党员先锋岗6个",
            "party-branch-secretary | 志愿服务活动搞了9场，参加的党员有120人次 | 开展志愿服务活动9场，参加党员120人次",
            "party-branch-secretary | 支部按期完成了换届，选出支委5人 | 支部按期完成换届，选举产生支委5人",
            "party-branch-secretary | 修订了议事规则这些制度，一共4项 | 修订议事规则等制度，共4项",
            "party-branch-secretary | 评了3名优秀共产党员 | 评选优秀共产党员3名",
            "party-branch-secretary | 年初就制定了党建工作要点和责任清单 | 年初即制定党建工作要点和责任清单",
            "party-branch-secretary | 开了3次党风廉政建设专题会，跟支委和党小组长签了8份责任书 | 召开党风廉政建设专题会3次，与支委和党小组长签订责任书8份",
            "party-branch-secretary | 组织大家看了4次警示教育片 | 组织党员观看警示教育片4次",
            "party-branch-secretary | 剖析了身边的典型案例6个，搞了2场以案促改专题讨论，参加党员150人次 | 剖析身边的典型案例6个，开展以案促改专题讨论2场，参加党员150人次",
            "party-branch-secretary | 围绕全市基层医疗服务能力提升这个重点任务，我们组建了3支党员突击队 | 围绕全市基层医疗服务能力提升这一重点任务，组建党员突击队3支",
            "party-branch-secretary | 牵头攻坚项目5项，处室全年目标任务都完成了 | 牵头攻坚项目5项，处室全年目标任务均已完成",
            "party-branch-secretary | 下基层调研走访12次，收集意见建议20条 | 深入基层调研走访12次，收集意见建议20条",
            "party-branch-secretary | 支部被评为委机关“先进基层党组织”，经验做法上了上级简报2篇 | 支部被评为委机关“先进基层党组织”，经验做法被上级简报刊发2篇",
            "party-branch-secretary | 学习不够深入，有的党员开会光念稿子，结合岗位谈得少 | 学习不够深入，个别党员在会上照本宣科，结合岗位谈得较少",
            "party-branch-secretary | 学习形式比较单一，主要还是读文件，年轻党员觉得没意思 | 学习形式较为单一，主要还是读文件，年轻党员兴趣不高",
            "party-branch-secretary | 组织生活会上大家批评别人的时候不太好意思，说的多是工作建议，点问题不够直接 | 组织生活会上党员批评他人时有所顾虑，所谈多为工作建议，点问题不够直接",
            "party-branch-secretary | 我对支委一岗双责的督促主要靠年底考核，平时跟得不紧 | 本人对支委“一岗双责”的督促主要依靠年底考核，日常跟进不够紧密",
            "party-branch-secretary | 明年每月搞一次专题研讨，力争党课讲6次 | 每月开展一次专题研讨，力争讲授党课6次",
            "party-branch-secretary | 搞一些案例教学和现场教学，让年轻党员多上台发言 | 开展案例教学和现场教学，引导年轻党员多上台发言",
            "party-branch-secretary | 组织生活会之前先开展谈心谈话，把批评意见提前沟通好 | 组织生活会之前先开展谈心谈话，把批评意见提前沟通到位",
            "party-branch-secretary | 我们支部今年一共开了4次支部党员大会 | 全年共召开支部党员大会4次",
            "party-branch-secretary | 我带着大家去敬老院搞了志愿服务 | 本人带领党员赴敬老院开展志愿服务",
            "party-branch-secretary | 然后我们还搞了个知识竞赛，有50多人参加 | 开展知识竞赛，共50多人参加",
            "party-branch-secretary | “三会一课”都是按时开的 | “三会一课”均按时召开",
            "party-branch-secretary | 给困难党员送了慰问金3000元 | 为困难党员送去慰问金3000元",
            "party-branch-secretary | 每个季度都搞一次主题党日 | 每季度均开展一次主题党日",
            "party-branch-secretary | 我们党的宗旨是全心全意为人民服务 | 我们党的宗旨是全心全意为人民服务",
            "party-branch-secretary | 严格执行中央八项规定及其实施细则精神 | 严格执行中央八项规定及其实施细则精神",
            "party-branch-secretary | 学习了《中国共产党纪律处分条例》，一共搞了3次专题研讨 | 学习《中国共产党纪律处分条例》，共开展专题研讨3次",
            "personal-annual | 今年我参加局党组理论学习中心组学习12次，发言4次 | 本人全年参加局党组理论学习中心组学习12次，发言4次",
            "personal-annual | 自己还读了《习近平谈治国理政》第五卷，写了3篇心得 | 本人研读《习近平谈治国理政》第五卷，撰写心得体会3篇",
            "personal-annual | 上级的部署我们处都是第一时间传达，没有打折扣 | 上级决策部署本处均在第一时间传达，未打折扣",
            "personal-annual | 意识形态责任制这块我每半年专门研究一次 | 意识形态责任制方面本人每半年专题研究一次",
            "personal-annual | 牵头搞了部门预算绩效评价，评了42个项目 | 牵头开展部门预算绩效评价，评价项目42个",
            "personal-annual | 零基预算改革是今年的重点，我们在12个部门搞了试点 | 零基预算改革是年度重点，在12个部门开展试点",
            "personal-annual | 推动预算管理一体化系统上线，预算批复时间比去年少了一半 | 推动预算管理一体化系统上线，预算批复时间较上年减少一半",
            "personal-annual | 处里被评为全市财政系统先进集体，我个人年度考核是优秀 | 本处被评为全市财政系统先进集体，本人年度考核被评定为优秀",
            "personal-annual | 严格执行八项规定，没有收过礼，也没有违规吃请 | 严格执行八项规定，未收受礼品礼金，未违规吃请",
            "personal-annual | 对新情况研究不够，零基预算改革推得有点慢，有2个部门到年底还没完成 | 对新情况研究不够，零基预算改革推进偏慢，有2个部门到年底尚未完成",
            "personal-annual | 有时候管得不够严，对个别同志的问题批评不够及时 | 有时管理不够严格，对个别同志的问题批评不够及时",
            "personal-annual | 明年把零基预算改革推到全部部门，力争预算执行率达到95%以上 | 把零基预算改革推广至全部部门，力争预算执行率达到95%以上",
            "annual-work-summary | 今年门诊量一共是52万多人次，比去年多了8% | 全年门诊量共52万多人次，较上年增加8%",
            "annual-work-summary | 住院病人2万多人次，手术做了6800台 | 住院患者2万多人次，完成手术6800台",
            "annual-work-summary | 我们搞了预约诊疗，病人平均等候时间少了20分钟 | 开展预约诊疗，患者平均等候时间减少20分钟",
            "annual-work-summary | 全年开展安全检查12次，整改隐患56处，没出过安全事故 | 全年开展安全检查12次，整改隐患56处，未发生安全事故",
            "annual-work-summary | 引进了硕士研究生15名，送出去进修28人 | 引进硕士研究生15名，选派进修28人",
            "annual-work-summary | 绩效考核还比较粗，奖金分配上大家有意见 | 绩效考核还不够精细，奖金分配上干部职工意见较多",
            "annual-work-summary | 我们局今年办了9件实事 | 我局全年办实事9件",
            "accountability-integrity | 今年党组开了4次全面从严治党专题会，研究了12个事项 | 全年党组召开全面从严治党专题会4次，研究事项12个",
            "accountability-integrity | 三重一大事项都是集体研究的，全年上会研究28项 | “三重一大”事项均经集体研究，全年上会研究28项",
            "accountability-integrity | 审计发现的问题9个，已经整改了8个，还有1个在推进 | 审计发现的问题9个，已整改8个，其余1个正在推进",
            "accountability-integrity | 会议比去年少了20%，发文少了15% | 会议较上年减少20%，发文减少15%",
            "accountability-integrity | 重大事项都按规定向市委请示报告 | 重大事项均按规定向市委请示报告",
            "accountability-integrity | 我爱人和孩子都没有在水务系统经商办企业 | 本人配偶和子女均未在水务系统经商办企业",
            "accountability-integrity | 工程招投标我从来不打招呼 | 工程招投标本人从不打招呼",
            "accountability-integrity | 和班子成员、科室负责人签了责任书23份 | 与班子成员、科室负责人签订责任书23份",
            "personal-annual | 力争再引进2个亿元以上项目，推动十五五开局起好步 | 力争再引进2个亿元以上项目，推动“十五五”开局起好步",
            "personal-annual | 围绕“十五五”规划开局 | 围绕“十五五”规划开局",
            "party-branch-secretary | 读书分享会这个搞了，全年4次 | 读书分享会已开展，全年4次",
            "party-branch-secretary | 红色网格弄了，12个网格 | 红色网格已开展，12个网格",
            // a run of nouns keeps its measure or suffix word: no number inside 警示片
            "accountability-integrity | 带着班子成员看了两次警示片 | 带领班子成员观看警示片两次",
            "party-branch-secretary | 组织大家看了2次廉政警示片 | 组织党员观看廉政警示片2次",
            "annual-work-summary | 组织干部职工看了3次警示片 | 组织干部职工观看警示片3次",
            // word swaps that must not break a name or a sense: 发改率, 都要有点 (a site), 今年 before an event, 我们庭, 每个人
            "personal-annual | 发改率压到了2.1% | 发改率压到2.1%",
            "personal-annual | 全县14个乡镇都要有点 | 全县14个乡镇均要有点",
            "personal-annual | 庭里一个书记员今年评上了优秀书记员 | 庭里一个书记员本年度评上了优秀书记员",
            "personal-annual | 我们庭今年收案1486件 | 本庭全年收案1486件",
            "personal-annual | 跟每个人都谈了好几回 | 与每人都谈好几回",
            "personal-annual | 三个规定按要求来 | 三个规定严格按要求落实",
            "annual-work-summary | 搞了个“电管家”微信群 | 建立“电管家”微信群",
            "annual-work-summary | 搞个定期约谈制度 | 建立定期约谈制度",
            // 是 opening a clause, a bare 的 or 了 ending one
            "party-branch-secretary | 发展党员1名，是所里一个年轻的台区经理 | 发展党员1名，为所里一个年轻的台区经理",
            "annual-work-summary | 乡镇队伍大多是兼职的 | 乡镇队伍大多为兼职",
            "accountability-integrity | 处理了3个医生，收受药商宴请的 | 处理医生3个，收受药商宴请",
            "party-branch-secretary | 连着抢了三天，全部复电了 | 连着抢三天，全部复电",
            // an amount of money said in 万 or 亿 is in 元; other things counted in 万 keep their unit
            "personal-annual | 送审金额5.4个亿，审减4,100多万 | 送审金额5.4亿元，审减4,100多万元",
            "accountability-integrity | 涉及金额860来万 | 涉及金额860余万元",
            "annual-work-summary | 签约1.68万人，外借图书18.6万册次 | 签约1.68万人，外借图书18.6万册次",
            "annual-work-summary | 经费1380万元 | 经费1380万元",
            // money by what is done with it; a unit written apart from the amount is not money
            "party-branch-secretary | 农资销售3.46亿 | 农资销售3.46亿元",
            "personal-annual | 帮退役军人贷了620万 | 帮退役军人贷620万元",
            "party-branch-secretary | 全年售电量3.2亿千瓦时 | 全年售电量3.2亿千瓦时",
            // 没收 is 没 + 收 after the one who refused, not "to confiscate"
            "personal-annual | 有个企业老板想给我送酒，我没收 | 有个企业老板想给本人送酒，本人未收受",
            // a verb said again after its object, before a figure
            "personal-annual | 在村里开庭开了29场 | 在村里开庭29场",
            "party-branch-secretary | 上门给独居老人查线路查了30多次 | 上门给独居老人查线路30多次",
            "accountability-integrity | 对班子成员谈话谈了30多人次 | 对班子成员谈话30多人次",
            "party-branch-secretary | 排队排到路口 | 排队排到路口",
            // shortfalls said as speech
            "personal-annual | 国土空间规划方面还是半吊子 | 国土空间规划方面还不够精通",
            "personal-annual | 卫片那12个拖着没结 | 卫片12个久拖未结",
            "annual-work-summary | 执法手段硬不起来 | 执法手段不够有力",
            "annual-work-summary | 监测预警还靠人盯 | 监测预警还依靠人工值守",
            "party-branch-secretary | 支部活动人老是凑不齐 | 支部活动人经常难以到齐",
            "party-branch-secretary | 党员里45岁以上的占一大半 | 党员里45岁以上的超过半数",
            // time, degree and people said as speech
            "personal-annual | 夏天防溺水那段时间天天盯 | 夏天防溺水期间每日盯守",
            "personal-annual | 廉洁方面按要求来 | 廉洁方面严格按要求落实",
            "party-branch-secretary | 收费是大头 | 收费是工作重点",
            "personal-annual | 与科室的人谈心谈了20多次 | 与科室人员开展谈心谈话20多次",
            "annual-work-summary | 全年总体还行 | 全年总体平稳",
            "annual-work-summary | 队伍不太稳 | 队伍不够稳",
            "party-branch-secretary | “三会一课”正常开 | “三会一课”正常召开",
            "party-branch-secretary | 医德医风主动发现的少 | 医德医风主动发现较少",
            "annual-work-summary | 弄个县级应急指挥中心 | 建立县级应急指挥中心",
            // 都 → 均 only where 均 does not read with the word before (人均)
            "annual-work-summary | 家里人都在外地上班 | 家里人都在外地上班",
            "annual-work-summary | 局里人都在跑项目 | 局机关人员均在跑项目",
            "annual-work-summary | 村里人都在外地 | 村里人都在外地",
            "annual-work-summary | 隐患都在整改 | 隐患均在整改",
            "accountability-integrity | 我给村干部讲了3次廉政党课 | 本人为村干部讲授廉政党课3次",
            // 自己 is the writer only where the writer is the subject
            "accountability-integrity | 有些股室负责人觉得廉政是纪检组的事，和自己关系不大 | 部分股室负责人认为廉政是纪检组的职责，与自己关系不大",
            "accountability-integrity | 自己也带头讲了1次党课 | 本人带头讲授党课1次",
            // plans
            "annual-work-summary | 乡镇文化站这块要管起来 | 加强乡镇文化站管理",
            "accountability-integrity | 治超执法这块要抓起来 | 抓好治超执法",
            "annual-work-summary | 把智慧旅游平台搞上去 | 推进智慧旅游平台建设",
            "annual-work-summary | 把服务质量搞上去 | 提升服务质量",
            "annual-work-summary | 建个景区安全巡查制度 | 建立景区安全巡查制度",
            "accountability-integrity | 社区小微权力清单要建成 | 建成社区小微权力清单",
            "accountability-integrity | 廉政风险防控手册要建成 | 建成廉政风险防控手册",
            // achievements said as spoken
            "accountability-integrity | 信访件全年收到23件，没有一件超期的 | 信访件全年收到23件，未出现超期情况",
            "annual-work-summary | 旅游投诉58件，没有一起超时办理的 | 旅游投诉58件，未出现超时办理情况",
            "accountability-integrity | 到市廉政教育基地去了1次 | 赴市廉政教育基地1次",
            "accountability-integrity | 个人有关事项按时报告了 | 个人有关事项按时报告",
            "personal-annual | 个人有关事项按时报了 | 个人有关事项按时报告",
            "personal-annual | 没有一个脱管漏管的，也没有重新犯罪的 | 未出现脱管漏管情况，未出现重新犯罪情况",
            "personal-annual | 八项规定严格执行，没收过礼 | 八项规定严格执行，未收受礼品礼金",
            "personal-annual | 有个家属想请我吃饭，我推了 | 有个家属想请本人吃饭，本人婉拒",
            "accountability-integrity | 过年有老下属送东西，都退回去了 | 过年有老下属送来东西，均予以退回",
            "party-branch-secretary | 每个人都发了言 | 每人均发言",
            "annual-work-summary | 经营收入基本靠政府购买服务，今年自己经营才380万 | 经营收入基本靠政府购买服务，全年自己经营仅380万",
            "personal-annual | 笔记记了两万多字 | 笔记记两万多字",
            "annual-work-summary | APP上开了个“民生热线”板块 | APP上开设“民生热线”板块",
            "annual-work-summary | 办了期“青年记者训练营” | 举办“青年记者训练营”",
            "annual-work-summary | 拿了省好新闻奖二等奖1个 | 获得省好新闻奖二等奖1个",
            "accountability-integrity | 我现在用的15.6平，公车没私用过 | 本人实际使用15.6平，未公车私用",
            "accountability-integrity | 全县敬老院每个至少跑一遍 | 全县敬老院逐一实地走访",
            "accountability-integrity | 殡葬服务收费来个专项整治 | 开展殡葬服务收费专项整治",
            "accountability-integrity | 把权力清单晒出来 | 把权力清单公开",
            "accountability-integrity | 殡葬领域排查不深，公墓那块还没摸透 | 殡葬领域排查不深，公墓方面尚未摸透",
            "party-branch-secretary | 暑假送了4个党员老师去省委教育工委那边参加培训 | 暑假选派党员老师4个赴省委教育工委参加培训",
            "personal-annual | 去年报告里我写的是“深化‘法律明白人’培养工程”，这些今年接着做了 | 去年确定的“深化‘法律明白人’培养工程”，本年度持续推进",
            "accountability-integrity | 没插手工程招投标的事 | 未插手工程招投标",
            "annual-work-summary | 那次国庆前的景区安全大检查，查出隐患26处 | 国庆前的景区安全大检查，查出隐患26处",
            "personal-annual | 建一个取用水在线监测平台 | 建立取用水在线监测平台",
            "annual-work-summary | 全年主要是开展老旧小区改造、垃圾分类、养老服务这几块 | 全年主要开展老旧小区改造、垃圾分类、养老服务等方面工作",
            "accountability-integrity | 亲属没有在交通系统做生意 | 亲属未在交通系统经商办企业",
            "accountability-integrity | 亲属没有在交通系统做工程 | 亲属未在交通系统承揽工程",
            "annual-work-summary | 当场整改了19处，剩下的限期整改了 | 当场整改19处，其余限期整改",
            "annual-work-summary | 好几个乡镇文化站都没开放 | 多个乡镇文化站均未开放",
            "accountability-integrity | 和14个股室签了责任书 | 与14个股室签订责任书"})
    void writersWords_becomeTheReportsWords(String kind, String said, String written) {
        assertThat(DRAFT_LEXICON.register(kind).rewrite(said)).isEqualTo(written);
        assertThat(figures(written)).as("figures").isEqualTo(figures(said));
    }

    @Test
    void fixedTermsAndQuotedTitles_areNeverReachedInto() {
        FormalRewriter r = DRAFT_LEXICON.register("party-branch-secretary");
        assertThat(r.rewrite("严格执行中央八项规定及其实施细则精神")).isEqualTo("严格执行中央八项规定及其实施细则精神");
        assertThat(r.rewrite("学习了《搞好基层党建的几点体会》")).isEqualTo("学习《搞好基层党建的几点体会》");
        assertThat(r.rewrite("开展“我们身边的好党员”评选")).isEqualTo("开展“我们身边的好党员”评选");
        assertThat(r.rewrite("实事求是地查摆问题")).isEqualTo("实事求是地查摆问题");
    }

    @Test
    void aRuleThatWouldLoseAFigure_leavesTheClauseAsSaid() {
        List<Rule> careless = WordRules.parse("test.tsv", "一共 #Q\t共计\n搞\t开展\n");
        FormalRewriter r = new FormalRewriter(careless, DRAFT_LEXICON.words());
        // the first clause would lose "36册": it stays as the writer said it; the second is rewritten
        assertThat(r.rewrite("一共36册，搞活动")).isEqualTo("一共36册，开展活动");
    }

    @Test
    void eachKindHasItsRegister_andUnknownKindsTheCommonOne() {
        assertThat(DRAFT_LEXICON.register("party-branch-secretary").rewrite("组织大家学习")).isEqualTo("组织党员学习");
        assertThat(DRAFT_LEXICON.register("annual-work-summary").rewrite("组织大家学习")).isEqualTo("组织干部职工学习");
        assertThat(DRAFT_LEXICON.register("accountability-integrity").rewrite("组织大家学习")).isEqualTo("组织党员干部学习");
        assertThat(DRAFT_LEXICON.register("no-such-kind").rewrite("我带头讲党课")).isEqualTo("本人带头讲授党课");
        assertThat(DRAFT_LEXICON.register(null).rewrite("我院开展义诊")).isEqualTo("我院开展义诊");
    }

    @Test
    void ruleFiles_loadAndCarryNoDigits() {
        assertThat(DRAFT_LEXICON.commonRules().size()).isGreaterThanOrEqualTo(100);
        for (String kind : List.of("party-branch-secretary", "personal-annual", "annual-work-summary", "accountability-integrity")) {
            assertThat(DRAFT_LEXICON.register(kind).size()).as(kind)
                    .isGreaterThan(DRAFT_LEXICON.commonRules().size() + DRAFT_LEXICON.fillerRules().size());
        }
        assertThatThrownBy(() -> WordRules.parse("bad.tsv", "搞\t开展3次\n")).hasMessageContaining("bad.tsv:1")
                .hasMessageContaining("no digits");
        assertThatThrownBy(() -> WordRules.parse("bad.tsv", "搞 了\t$3\n")).hasMessageContaining("bad.tsv:1")
                .hasMessageContaining("$3 names no element");
        assertThatThrownBy(() -> WordRules.parse("bad.tsv", "搞\t开展\tsoon:了\n")).hasMessageContaining("unknown condition");
    }

    private static final Pattern FIGURE = Pattern.compile("[0-9]+(?:\\.[0-9]+)?%?");

    private static List<String> figures(String text) {
        Matcher m = FIGURE.matcher(text);
        return m.results().map(r -> r.group()).sorted().toList();
    }
}
