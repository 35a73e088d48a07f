package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import io.shuzhi.interview.Words.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a writer asks to change in facts already given, read by {@link Intents}: a word mended ("是调委会不是调未会"), a
 * fact moved ("刚才那个培训的放到问题里吧"), something left out ("罚没款那个数别写了"). Each gives the new state, what the
 * reply says of it and the facts that changed; {@link OfflineInterviewer} asks the next question.
 */
final class Amendments {

    /** The state after the change, the sentence that tells the writer, and the facts it changed. */
    record Amended(InterviewState state, String said, List<Fact> changed) {
        Amended {
            changed = List.copyOf(changed);
        }
    }

    private final NumberParser numbers;
    private final ClauseReader reader;
    private final RuleExtractor extractor;

    Amendments(NumberParser numbers, ClauseReader reader, RuleExtractor extractor) {
        this.numbers = numbers;
        this.reader = reader;
        this.extractor = extractor;
    }

    /** The word mended in every fact of the writer's that holds it; empty when none does. */
    Optional<Amended> word(InterviewState state, Intents.WordFix fix) {
        List<Fact> facts = new ArrayList<>(state.facts());
        List<Fact> changed = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            if (f.origin() != Fact.Origin.WRITER || !f.text().contains(fix.from())) continue;
            String text = f.text().replace(fix.from(), fix.to());
            Fact mended = f.withText(text, numbers.findAll(text));
            facts.set(i, mended);
            changed.add(mended);
        }
        if (changed.isEmpty()) return Optional.empty();
        return Optional.of(new Amended(state.withFacts(facts, state.nextFactId()),
                "已把“" + fix.from() + "”改为“" + fix.to() + "”。", changed));
    }

    /**
     * The writer's latest fact that names the thing goes to the place named — the problems or plans part, or the
     * part-one section whose heading or keywords name it. The reasons said after the request go with a fact moved into
     * the problems part ("就去了4个人，大部分老师没轮上"); talk among them does not. Empty when no fact names it or no place
     * is found (then the message is read as it is).
     */
    Optional<Amended> move(ReportKind kind, InterviewState state, Intents.Move move) {
        List<String> named = reader.wordsOf(move.what()).stream().map(Word::text)
                .filter(w -> w.length() >= 2).toList();
        if (named.isEmpty()) named = List.of(move.what());
        Fact target = null;
        int best = 0;
        for (Fact f : state.facts()) {
            if (f.origin() != Fact.Origin.WRITER) continue;
            int hits = 0;
            for (String w : named) if (f.text().contains(w)) hits++;
            if (hits > 0 && hits >= best) {
                best = hits;
                target = f;
            }
        }
        if (target == null) return Optional.empty();
        String where = move.where();
        String partKey = where.matches(".*(?:问题|不足|短板|差距).*") ? RuleExtractor.PROBLEMS_PART
                : where.matches(".*(?:打算|计划|明年|下一步|下步|措施|举措|思路).*") ? RuleExtractor.PLANS_PART : null;
        String topic;
        String text = target.text();
        if (partKey != null) {
            List<TopicSpec> candidates = kind.parts().stream().filter(p -> partKey.equals(p.key()))
                    .flatMap(p -> p.sections().stream()).flatMap(s -> s.topics().stream()).toList();
            if (candidates.isEmpty()) return Optional.empty();
            String routed = extractor.route(text, candidates, null, null, false);
            topic = routed != null ? routed : candidates.get(0).key();
            if (RuleExtractor.PROBLEMS_PART.equals(partKey)) {
                List<String> reasons = move.reasons().stream().filter(r -> reader.talk(r) == null).toList();
                if (!reasons.isEmpty()) text = text + "，" + String.join("，", reasons);
            }
        } else {
            List<TopicSpec> partOne = kind.parts().stream()
                    .filter(p -> !RuleExtractor.PROBLEMS_PART.equals(p.key()) && !RuleExtractor.PLANS_PART.equals(p.key()))
                    .flatMap(p -> p.sections().stream()).flatMap(s -> s.topics().stream()).toList();
            topic = kind.sections().filter(s -> s.heading().contains(where) && !s.topics().isEmpty())
                    .filter(s -> partOne.contains(s.topics().get(0)))
                    .map(s -> s.topics().get(0).key()).findFirst()
                    .orElseGet(() -> extractor.route(where, partOne, null, null, false));
            if (topic == null) return Optional.empty();
        }
        Fact moved = target.withTopic(topic);
        if (!text.equals(target.text())) moved = moved.withText(text, numbers.findAll(text));
        List<Fact> facts = new ArrayList<>(state.facts());
        facts.set(facts.indexOf(target), moved);
        String place = kind.topic(topic).map(t -> {
            SectionSpec section = kind.sectionOf(t.key());
            PartSpec part = kind.partOf(section);
            String number = "第" + OfflineInterviewer.numeral(part.number()) + "部分";
            return number + "“" + (part.sections().size() > 1 ? section.heading() : part.heading()) + "”";
        }).orElse(where);
        String said = "好的，已把“" + ClauseReader.stripEdge(target.text().split("[，,；;。]")[0]) + "”这一条移到" + place + "。";
        return Optional.of(new Amended(state.withFacts(facts, state.nextFactId()), said, List.of(moved)));
    }

    /** A count the writer left open ("党员先锋岗设了几个"): 几 and the measure word after it. */
    private static final Pattern OPEN_COUNT = Pattern.compile("几([个次名人项家场件所期条座支])");

    /**
     * "6", sent alone after "党员先锋岗设了几个，我得翻一下本子": the number fills the count the writer's latest fact left
     * open ("党员先锋岗设了6个"). Empty when no fact leaves one open.
     */
    Optional<Amended> fillOpenCount(InterviewState state, String number) {
        for (int i = state.facts().size() - 1; i >= 0; i--) {
            Fact f = state.facts().get(i);
            if (f.origin() != Fact.Origin.WRITER) continue;
            Matcher m = OPEN_COUNT.matcher(f.text());
            if (!m.find()) continue;
            String text = f.text().substring(0, m.start()) + number + m.group(1) + f.text().substring(m.end());
            Fact filled = f.withText(text, numbers.findAll(text));
            List<Fact> facts = new ArrayList<>(state.facts());
            facts.set(i, filled);
            return Optional.of(new Amended(state.withFacts(facts, state.nextFactId()),
                    "好的，记下：" + ClauseReader.stripEdge(text) + "。", List.of(filled)));
        }
        return Optional.empty();
    }

    /**
     * Every clause of the writer's facts that names {@code what} taken out (a fact left empty goes); the reasons said
     * after the request are not kept. When no fact names it, the state is unchanged and the writer is told so.
     */
    Amended leaveOut(InterviewState state, String what) {
        List<Fact> facts = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<Fact> changed = new ArrayList<>();
        for (Fact f : state.facts()) {
            if (f.origin() != Fact.Origin.WRITER || !f.text().contains(what)) {
                facts.add(f);
                continue;
            }
            List<String> kept = new ArrayList<>();
            // clauses end at Chinese commas and semicolons; "2,360万" is one figure, not two clauses
            for (String clause : f.text().split("(?<=[，；;])|(?<=[^0-9],)")) {
                if (clause.contains(what)) gone.add(clause.replaceAll("[，,；;]$", ""));
                else kept.add(clause);
            }
            String rest = String.join("", kept).replaceAll("[，,；;]$", "").strip();
            if (rest.isEmpty()) continue;
            Fact fixed = f.withText(rest, numbers.findAll(rest));
            facts.add(fixed);
            changed.add(fixed);
        }
        if (gone.isEmpty()) return new Amended(state, "没找到写着“" + what + "”的内容，草稿里也不会有。", List.of());
        return new Amended(state.withFacts(facts, state.nextFactId()),
                "好的，“" + what + "”不写了，已删去：" + String.join("；", gone) + "。", changed);
    }
}
