package io.shuzhi.draft.refine;

import io.shuzhi.draft.BodyText;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftingRules;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The places of a draft a refinement can be about, and their names both ways: the name a choice button carries
 * ("第一部分第二节二是", which parses to exactly that place) and the sections a target covers.
 */
final class Places {
    private static final Pattern SECTION_ORDINAL = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]");

    private Places() {
    }

    /** How a choice names a place so that it parses to exactly that place: "第一部分第二节二是". */
    static String canonical(Target t) {
        return switch (t.scope()) {
            case WHOLE -> "全文";
            case TITLE -> "标题";
            case OPENING -> "开头";
            case PART -> "第" + DraftingRules.numeral(partOf(t.ref())) + "部分";
            case SECTION -> placeName(t.ref());
            case ITEM -> placeName(t.ref()) + DraftingRules.itemOrdinal(t.item());
        };
    }

    private static String placeName(String ref) {
        if (ref.equals("title")) return "标题";
        if (ref.equals("opening")) return "开头";
        String part = "第" + DraftingRules.numeral(partOf(ref)) + "部分";
        return ref.contains(".") ? part + "第" + DraftingRules.numeral(sectionNo(ref)) + "节" : part;
    }

    /** The target in words: "第一部分第二节（严密组织体系，增强支部凝聚力）". */
    static String describe(Draft draft, Target t) {
        String name = canonical(t);
        if (t.scope() == Scope.SECTION || t.scope() == Scope.PART) {
            String heading = draft.section(t.ref()).map(Section::heading).orElse("");
            String words = SECTION_ORDINAL.matcher(heading).replaceFirst("").replaceFirst("^[一二三四五六七八九十]{1,3}、", "");
            if (!words.isEmpty()) name += "（" + words + "）";
        }
        return name;
    }

    /** The message with its first named place replaced by {@code name}, or {@code name} put before it. */
    static String substitute(String text, List<MessageText.Span> spans, String name) {
        if (spans.isEmpty()) return name + text;
        MessageText.Span s = spans.get(0);
        return text.substring(0, s.start()) + name + text.substring(s.end());
    }

    /** The place a refine frame's section ref stands for. */
    static Target baseTarget(String ref) {
        if (ref.equals("title")) return Target.of(Scope.TITLE, "title");
        if (ref.equals("opening")) return Target.of(Scope.OPENING, "opening");
        return ref.contains(".") ? Target.of(Scope.SECTION, ref) : Target.of(Scope.PART, ref);
    }

    /** Every section with a body, and every itemized part, as targets. */
    static List<Target> bodyTargets(Draft draft) {
        List<Target> out = new ArrayList<>();
        for (Section s : draft.sections()) {
            if (s.body().isEmpty() || !s.ref().matches("[0-9]+(\\.[0-9]+)?")) continue;
            out.add(s.ref().contains(".") ? Target.of(Scope.SECTION, s.ref()) : Target.of(Scope.PART, s.ref()));
        }
        return out;
    }

    static List<Target> partTargets(Draft draft) {
        return partNumbers(draft).stream().map(p -> Target.of(Scope.PART, String.valueOf(p))).toList();
    }

    static List<Integer> partNumbers(Draft draft) {
        return draft.sections().stream().map(Section::ref).filter(r -> r.matches("[0-9]+")).map(Integer::parseInt).toList();
    }

    /** Item {@code item} of section {@code ref}, or null when the section has no such item. */
    static Target itemIn(Draft draft, String ref, int item) {
        int n = BodyText.itemCount(draft.section(ref).map(Section::body).orElse(""));
        return item >= 1 && item <= n ? Target.item(ref, item) : null;
    }

    static List<Target> itemTargets(Draft draft, int item) {
        List<Target> out = new ArrayList<>();
        for (Target t : bodyTargets(draft)) {
            Target i = itemIn(draft, t.ref(), item);
            if (i != null) out.add(i);
        }
        return out;
    }

    static Integer partOf(String ref) {
        if (ref == null || !ref.matches("[0-9]+(\\.[0-9]+)?")) return null;
        int dot = ref.indexOf('.');
        return Integer.parseInt(dot < 0 ? ref : ref.substring(0, dot));
    }

    static int sectionNo(String ref) {
        return Integer.parseInt(ref.substring(ref.indexOf('.') + 1));
    }

    /** Null when the target is in the draft, else a message saying what is missing. */
    static String checkTarget(Draft draft, Target t) {
        if (t.scope() == Scope.WHOLE) return null;
        String ref = t.scope() == Scope.TITLE ? "title" : t.scope() == Scope.OPENING ? "opening" : t.ref();
        if (ref == null || draft.section(ref).isEmpty()) return "草稿里没有这一部分（" + ref + "）。";
        if (t.scope() == Scope.ITEM) {
            int n = BodyText.itemCount(draft.section(ref).get().body());
            if (t.item() == null || t.item() < 1 || t.item() > n) return "这一节没有第" + t.item() + "条。";
        }
        if (t.otherRef() != null && draft.section(t.otherRef()).isEmpty()) return "草稿里没有这一节（" + t.otherRef() + "）。";
        return null;
    }

    /** Indices of the sections a target covers, in draft order. */
    static List<Integer> indices(Draft draft, Target t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < draft.sections().size(); i++) {
            Section s = draft.sections().get(i);
            boolean in = switch (t.scope()) {
                case WHOLE -> true;
                case TITLE -> s.ref().equals("title");
                case OPENING -> s.ref().equals("opening");
                case PART -> s.ref().equals(t.ref()) || s.ref().startsWith(t.ref() + ".");
                case SECTION, ITEM -> s.ref().equals(t.ref());
            };
            if (in) out.add(i);
        }
        return out;
    }
}
