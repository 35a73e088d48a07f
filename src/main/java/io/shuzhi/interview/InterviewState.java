package io.shuzhi.interview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the interview knows so far: the writer's unit and year, the facts gathered, the topics skipped and the topic
 * the last question asked about. Immutable; every change returns a new value.
 *
 * @param unit         the writer's unit ("机关第一党支部"), null until given
 * @param year         the report's year ("2025"), null until given
 * @param facts        facts in the order they were gathered
 * @param skipped      topic keys the writer skipped ("跳过", "没有")
 * @param currentTopic the topic the last question asked about; "intro" while asking for unit and year; null when all asked
 * @param nextFactId   counter for fact ids ("f-1", "f-2", …)
 * @param preferences  the writer's wishes about style or length ("写得有文采些"), kept for drafting, never as facts
 * @param deferred     topics asked twice without an answer: asked again only after every other topic
 * @param plans        last year's plans (下步工作举措 of an imported report), each asked about in its section
 * @param headings     the imported report's headings for the kind's parts and sections (ref → heading), used in questions
 */
public record InterviewState(String unit, String year, List<Fact> facts, Set<String> skipped, String currentTopic,
                             int nextFactId, List<String> preferences, Set<String> deferred, List<Plan> plans,
                             java.util.Map<String, String> headings) {
    public static final String INTRO = "intro";
    /** Wishes kept; older ones give way to newer ones. */
    static final int MAX_PREFERENCES = 20;

    public InterviewState {
        facts = facts == null ? List.of() : List.copyOf(facts);
        skipped = skipped == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(skipped));
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
        deferred = deferred == null ? Set.of() : Set.copyOf(deferred);
        plans = plans == null ? List.of() : List.copyOf(plans);
        headings = headings == null ? java.util.Map.of() : java.util.Map.copyOf(headings);
    }

    InterviewState(String unit, String year, List<Fact> facts, Set<String> skipped, String currentTopic,
                          int nextFactId, List<String> preferences, Set<String> deferred, List<Plan> plans) {
        this(unit, year, facts, skipped, currentTopic, nextFactId, preferences, deferred, plans, java.util.Map.of());
    }

    /**
     * A copy that names the kind's parts and sections as the writer's imported report does: ref ("2", "1.3") → its
     * heading there; the questions then say "第二部分“存在的主要问题”" where the kind says "存在问题和不足".
     */
    public InterviewState withHeadings(java.util.Map<String, String> imported) {
        return new InterviewState(unit, year, facts, skipped, currentTopic, nextFactId, preferences, deferred, plans, imported);
    }

    InterviewState(String unit, String year, List<Fact> facts, Set<String> skipped, String currentTopic,
                          int nextFactId, List<String> preferences, Set<String> deferred) {
        this(unit, year, facts, skipped, currentTopic, nextFactId, preferences, deferred, List.of());
    }

    /** A copy with last year's plans replaced. */
    public InterviewState withPlans(List<Plan> next) {
        return new InterviewState(unit, year, facts, skipped, currentTopic, nextFactId, preferences, deferred, next, headings);
    }

    /** A copy with one plan's status changed. */
    InterviewState withPlan(Plan changed) {
        var next = new ArrayList<Plan>();
        for (Plan p : plans) next.add(p.id().equals(changed.id()) ? changed : p);
        return withPlans(next);
    }

    /** The plan being asked about (its question is open, or whether to write it as a problem), if any. */
    public java.util.Optional<Plan> openPlan() {
        return plans.stream().filter(p -> p.status() == Plan.Status.ASKED || p.status() == Plan.Status.NOT_DONE)
                .findFirst();
    }

    InterviewState(String unit, String year, List<Fact> facts, Set<String> skipped, String currentTopic,
                          int nextFactId, List<String> preferences) {
        this(unit, year, facts, skipped, currentTopic, nextFactId, preferences, Set.of());
    }

    /** A copy with {@code topic} deferred: the writer was asked about it twice and talked about other things. */
    public InterviewState withDeferred(String topic) {
        var next = new LinkedHashSet<>(deferred);
        next.add(topic);
        return new InterviewState(unit, year, facts, skipped, currentTopic, nextFactId, preferences, next, plans, headings);
    }

    InterviewState(String unit, String year, List<Fact> facts, Set<String> skipped, String currentTopic,
                          int nextFactId) {
        this(unit, year, facts, skipped, currentTopic, nextFactId, List.of(), Set.of());
    }

    /** A copy with one more drafting preference (the same wish twice is kept once). */
    /** A wish for plain writing: "朴实点", "别弄那些排比大词", "少用套话", "念出来要像我们自己说的话". */
    static final java.util.regex.Pattern PLAIN_WRITING = java.util.regex.Pattern.compile(
            "朴实|平实|大白话|接地气|(?:别|不要|少|不用)[^，,。]{0,6}(?:套话|大词|排比|空话|官话|虚话)|(?:别|不要)太空"
                    + "|像[^，,。]{0,8}自己说的话");

    /** Whether the writer asked for plain writing: the offline draft then leaves out the kind's framing clauses. */
    public boolean wantsPlainWriting() {
        return preferences.stream().anyMatch(p -> PLAIN_WRITING.matcher(p).find());
    }

    public InterviewState withPreference(String wish) {
        if (wish == null || wish.isBlank() || preferences.contains(wish)) return this;
        var next = new ArrayList<>(preferences);
        next.add(wish);
        if (next.size() > MAX_PREFERENCES) next.subList(0, next.size() - MAX_PREFERENCES).clear();
        return new InterviewState(unit, year, facts, skipped, currentTopic, nextFactId, next, deferred, plans, headings);
    }

    public static InterviewState start() {
        return new InterviewState(null, null, List.of(), Set.of(), INTRO, 1, List.of(), Set.of());
    }

    /** This year's facts of a topic (what the writer said); last year's imported facts are not among them. */
    public List<Fact> factsFor(String topic) {
        return facts.stream().filter(f -> f.topic().equals(topic) && f.thisYear()).toList();
    }

    /** Facts of a topic taken from last year's report. */
    List<Fact> lastYearFor(String topic) {
        return facts.stream().filter(f -> f.topic().equals(topic) && f.origin() == Fact.Origin.LAST_YEAR).toList();
    }

    /** Whether the writer has said anything about this year yet. */
    public boolean hasFacts() {
        return facts.stream().anyMatch(f -> f.origin() == Fact.Origin.WRITER);
    }

    /** A copy with the fact {@code id} replaced (same id, topic and source), or removed when {@code replacement} is null. */
    public InterviewState withFact(String id, Fact replacement) {
        var next = new ArrayList<Fact>();
        for (Fact f : facts) {
            if (!f.id().equals(id)) next.add(f);
            else if (replacement != null) next.add(replacement);
        }
        return new InterviewState(unit, year, next, skipped, currentTopic, nextFactId, preferences, deferred, plans, headings);
    }

    /** A copy with one of last year's facts added. */
    InterviewState plusLastYear(String topic, String text, List<Quantity> quantities, String sourceId) {
        var next = new ArrayList<>(facts);
        next.add(new Fact("f-" + nextFactId, topic, text, quantities, sourceId, Fact.Origin.LAST_YEAR));
        return new InterviewState(unit, year, next, skipped, currentTopic, nextFactId + 1, preferences, deferred, plans, headings);
    }

    public InterviewState withProfile(String newUnit, String newYear) {
        return new InterviewState(newUnit, newYear, facts, skipped, currentTopic, nextFactId, preferences, deferred, plans, headings);
    }

    public InterviewState withCurrentTopic(String topic) {
        return new InterviewState(unit, year, facts, skipped, topic, nextFactId, preferences, deferred, plans, headings);
    }

    public InterviewState withFacts(List<Fact> newFacts, int newNextFactId) {
        return new InterviewState(unit, year, newFacts, skipped, currentTopic, newNextFactId, preferences, deferred, plans, headings);
    }

    public InterviewState withSkipped(String topic) {
        var next = new LinkedHashSet<>(skipped);
        next.add(topic);
        return new InterviewState(unit, year, facts, next, currentTopic, nextFactId, preferences, deferred, plans, headings);
    }

    /** A copy with one fact added, numbered from the counter. */
    public InterviewState plusFact(String topic, String text, List<Quantity> quantities, String sourceId) {
        var next = new ArrayList<>(facts);
        next.add(new Fact("f-" + nextFactId, topic, text, quantities, sourceId, Fact.Origin.WRITER));
        return new InterviewState(unit, year, next, skipped, currentTopic, nextFactId + 1, preferences, deferred, plans, headings);
    }
}
