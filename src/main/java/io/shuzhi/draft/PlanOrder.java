package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each 下步举措 should answer a 存在问题: which plan answers which problem, and which plan section answers which area of
 * problems. Plans and problems are compared by the content words they share (nouns, verbs, adjectives of two
 * characters or more, the genre's all-purpose words left out); areas by the keywords of their topics, then by
 * position (the kinds list problems and plans in the same order).
 */
public final class PlanOrder {
    /** Words every plan and problem has: they say nothing about which problem a plan answers. */
    private static final Set<String> COMMON = Set.of("开展", "加强", "进一步", "工作", "问题", "方面", "情况", "不够", "存在",
            "党员", "支部", "本人", "推动", "推进", "落实", "坚持", "做好", "提高", "提升", "增强", "力争", "全年", "每月",
            "组织", "有所", "较为", "个别", "部分", "干部职工", "党员干部", "本单位", "不足", "还");

    private final Words words;
    private final ItemComposer composer;

    /** Compares plans and problems by the words {@code words} cuts from the clauses {@code composer} writes. */
    PlanOrder(Words words, ItemComposer composer) {
        this.words = words;
        this.composer = composer;
    }

    /** The plans, those answering a problem first in the problems' order, the rest after in the writer's order. */
    public List<Fact> answering(List<Fact> plans, List<Fact> problems, String kindId) {
        if (plans.size() < 2 || problems.isEmpty()) return plans;
        List<Set<String>> problemWords = problems.stream().map(p -> words(p, kindId)).toList();
        List<Integer> answers = new ArrayList<>();
        for (Fact plan : plans) {
            Set<String> w = words(plan, kindId);
            int best = Integer.MAX_VALUE;
            int bestScore = 0;
            for (int i = 0; i < problemWords.size(); i++) {
                Set<String> shared = new HashSet<>(w);
                shared.retainAll(problemWords.get(i));
                if (shared.size() > bestScore) {
                    bestScore = shared.size();
                    best = i;
                }
            }
            answers.add(best);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(answers::get)); // stable: the writer's order among equals
        return order.stream().map(plans::get).toList();
    }

    /**
     * For each problem topic, the ref of the plan section that answers its area: the section whose topics share the
     * most keywords with it; with none shared, or a tie, the section at the same position.
     */
    public static Map<TopicSpec, String> sectionFor(ReportKind kind, List<TopicSpec> issueTopics) {
        Map<TopicSpec, String> out = new LinkedHashMap<>();
        PartSpec plan = kind.parts().stream().filter(p -> p.style() == ReportKind.Style.PLAN)
                .reduce((a, b) -> b).orElse(null);
        if (plan == null || plan.sections().isEmpty()) return out;
        List<SectionSpec> sections = plan.sections();
        for (int i = 0; i < issueTopics.size(); i++) {
            TopicSpec issue = issueTopics.get(i);
            int position = Math.min(i, sections.size() - 1);
            int best = position;
            int bestScore = shared(issue, sections.get(position));
            for (int s = 0; s < sections.size(); s++) {
                int score = shared(issue, sections.get(s));
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
            out.put(issue, sections.get(best).ref());
        }
        return out;
    }

    private static int shared(TopicSpec issue, SectionSpec section) {
        Set<String> words = new HashSet<>(issue.keywords());
        Set<String> theirs = new HashSet<>();
        section.topics().forEach(t -> theirs.addAll(t.keywords()));
        words.retainAll(theirs);
        return words.size();
    }

    private Set<String> words(Fact fact, String kindId) {
        Set<String> out = new HashSet<>();
        for (Words.Token t : words.of(composer.clause(fact, kindId))) {
            String n = t.nature();
            boolean content = n.startsWith("n") || n.startsWith("v") || n.startsWith("a");
            if (t.kind() == Words.Kind.WORD && content && t.text().length() >= 2 && !COMMON.contains(t.text())) {
                out.add(t.text());
            }
        }
        return out;
    }
}
