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

/** "把‘大力’改成‘全力’", "把‘大力’都去掉", "标题改成…": words replaced (or removed) in the target. */
final class ReplaceWords implements Edit {
    /** The words that ask for it: "X改成Y". */
    static final Pattern WORDS = Pattern.compile("改成|改为|换成|替换成|替换为|改作|写成|更换为|调整为");

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return replace(draft, r);
    }

    private static Outcome replace(Draft draft, Refinement r) {
        Target t = r.target();
        String to = r.replacement() == null ? "" : r.replacement().strip();
        if (r.argument() == null || r.argument().isEmpty()) {
            if (t.scope() != Scope.TITLE) return unchanged(draft, "请说明要替换的词，比如“把‘大力’改成‘全力’”。");
            String title = DraftingRules.stripEnd(DraftingRules.toFullWidth(to)).replaceAll("\\s+", "");
            if (title.isEmpty()) return unchanged(draft, "标题不能为空。");
            if (title.equals(draft.title())) return unchanged(draft, "标题已经是“" + title + "”。");
            return withSection(draft, "title", s -> new Section(s.ref(), s.level(), title, s.body()),
                    "标题已改为：" + title);
        }
        String from = r.argument();
        List<Section> next = new ArrayList<>(draft.sections());
        int count = 0;
        for (int i : Places.indices(draft, t)) {
            Section s = draft.sections().get(i);
            String heading = s.heading();
            String body = s.body();
            int inHeading = occurrences(heading, from, to);
            if (t.scope() == Scope.ITEM) {
                List<String> items = new ArrayList<>(BodyText.items(body));
                String item = items.get(t.item() - 1);
                int n = occurrences(item, from, to);
                if (n > 0) {
                    items.set(t.item() - 1, DraftingRules.tidy(replaceWord(item, from, to)));
                    body = BodyText.joinItems(BodyText.preamble(body), items);
                    count += n;
                }
            } else {
                int n = occurrences(body, from, to);
                if (inHeading > 0) heading = DraftingRules.stripEnd(DraftingRules.tidy(replaceWord(heading, from, to)));
                if (n > 0) body = DraftingRules.tidy(replaceWord(body, from, to));
                count += n + inHeading;
            }
            if (!heading.equals(s.heading()) || !body.equals(s.body())) next.set(i, new Section(s.ref(), s.level(), heading, body));
        }
        String what = Places.describe(draft, t);
        if (count == 0) return unchanged(draft, what + "里没有找到“" + from + "”。");
        String did = to.isEmpty() ? "删去了" + count + "处“" + from + "”" : "把" + count + "处“" + from + "”改成了“" + to + "”";
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true, what + "里" + did + "。", List.of());
    }

    private static int occurrences(String text, String word, String to) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            if (!alreadyReplaced(text, at, word, to)) n++;
        }
        return n;
    }

    /** Each {@code word} replaced by {@code to}, except where it already stands inside {@code to} ("支部" in "党支部"). */
    static String replaceWord(String text, String word, String to) {
        var out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            if (alreadyReplaced(text, at, word, to)) continue;
            out.append(text, from, at).append(to);
            from = at + word.length();
        }
        return out.append(text.substring(from)).toString();
    }

    private static boolean alreadyReplaced(String text, int at, String word, String to) {
        for (int k = to.indexOf(word); k >= 0; k = to.indexOf(word, k + 1)) {
            int start = at - k;
            if (start >= 0 && text.startsWith(to, start)) return true;
        }
        return false;
    }

    private static Outcome withSection(Draft draft, String ref, java.util.function.UnaryOperator<Section> change, String message) {
        List<Section> next = new ArrayList<>(draft.sections());
        Section s = draft.section(ref).orElseThrow();
        next.set(draft.sections().indexOf(s), change.apply(s));
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true, message, List.of());
    }
}
