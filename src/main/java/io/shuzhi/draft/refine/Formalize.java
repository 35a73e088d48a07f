package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.NEEDS_MODEL;
import static io.shuzhi.draft.refine.OfflineRefiner.unchanged;

import io.shuzhi.draft.BodyText;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** "语气再正式一点": colloquial phrases replaced by the formal-phrase table, then the kind's wording rules. */
final class Formalize implements Edit {
    /** The words that ask for it. */
    static final Pattern WORDS = Pattern.compile(
            "正式一?[些点]|更正式|再正式|正式化|不够正式|太口语|口语化|去口语|公文化|公文[味腔风]|书面[化语]|书面一?[些点]|"
                    + "更严肃|严肃一?[些点]|再严肃|庄重|规范一?[些点]|更规范|再规范|官方一?[些点]|大白话|太随意");

    private final FormalPhrases phrases;

    Formalize(FormalPhrases phrases) {
        this.phrases = phrases;
    }

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return formalize(draft, r.target());
    }

    private Outcome formalize(Draft draft, Target t) {
        List<Section> next = new ArrayList<>(draft.sections());
        int count = 0;
        for (int i : Places.indices(draft, t)) {
            Section s = draft.sections().get(i);
            String heading = s.heading();
            String body = s.body();
            if (t.scope() == Scope.ITEM) {
                List<String> items = new ArrayList<>(BodyText.items(body));
                FormalPhrases.Applied a = phrases.apply(items.get(t.item() - 1), draft.kind());
                items.set(t.item() - 1, a.text());
                body = BodyText.joinItems(BodyText.preamble(body), items);
                count += a.count();
            } else {
                FormalPhrases.Applied h = phrases.apply(heading, draft.kind());
                FormalPhrases.Applied b = phrases.apply(body, draft.kind());
                heading = h.text();
                body = b.text();
                count += h.count() + b.count();
            }
            if (!heading.equals(s.heading()) || !body.equals(s.body())) next.set(i, new Section(s.ref(), s.level(), heading, body));
        }
        String what = Places.describe(draft, t);
        if (count == 0) {
            return unchanged(draft, what + "里没有找到口语化的说法（短语表 " + FormalPhrases.FILE + " 里的词）。"
                    + "要整体调整语气，需要" + NEEDS_MODEL + "；也可以告诉我具体要换掉的词，比如“把‘搞’改成‘开展’”。");
        }
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                what + "换掉了" + count + "处口语化的说法（如“搞”→“开展”“很多”→“大量”）。", List.of());
    }
}
