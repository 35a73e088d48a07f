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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** "删掉第二部分的三是": an item or a section removed, the ones after it renumbered. */
final class DeleteItem implements Edit {
    /** The words that ask for it (with quoted words, or words before it, it removes words: {@link ReplaceWords}). */
    static final Pattern WORDS = Pattern.compile("删掉|删去|删除|去掉|拿掉|去除|删了|砍掉|不要了|(?<![删])删(?![减除掉去了])");
    private static final Pattern SECTION_ORDINAL = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]");

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return delete(draft, r.target());
    }

    private static Outcome delete(Draft draft, Target t) {
        if (t.scope() == Scope.ITEM) {
            int i = Places.indices(draft, t).get(0);
            Section s = draft.sections().get(i);
            List<String> items = new ArrayList<>(BodyText.items(s.body()));
            if (items.size() < 2) {
                return unchanged(draft, Places.describe(draft, t) + "是这一节唯一的一条，删掉后这一节就空了。如要删除整节，请说“删掉"
                        + Places.canonical(Target.of(Scope.SECTION, s.ref())) + "”。");
            }
            String removed = items.remove(t.item() - 1);
            List<Section> next = new ArrayList<>(draft.sections());
            next.set(i, s.withBody(BodyText.joinItems(BodyText.preamble(s.body()), items)));
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已删掉" + Places.describe(draft, t) + "（" + BodyText.lead(removed) + "），后面各条已重新编号。", List.of());
        }
        if (t.scope() == Scope.SECTION) {
            String part = t.ref().substring(0, t.ref().indexOf('.'));
            List<Integer> siblings = sectionsOfPart(draft, part);
            if (siblings.size() < 2) return unchanged(draft, "这一部分只有这一节，不能删掉。");
            int at = draft.sections().indexOf(draft.section(t.ref()).orElseThrow());
            List<Section> next = new ArrayList<>(draft.sections());
            next.remove(at);
            int pos = 0;
            for (int j = 0; j < next.size(); j++) {
                Section s = next.get(j);
                if (!isSectionOf(s, part)) continue;
                pos++;
                if (j >= at) next.set(j, renumbered(s, part, pos));
            }
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已删掉" + Places.describe(draft, t) + "，后面各节已重新编号。", List.of());
        }
        return unchanged(draft, "离线模式只删除某一条或某一节，不删除" + Places.describe(draft, t)
                + "。请说明要删的一条，比如“删掉第二部分的三是”。");
    }

    private static Section renumbered(Section s, String part, int pos) {
        String words = SECTION_ORDINAL.matcher(s.heading()).replaceFirst("");
        return new Section(part + "." + pos, s.level(), DraftingRules.sectionOrdinal(pos) + words, s.body());
    }

    private static List<Integer> sectionsOfPart(Draft draft, String part) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < draft.sections().size(); i++) if (isSectionOf(draft.sections().get(i), part)) out.add(i);
        return out;
    }

    private static boolean isSectionOf(Section s, String part) {
        return s.ref().startsWith(part + ".");
    }
}
