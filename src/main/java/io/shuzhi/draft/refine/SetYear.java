package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.unchanged;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import io.shuzhi.interview.ChineseNumerals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "标题改成2025年度": the year of the title and of the opening's first words. */
final class SetYear implements Edit {
    /** A year as the whole of "改成…": "2025", "2025年度", "二〇二五年". */
    static final Pattern ASKED = Pattern.compile("^((?:19|20)[0-9]{2}|[二][〇零][〇零一二三四五六七八九]{2})\\s*年?度?$");
    /** Words that stand for the year itself: "把年份改成2025". */
    static final Pattern YEAR_WORDS = Pattern.compile("^(?:(?:19|20)[0-9]{2}年?度?|年份|年度|年)$");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    private static final Pattern LEADING_YEAR = Pattern.compile(
            "^(?:(?:19|20)\\d{2}|" + Pattern.quote(DraftingRules.MISSING_YEAR) + ")(?=年)");

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return setYear(draft, r.argument());
    }

    /** The four-digit year that {@code to} is, or null: "二〇二五年度" → "2025". */
    static String year(String to) {
        Matcher y = ASKED.matcher(to.strip());
        if (!y.matches()) return null;
        String digits = y.group(1);
        if (digits.matches("[0-9]{4}")) return digits;
        OptionalInt year = ChineseNumerals.year(digits);
        return year.isPresent() ? String.valueOf(year.getAsInt()) : null;
    }

    private static Outcome setYear(Draft draft, String year) {
        if (year == null || !year.matches("(?:19|20)\\d{2}")) return unchanged(draft, "请给出四位数的年份，比如“标题改成2025年度”。");
        List<Section> next = new ArrayList<>(draft.sections());
        boolean changed = false;
        Optional<Section> title = draft.section("title");
        if (title.isPresent()) {
            String h = title.get().heading();
            String updated = h.contains(DraftingRules.MISSING_YEAR) ? h.replace(DraftingRules.MISSING_YEAR, year)
                    : YEAR.matcher(h).replaceFirst(year);
            if (!updated.equals(h)) {
                next.set(draft.sections().indexOf(title.get()), new Section("title", title.get().level(), updated, ""));
                changed = true;
            }
        }
        Optional<Section> opening = draft.section("opening");
        if (opening.isPresent()) {
            String b = opening.get().body();
            String updated = LEADING_YEAR.matcher(b).replaceFirst(year);
            if (!updated.equals(b)) {
                next.set(draft.sections().indexOf(opening.get()), opening.get().withBody(updated));
                changed = true;
            }
        }
        if (!changed) return unchanged(draft, "标题里已经是" + year + "年度了。");
        return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true,
                "已把标题" + (opening.isPresent() ? "和开头" : "") + "的年份改为" + year + "年。正文里提到的其他年份没有改动。", List.of());
    }
}
