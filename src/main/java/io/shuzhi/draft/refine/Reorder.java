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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "（三）和（四）换个顺序", "把二是和三是对调": two sections of a part, or two items of a section, swapped. */
final class Reorder implements Edit {
    /** The words that ask for it. */
    static final Pattern WORDS = Pattern.compile(
            "换个顺序|换一下顺序|调换|对调|互换|交换|调整顺序|调一下顺序|换顺序|颠倒|调个个|换个位置|换一下位置|位置对调");
    private static final Pattern SECTION_ORDINAL = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]");

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return reorder(draft, r.target());
    }

    private static Outcome reorder(Draft draft, Target t) {
        if (t.scope() == Scope.ITEM && t.otherItem() != null && (t.otherRef() == null || t.otherRef().equals(t.ref()))) {
            int i = Places.indices(draft, t).get(0);
            Section s = draft.sections().get(i);
            List<String> items = new ArrayList<>(BodyText.items(s.body()));
            int a = t.item() - 1;
            int b = t.otherItem() - 1;
            if (b < 0 || b >= items.size() || a == b) return unchanged(draft, "找不到要对调的另一条。");
            String x = items.get(a);
            items.set(a, items.get(b));
            items.set(b, x);
            List<Section> next = new ArrayList<>(draft.sections());
            next.set(i, s.withBody(BodyText.joinItems(BodyText.preamble(s.body()), items)));
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已把" + Places.describe(draft, t) + "和" + DraftingRules.itemOrdinal(b + 1) + "对调，并重新编号。", List.of());
        }
        if (t.scope() == Scope.SECTION && t.otherRef() != null) {
            String part = t.ref().substring(0, t.ref().indexOf('.'));
            if (!t.otherRef().startsWith(part + ".")) return unchanged(draft, "只能对调同一部分里的两节。");
            Optional<Section> x = draft.section(t.ref());
            Optional<Section> y = draft.section(t.otherRef());
            if (x.isEmpty() || y.isEmpty() || x.equals(y)) return unchanged(draft, "找不到要对调的两节。");
            int ix = draft.sections().indexOf(x.get());
            int iy = draft.sections().indexOf(y.get());
            List<Section> next = new ArrayList<>(draft.sections());
            // Refs follow position: "1.3" is always the third section of part 1, whatever text it holds now.
            next.set(ix, moved(y.get(), x.get()));
            next.set(iy, moved(x.get(), y.get()));
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                    "已把" + Places.describe(draft, Target.of(Scope.SECTION, t.ref())) + "和" + headingOrdinal(y.get())
                            + "对调位置，小标题序号已按新位置重排。", List.of());
        }
        return unchanged(draft, "离线模式只能对调同一部分里的两节，或同一节里的两条；各部分的先后是文种的固定结构，不做调整。");
    }

    /** {@code content} put at {@code place}'s position: its ref and ordinal, its own heading words and body. */
    private static Section moved(Section content, Section place) {
        String words = SECTION_ORDINAL.matcher(content.heading()).replaceFirst("");
        return new Section(place.ref(), content.level(), headingOrdinal(place) + words, content.body());
    }

    private static String headingOrdinal(Section s) {
        Matcher m = SECTION_ORDINAL.matcher(s.heading());
        return m.find() ? m.group() : "";
    }
}
