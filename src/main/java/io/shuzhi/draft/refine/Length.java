package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.unchanged;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "全文控制在3000字左右": the whole text cut to the 字 asked for, spread over the sections by their length. */
final class Length implements Edit {
    /** A 字 count in the message: "3000字", "3千字", "三千字". */
    static final Pattern CHARS = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?)\\s*(千|万)?\\s*个?字|([一二两三四五六七八九十百千万]+)个?字");

    private final Cutter cutter;

    /** Cuts the whole text with {@code cutter}. */
    Length(Cutter cutter) {
        this.cutter = cutter;
    }

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return length(draft, r.targetChars(), in.state(), true);
    }

    /** The 字 count a {@link #CHARS} match asks for, or null. */
    static Integer chars(Matcher cm) {
        if (cm.group(1) != null) {
            String multiplier = cm.group(2) == null ? "" : cm.group(2);
            return NumberParser.parseNumeral(cm.group(1) + multiplier).map(BigDecimal::intValue).orElse(null);
        }
        Optional<BigDecimal> v = NumberParser.parseNumeral(cm.group(3));
        return v.map(BigDecimal::intValue).filter(n -> n > 0).orElse(null);
    }

    Outcome length(Draft draft, Integer targetChars, InterviewState state, boolean asked) {
        int total = DraftingRules.charCount(draft.toPlainText());
        int goal = targetChars != null ? targetChars : (int) Math.round(total * Cutter.DEFAULT_CONDENSE);
        if (asked && Cutter.within(total, goal)) {
            return unchanged(draft, "全文现在是" + total + "字，已在" + goal + "字左右，不用再调整。");
        }
        if (total < goal) return Cutter.tooShort(draft, "全文", total, goal);
        List<Cutter.Unit> units = new ArrayList<>();
        Cutter.Unit opening = null;
        for (int i = 0; i < draft.sections().size(); i++) {
            Section s = draft.sections().get(i);
            if (s.body().isEmpty() || s.ref().equals("title")) continue;
            boolean isOpening = s.ref().equals("opening");
            Cutter.Unit u = new Cutter.Unit(i, s.body(), 0, isOpening);
            if (isOpening) {
                u.protect = state.unit();
                opening = u;
            }
            units.add(u);
        }
        int bodies = units.stream().filter(u -> !u.lastResort).mapToInt(Cutter.Unit::count).sum();
        int fixed = total - units.stream().mapToInt(Cutter.Unit::count).sum();
        int bodyGoal = goal - fixed - (opening == null ? 0 : opening.count());
        // Spread the cut over the sections by their length, so no one section is gutted while another stays whole.
        for (Cutter.Unit u : units) {
            u.target = u.lastResort ? u.count() : (int) Math.round((double) u.count() * bodyGoal / Math.max(1, bodies));
        }
        return cutter.runCondense(draft, state, units, fixed, goal, "全文", total);
    }
}
