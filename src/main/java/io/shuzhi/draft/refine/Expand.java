package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.NEEDS_MODEL;
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
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import io.shuzhi.interview.ReportKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "再具体些", "问题部分太虚": without a model only the writer's own facts come back — those the draft left out or a
 * condense cut — in the kind's order; otherwise it says what facts are still missing.
 */
final class Expand implements Edit {
    /** The words that ask for it. */
    static final Pattern WORDS = Pattern.compile(
            "具体一?[些点]|再具体|更具体|不够具体|不具体|太虚|写得虚|虚了|有点虚|空洞|太空|空泛|太笼统|笼统|充实|展开[写说讲谈来些]|"
                    + "再展开|展开一下|展开(?=[，。！!\\s]|$)|丰富一?[些点]|再丰富|更丰富|详细一?[些点]|更详细|再详细|写细|细化|多写|扩写|扩充|"
                    + "写长|加长|写多|太单薄|单薄|太短|补充一?[些点]?(?:内容|细节|事例)|加点(?:内容|细节|事例)");
    /** Words that make a length or a condense verb a wish for more text: "扩写到800字". */
    static final Pattern GROW = Pattern.compile("扩写|扩充|写长|加长|写多|充实|展开|增加到|扩到|增加至");

    private final DraftingRules rules;

