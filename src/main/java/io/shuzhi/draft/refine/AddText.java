package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.unchanged;

import io.shuzhi.draft.BodyText;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** "在组织建设里加一条：发展新党员2名": the writer's text as the next item of a section (or at an item's end). */
final class AddText implements Edit {
    /** "加一条：…", "补上…": an add verb whatever follows. */
    static final Pattern STRONG = Pattern.compile(
            "(?:再)?(?:加|增加|添加|新增|增补|添|补)上?(?:一条|一项|一句话|一句|一点|一段)[：:]?|加上|补上|写上|添上");
    /** "补充：…": an add only when a place is named too (else it is an interview answer). */
    static final Pattern WEAK = Pattern.compile("(?:补充|增加|添加|加)[：:]");

    private final DraftingRules rules;
    private final NumberParser numbers;

    /** Adds text as the drafter's {@code rules} write a fact, numbers in digits as {@code numbers} reads them. */
    AddText(DraftingRules rules, NumberParser numbers) {
        this.rules = rules;
        this.numbers = numbers;
    }

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return add(draft, r);
    }

    private Outcome add(Draft draft, Refinement r) {
        Target t = r.target();
        String text = r.argument() == null ? "" : clean(r.argument(), draft.kind());
        if (text.isEmpty()) return unchanged(draft, "没有要添加的内容。请这样说：“在组织建设里加一条：发展新党员2名”。");
        if (t.scope() == Scope.WHOLE || t.scope() == Scope.TITLE
                || t.scope() == Scope.PART && draft.section(t.ref() + ".1").isPresent()) {
            return unchanged(draft, "请说明加在哪一节，比如“在第一部分第二节加一条：" + text + "”。");
        }
        int i = Places.indices(draft, t).get(0);
        Section s = draft.sections().get(i);
        String body;
        if (t.scope() == Scope.OPENING) {
            int end = s.body().lastIndexOf(DraftingRules.OPENING_END);
            body = end < 0 ? s.body() + text + "。" : s.body().substring(0, end) + text + "。" + s.body().substring(end);
        } else if (t.scope() == Scope.ITEM) {
            List<String> items = new ArrayList<>(BodyText.items(s.body()));
            items.set(t.item() - 1, items.get(t.item() - 1) + text + "。");
            body = BodyText.joinItems(BodyText.preamble(s.body()), items);
        } else {
            int n = BodyText.itemCount(s.body());
            body = n == 0 ? s.body() + text + "。" : s.body() + DraftingRules.itemOrdinal(n + 1) + text + "。";
        }
        List<Section> next = new ArrayList<>(draft.sections());
        next.set(i, s.withBody(DraftingRules.tidy(body)));
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                "已在" + Places.describe(draft, t) + "加上：" + text + "。", List.of(text));
    }

    /**
     * The writer's text as a draft of {@code kindId} writes it: numbers in Arabic digits, list markers gone, full-width
     * marks, the spoken words in the kind's register.
     */
    String clean(String text, String kindId) {
        String arabic = numbers.toArabic(text.strip());
        return rules.clause(new Fact("refine", "refine", arabic, List.of(), null, Fact.Origin.WRITER), kindId);
    }
}
