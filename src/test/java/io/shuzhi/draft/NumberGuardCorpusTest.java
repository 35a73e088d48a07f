package io.shuzhi.draft;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The number guard measured as a table (see {@code docs/llm.md}): on clean prose in the genre's register — fixed
 * terms, ordinals, non-quantities, idioms with numerals, no figure to guard — it must flag nothing (false alarms per
 * 1,000 characters: goal 0); on sentences with invented figures (Arabic, Chinese numerals, 百分之…, 近百, 翻一番,
 * 三成, 1.5倍) it must catch every one (goal 100%); the writer's own figures, however written, pass. The sentences
 * are our own wording.
 */
class NumberGuardCorpusTest {
    private static final NumberGuard GUARD = new NumberGuard(NUMBERS);

    /** The writer's facts every row is checked against. */
    static final List<Fact> FACTS = List.of(
            fact("全年开展研讨交流24次，购买发放学习书籍120册"),
            fact("召开支部党员大会6次、支委会14次"),
            fact("发展新党员2名，党员参学率98%"),
            fact("投入党建经费3.5万元"));

    /** Real-register prose with no figure to guard. */
    static final List<String> CLEAN = List.of(
            "支部坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，推动理论学习往深里走、往实里走。",
            "严格落实“第一议题”制度，支委会第一时间传达学习习近平总书记重要讲话和重要指示批示精神。",
            "认真执行“三会一课”制度，组织生活的规范化水平进一步提高。",
            "班子成员严格落实“一岗双责”，把管党治党责任同业务工作一起部署、一起检查、一起考核。",
            "引导党员深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            "持续纠治“四风”，驰而不息落实中央八项规定及其实施细则精神。",
            "立足“十五五”开局起步，提前谋划明年的重点工作。",
            "围绕“十四五”规划收官，推动各项任务落地见效。",
            "一是理论武装的深度还需进一步拓展。二是组织生活的质量还需进一步提升。三是责任落实的闭环管理尚未完全形成。",
            "（一）聚焦理论武装，夯实思想政治根基。（二）严密组织体系，增强支部凝聚力。",
            "第一，抓好学习；第二，抓好落实；第三，抓好督查。",
            "支部打造了一批党员先锋岗，涌现出一批业务骨干。",
            "深入一线开展调研，帮助基层解决了一些急难愁盼问题。",
            "推动党建和业务深度融合、一体推进，坚持一个标准抓到底。",
            "个别党员对自身要求有所放松，一些同志满足于完成任务。",
            "把每一名党员都纳入组织管理，做到一个不落、一个不少。",
            "书记带头讲党课，支委轮流讲党课，党员人人上讲台。",
            "坚持统一思想、统一行动，形成上下一心、齐抓共管的工作格局。",
            "一方面加强日常教育，另一方面严格监督管理。",
            "以“三个区分开来”激励干部担当作为，为敢于担当者撑腰鼓劲。",
            "深化“一支部一品牌”创建，擦亮支部特色品牌。",
            "开展“一对一”谈心谈话，及时掌握党员思想动态。",
            "年初制定学习计划，年中开展督促检查，年底进行考核评议。",
            "深入学习贯彻党的二十大和二十届三中全会精神，把学习成果转化为推动工作的实际成效。",
            "把党的政治建设摆在首位，一以贯之抓好党建工作。",
            "支部一班人团结协作，心往一处想、劲往一处使。",
            "同时，把问题整改作为一项重要任务，这是一次深刻的思想洗礼。",
            "支部工作取得了一定成效，但与上级要求相比还有一定差距。",
            "深刻汲取身边典型案例教训，做到以案为鉴、以案促改。",
            "千方百计为群众办实事，一心一意谋发展，一张蓝图绘到底。",
            "坚持“两手抓、两手都要硬”，推动党建与业务同频共振。",
            "重大事项均经集体研究决定，带头执行民主集中制。",
            "个别年轻党员参加活动的积极性不高，少数同志学用结合不够紧密。",
            "在学懂弄通做实上下功夫，做到学思用贯通、知信行统一。",
            "部分党员把学习当作任务，存在“一阵风”现象。",
            "对支委的督促检查主要靠年终考核，平时跟进不够，压力传导存在层层递减。",
            "下一步，支部将以更高标准、更严要求推动各项工作再上新台阶。",
            "坚持问题导向，把每一项举措都落到实处。",
            "组织党员到红色教育基地开展现场教学，接受了一次生动的党性教育。",
            "全面推行“一线工作法”，把调研成果转化为解决问题的实招。",
            "牢记“三个务必”，始终保持赶考的清醒和坚定。",
            "推动主题党日与业务工作同安排、同推进，实现两促进、两提高。",
            // 上百/上千 are vague, not counts (prompts/fixed-terms.txt); 近百 is a figure
            "走访困难群众上百户，倾听意见建议。",
            "一体推进不敢腐、不能腐、不想腐，巩固拓展“三不腐”成果。",
            "其一，学习的系统性不够；其二，研讨的针对性不强。",
            "首先要把思想统一到上级部署上来，其次要把责任压实到每个岗位。",
            "把“一岗双责”落到实处，做到守土有责、守土负责、守土尽责。",
            "运用监督执纪“四种形态”，抓早抓小、防微杜渐。",
            "持续擦亮“一名党员一面旗帜”的鲜明底色。",
            "发挥党支部战斗堡垒作用和党员先锋模范作用，以一域之光为全局添彩。",
            "把全面从严治党同业务工作一起谋划、一起推进，防止“两张皮”。",
            "第一责任人的职责履行得还不够到位。",
            "个别同志存在“差不多”思想，工作标准有待提高。",
            "按照“三重一大”决策制度要求，重大事项集体研究。",
            "深入开展“我为群众办实事”实践活动，解决了一批群众反映强烈的问题。",
            "全年没有发生违纪违法问题，支部风清气正的良好生态进一步巩固。",
            "今后，本人将以更加饱满的精神状态，带领支部一班人奋力开创党建工作新局面。",
            "作为一名党支部书记，本人始终把抓好党建作为最大的政绩。",
            "组织开展了一次全面的自查，对照检查材料逐条整改。");