    /** Adds the writer's facts as the drafter's {@code rules} write them. */
    Expand(DraftingRules rules) {
        this.rules = rules;
    }

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return expand(in.kinds(), draft, r, in.state());
    }

    private Outcome expand(ReportKinds kinds, Draft draft, Refinement r, InterviewState state) {
        Target t = r.target();
        Optional<ReportKind> kind = kinds.find(draft.kind());
        List<Section> next = new ArrayList<>(draft.sections());
        int restored = 0;
        for (int i : Places.indices(draft, t)) {
            Section s = draft.sections().get(i);
            if (kind.isEmpty() || s.body().isEmpty()) continue;
            Optional<SectionSpec> spec = kind.get().section(s.ref());
            if (spec.isEmpty()) continue;
            ReportKind.PartSpec part = kind.get().partOf(spec.get());
            boolean plan = DraftingRules.writtenAsPlan(part, spec.get());
            boolean problems = !plan && DraftingRules.ISSUES.equals(part.key());
            Integer onlyItem = t.scope() == Scope.ITEM ? t.item() : null;
            Expanded e = plan ? expandPlan(s.body(), spec.get(), state, draft.kind())
                    : problems ? expandProblems(s.body(), spec.get(), state, kind.get())
                    : expandItems(s.body(), spec.get(), state, onlyItem, draft.kind());
            if (e.added > 0) {
                next.set(i, s.withBody(e.body));
                restored += e.added;
            }
        }
        String what = Places.describe(draft, t);
        List<String> gaps = placeholders(draft, t);
        if (restored > 0) {
            String msg = what + "补回了您提供过、但草稿里没有写进去的" + restored + "处内容（事实或各条的收束句），没有添加新的说法。";
            if (!gaps.isEmpty()) msg += "还缺：" + String.join("；", gaps) + "。告诉我这些情况，我再写进去。";
            return new Outcome(new Draft(draft.kind(), draft.version() + 1, next), true, msg, List.of());
        }
        String msg;
        if (!gaps.isEmpty()) {
            msg = what + "还有这些地方没有具体内容：" + String.join("；", gaps)
                    + "。离线模式只写您给出的事实：请告诉我这些情况（做法、数字、实例），我就能写进去；也可以" + NEEDS_MODEL + "后让模型展开。";
        } else {
            msg = what + "已经用上了您提供的全部事实。离线模式不会编写没有依据的内容：请再告诉我一些具体情况（做法、数字、典型事例），"
                    + "我会写进这一部分；或者" + NEEDS_MODEL + "，由模型展开。";
        }
        return unchanged(draft, msg);
    }

    private record Expanded(String body, int added) {
    }

    /** Items whose facts (or closing clause) are missing from the text get them back, in the kind's order. */
    private Expanded expandItems(String body, SectionSpec spec, InterviewState state, Integer onlyItem,
                                        String kindId) {
        List<String> items = new ArrayList<>(BodyText.items(body));
        int added = 0;
        for (TopicSpec topic : spec.topics()) {
            String lead = DraftingRules.stripEnd(topic.lead());
            int k = -1;
            for (int j = 0; j < items.size(); j++) if (BodyText.lead(items.get(j)).equals(lead)) k = j;
            if (k < 0 || onlyItem != null && k + 1 != onlyItem) continue;
            List<Fact> facts = DraftingRules.writerFacts(state, topic.key());
            if (facts.isEmpty()) continue;
            String item = items.get(k);
            String head = DraftingRules.itemOrdinal(k + 1) + lead + "。";
            String content = item.startsWith(head) ? item.substring(head.length()) : null;
            if (content == null) continue;
            String full = rules.sentence(facts, topic.frame(), topic.close(), kindId);
            if (content.equals(full)) continue;
            List<String> pieces = clausesOf(full);
            List<String> present = clausesOf(content);
            long missing = pieces.stream().filter(p -> !content.contains(p)).count();
            if (missing == 0) continue;
            String rebuilt;
            if (content.startsWith(DraftingRules.PLACEHOLDER_OPEN) || pieces.containsAll(present)) {
                // The text is only what the drafter made from these facts (maybe cut since): write it whole again.
                rebuilt = full;
            } else {
                // The writer edited the item: keep their text and add the missing facts before the final 。.
                List<String> extra = pieces.stream().filter(p -> !content.contains(p)).toList();
                rebuilt = DraftingRules.tidy(DraftingRules.stripEnd(content) + "；" + String.join("，", extra) + "。");
            }
            items.set(k, head + rebuilt);
            added += (int) missing;
        }
        return added == 0 ? new Expanded(body, 0) : new Expanded(BodyText.joinItems(BodyText.preamble(body), items), added);
    }

    /**
     * The problems part: when a problem the writer named is missing from the text, the part is written again from the
     * problems if the text is only what the drafter made of them (maybe cut since); a text the writer edited keeps
     * its words and gets the missing problems as items of their own after it.
     */
    private Expanded expandProblems(String body, SectionSpec spec, InterviewState state, ReportKind kind) {
        List<String> missing = spec.topics().stream().flatMap(t -> DraftingRules.writerFacts(state, t.key()).stream())
                .map(f -> rules.clause(f, kind.id())).filter(c -> !c.isEmpty() && !body.contains(c)).toList();
        if (missing.isEmpty()) return new Expanded(body, 0);
        String full = rules.problems(spec.topics(), kind, state);
        if (full.equals(body)) return new Expanded(body, 0);
        if (full.startsWith(DraftingRules.PLACEHOLDER_OPEN) || clausesOf(full).containsAll(clausesOf(body))) {
            return new Expanded(full, missing.size());
        }
        List<String> items = new ArrayList<>(BodyText.items(body));
        for (String m : missing) items.add(DraftingRules.itemOrdinal(items.size() + 1) + DraftingRules.flowing(List.of(m), ""));
        return new Expanded(BodyText.joinItems(BodyText.preamble(body), items), missing.size());
    }

    /** A plan section: the writer's plans missing from the text are appended, each topic as one sentence. */
    private Expanded expandPlan(String body, SectionSpec spec, InterviewState state, String kindId) {
        var out = new StringBuilder(body);
        int added = 0;
        for (TopicSpec topic : spec.topics()) {
            List<String> missing = DraftingRules.writerFacts(state, topic.key()).stream()
                    .map(f -> rules.clause(f, kindId)).filter(c -> !c.isEmpty() && !body.contains(c)).toList();
            if (missing.isEmpty()) continue;
            out.append(DraftingRules.flowing(missing, ""));
            added += missing.size();
        }
        return new Expanded(DraftingRules.tidy(out.toString()), added);
    }

    private static List<String> clausesOf(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("[，；。]")) if (!p.isBlank()) out.add(p);
        return out;
    }

    /** "二是把好党员发展入口关（缺：…）" for each placeholder in the target. */
    private static List<String> placeholders(Draft draft, Target t) {
        List<String> out = new ArrayList<>();
        Pattern p = Pattern.compile(Pattern.quote(DraftingRules.PLACEHOLDER_OPEN) + "(.*?)" + Pattern.quote(DraftingRules.PLACEHOLDER_CLOSE));
        for (int i : Places.indices(draft, t)) {
            Section s = draft.sections().get(i);
            List<String> items = BodyText.items(s.body());
            List<String> texts = items.isEmpty() ? List.of(s.heading() + s.body()) : items;
            for (int k = 0; k < texts.size(); k++) {
                if (t.scope() == Scope.ITEM && k + 1 != t.item()) continue;
                Matcher m = p.matcher(texts.get(k));
                while (m.find()) {
                    String lead = items.isEmpty() ? "" : DraftingRules.itemOrdinal(k + 1) + BodyText.lead(texts.get(k)) + "：";
                    out.add(lead + m.group(1));
                }
            }
        }
        return out;
    }
}
