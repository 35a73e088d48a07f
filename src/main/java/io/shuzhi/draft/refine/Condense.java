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
import io.shuzhi.interview.InterviewState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "精简一些", "第三部分压缩到300字": a part, section or item cut to about 70% of its length, or to the 字 asked for;
 * the whole text goes to {@link Length}.
 */
final class Condense implements Edit {
    /** The words that ask for it. */
    static final Pattern WORDS = Pattern.compile(
            "压缩|精简|缩短|删减|缩减|简短|简练|简洁|精炼|凝练|短一?[些点]|太长|过长|冗长|啰嗦|啰唆|控制在|压到|缩到|减到|压成");

    private final Cutter cutter;
    private final Length length;

    /** Condenses a part with {@code cutter}, the whole text with {@code length}. */
    Condense(Cutter cutter, Length length) {
        this.cutter = cutter;
        this.length = length;
    }

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return condense(draft, r, in.state());
    }

    private Outcome condense(Draft draft, Refinement r, InterviewState state) {
        Target t = r.target();
        if (t.scope() == Scope.WHOLE) return length.length(draft, r.targetChars(), state, r.targetChars() != null);
        if (t.scope() == Scope.TITLE) return unchanged(draft, "标题不做压缩。如要改标题，可以说“把标题改成……”。");
        List<Integer> scope = Places.indices(draft, t);
        List<Section> inScope = scope.stream().map(draft.sections()::get).toList();
        List<Cutter.Unit> units = new ArrayList<>();
        int total;
        int fixed;
        if (t.scope() == Scope.ITEM) {
            int i = scope.get(0);
            String body = draft.sections().get(i).body();
            Cutter.Unit u = new Cutter.Unit(i, body, t.item(), false);
            total = DraftingRules.charCount(BodyText.item(body, t.item()));
            // Cuts stay inside the item, so the rest of the body is a constant to subtract.
            u.fixedOutside = DraftingRules.charCount(body) - total;
            units.add(u);
            fixed = 0;
        } else {
            total = DraftingRules.charCount(new Draft(draft.kind(), draft.version(), inScope).toPlainText());
            for (int i : scope) {
                Section s = draft.sections().get(i);
                if (!s.body().isEmpty() && !s.ref().equals("title")) units.add(new Cutter.Unit(i, s.body(), 0, false));
            }
            fixed = total - units.stream().mapToInt(Cutter.Unit::count).sum();
        }
        boolean asked = r.targetChars() != null;
        int goal = asked ? r.targetChars() : (int) Math.round(total * Cutter.DEFAULT_CONDENSE);
        String what = Places.describe(draft, t);
        if (asked && Cutter.within(total, goal)) {
            return unchanged(draft, what + "现在是" + total + "字，已在" + goal + "字左右，不用再压缩。");
        }
        if (total < goal) return Cutter.tooShort(draft, what, total, goal);
        for (Cutter.Unit u : units) u.target = u.count();
        return cutter.runCondense(draft, state, units, fixed, goal, what, total);
    }
}
