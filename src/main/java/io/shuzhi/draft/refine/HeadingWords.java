package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.MessageText.MASK;

import io.shuzhi.draft.BodyText;
import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.Section;
import io.shuzhi.draft.refine.MessageText.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Target resolution by a heading's words: "在组织建设里加一条" finds the section whose heading and item leads share
 * the most character pairs with what is left of the message once verbs, places and filler words are gone.
 */
final class HeadingWords {
    private static final Pattern STOP_ANYWHERE = Pattern.compile(
            "请|帮我|帮忙|麻烦|能不能|能否|可不可以|可以|是否|稍微|一下|一些|一点|里面|当中|之中|部分|内容|文字|语气|措辞|用词|表述|"
                    + "写得|写的|改得|有点|有些|需要|应该|我觉得|感觉|一条|一项|左右|以内|之内|以下|上下|大约|控制|[，。！？、：；,.!?:;\\s]");
    private static final String STOP_EDGE = "把将给再稍的地得里中上写改吧呢啊呀了都还太更要在和与跟同及到为成约字些点";

    private final Set<String> generic;

    HeadingWords(RefineWords words) {
        this.generic = words.generic();
    }

    /** The best-scoring places, the span of the words that named them and those words. */
    record Scored(List<Target> targets, Span span, String words) {
    }

    /**
     * "组织建设" → the section whose heading (2 points a shared pair of characters) and item leads (1 point) share the
     * most with the words; a tie is returned whole, for the writer to pick. Null when nothing scores.
     */
    Scored byHeadingWords(String text, List<Span> chunks, Draft draft) {
        Set<String> pairs = new LinkedHashSet<>();
        for (Span c : chunks) {
            String w = text.substring(c.start(), c.end());
            for (int i = 0; i + 2 <= w.length(); i++) {
                String b = w.substring(i, i + 2);
                if (b.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) && !generic.contains(b)) pairs.add(b);
            }
        }
        if (pairs.isEmpty()) return null;
        int best = 1;
        List<Target> top = new ArrayList<>();
        for (Section s : draft.sections()) {
            if (!s.ref().matches("[0-9]+(\\.[0-9]+)?")) continue;
            String heading = s.heading().replaceFirst("^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])", "");
            List<String> leads = BodyText.items(s.body()).stream().map(BodyText::lead).toList();
            int score = 0;
            for (String b : pairs) {
                if (heading.contains(b)) score += 2;
                else if (leads.stream().anyMatch(l -> l.contains(b))) score += 1;
            }
            Target t = s.ref().contains(".") ? Target.of(Scope.SECTION, s.ref()) : Target.of(Scope.PART, s.ref());
            if (score > best) {
                best = score;
                top.clear();
                top.add(t);
            } else if (score == best && score > 1) {
                top.add(t);
            }
        }
        if (top.isEmpty()) return null;
        Span span = new Span(chunks.get(0).start(), chunks.get(chunks.size() - 1).end());
        return new Scored(top, span, text.substring(span.start(), span.end()));
    }

    /** The sections best matching an ADD's text, then the others, for the "加在哪一节？" buttons. */
    List<Target> rankedFor(String argument, Draft draft) {
        List<Target> all = Places.bodyTargets(draft);
        if (argument == null) return all;
        Scored s = byHeadingWords(argument, List.of(new Span(0, argument.length())), draft);
        if (s == null) return all;
        List<Target> out = new ArrayList<>(s.targets);
        for (Target t : all) if (!out.contains(t)) out.add(t);
        return out;
    }

    /** What is left of the message once verbs, places and filler words are gone: maybe heading words. */
    static List<Span> chunks(String m) {
        String s = MessageText.maskMatches(m, STOP_ANYWHERE);
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == MASK) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && s.charAt(j) != MASK) j++;
            int a = i;
            int b = j;
            while (a < b && STOP_EDGE.indexOf(s.charAt(a)) >= 0) a++;
            while (b > a && STOP_EDGE.indexOf(s.charAt(b - 1)) >= 0) b--;
            String core = s.substring(a, b);
            if (b - a >= 2 && !core.isBlank()) out.add(new Span(a, b));
            i = j;
        }
        return out;
    }

    /** The Han characters in the chunks. */
    static int hanCount(String text, List<Span> chunks) {
        int n = 0;
        for (Span c : chunks) n += (int) text.substring(c.start(), c.end()).codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return n;
    }
}