    /** An invented figure in each: none of these is a writer's quantity. */
    static final List<String> INVENTED = List.of(
            "全年共开展主题党日活动12次。",
            "组织党员志愿服务三十余场。",
            "党员参学率达到百分之九十五。",
            "累计服务群众近百人次。",
            "办件效率较上年翻一番。",
            "群众满意度提高了三成。",
            "审批时限压缩了1.5倍。",
            "全年发展新党员三名。",
            "开展谈心谈话一百二十次。",
            "党员撰写心得体会45篇。",
            "理论学习覆盖党员干部87%。",
            "收集意见建议十余条。",
            "为群众办理实事5件。",
            "举办专题培训班三期。",
            "节约经费3.6万元。",
            "讲授专题党课2次。",
            "开展警示教育两次。",
            "组织专题研讨二十次以上。",
            "签订责任书28份。",
            "开展一次专题研讨。",
            "走访困难群众近千户。");

    /** The writer's figures, in other forms: nothing to flag. */
    static final List<String> SOURCED = List.of(
            "开展研讨交流二十四次，购买发放学习书籍120本。",
            "召开支部党员大会六次、支委会十四次。",
            "发展新党员两名，党员参学率达到百分之九十八。",
            "投入党建经费35000元。",
            "全年研讨交流24次。");

    static Fact fact(String text) {
        return new Fact("f-" + text.hashCode(), "study", text, NUMBERS.findAll(text), "m-1", Fact.Origin.WRITER);
    }

    /** Each flagged number with its sentence. */
    static List<String> falseAlarms(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            for (String f : GUARD.check(s, FACTS).flagged()) out.add(f + " in " + s);
        }
        return out;
    }

    static int chars(List<String> sentences) {
        return sentences.stream().mapToInt(String::length).sum();
    }

    @Test
    void cleanProse_noFalseAlarms() {
        List<String> alarms = falseAlarms(CLEAN);
        System.out.printf("number guard, clean prose: %d false alarm(s) over %d characters (%.2f per 1,000)%n",
                alarms.size(), chars(CLEAN), alarms.size() * 1000.0 / chars(CLEAN));
        assertThat(alarms).isEmpty();
    }

    @Test
    void inventedFigures_allCaught() {
        List<String> missed = new ArrayList<>();
        for (String s : INVENTED) {
            var r = GUARD.check(s, FACTS);
            if (r.flagged().isEmpty()) missed.add(s);
            else assertThat(r.text()).as(s).contains("【待核实：原文“");
        }
        System.out.printf("number guard, invented figures: %d of %d caught%n", INVENTED.size() - missed.size(),
                INVENTED.size());
        assertThat(missed).isEmpty();
    }

    @Test
    void writersFigures_inAnyForm_pass() {
        assertThat(falseAlarms(SOURCED)).isEmpty();
    }

    /**
     * The sample report of {@code /work/shared/samples} when it is there (it is not part of the repository): its
     * sentences with their masked figures (**) taken out, checked with no facts at all.
     */
    @Test
    void sampleReport_withMaskedFiguresRemoved_noFalseAlarms() throws Exception {
        Path sample = Path.of("/work/shared/samples/party-branch-secretary-2022.txt");
        Assumptions.assumeTrue(Files.isReadable(sample), "sample report not on this machine");
        List<String> clauses = new ArrayList<>();
        for (String clause : Files.readString(sample, StandardCharsets.UTF_8).split("(?<=[。；，：！？\\n])")) {
            // A clause that carried a masked figure goes whole: what is left of it is not prose.
            if (!clause.contains("*") && !clause.isBlank()) clauses.add(clause.strip());
        }
        List<String> alarms = new ArrayList<>();
        for (String c : clauses) for (String f : GUARD.check(c, List.of()).flagged()) alarms.add(f + " in " + c);
        System.out.printf("number guard, sample report without its masked figures: %d false alarm(s) over %d characters"
                + " (%.2f per 1,000)%n", alarms.size(), chars(clauses), alarms.size() * 1000.0 / chars(clauses));
        assertThat(alarms).isEmpty();
    }
}
