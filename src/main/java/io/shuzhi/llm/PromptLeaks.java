package io.shuzhi.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells whether model output recites the system prompt: a run of {@value #RUN} characters (whitespace ignored) of the
 * prompt, or a whole sentence of at least {@value #SHORT} characters that is part of it. The prompt tells the model
 * never to reveal it, but a model can be talked into it by text the writer pastes; this check is what makes "never
 * shown" hold whatever the model does. Text the prompt quotes (“履职情况及成效、存在问题和不足、下步工作举措”,
 * “一是、二是”, “【待补充：……】”) is the genre's own wording that real drafts use, so it is not guarded.
 */
final class PromptLeaks {
    static final int RUN = 16;
    static final int SHORT = 8;
    private final Set<String> runs = new HashSet<>();
    private final String prompt;
    private final List<String> quotes = new ArrayList<>();

    PromptLeaks(String prompt) {
        String p = squeeze(prompt);
        this.prompt = p;
        // quoted[i]: the character is a quote mark or inside “…”.
        boolean[] quoted = new boolean[p.length()];
        int open = -1;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '“') open = i;
            if (open >= 0) quoted[i] = true;
            if (c == '”' && open >= 0) {
                quotes.add(p.substring(open + 1, i));
                open = -1;
            }
        }
        // A run is guarded when some of it is the prompt's own words, not only what it quotes.
        for (int i = 0; i + RUN <= p.length(); i++) {
            for (int k = i; k < i + RUN; k++) {
                if (!quoted[k]) {
                    runs.add(p.substring(i, i + RUN));
                    break;
                }
            }
        }
    }

    /** Whether {@code text} holds a guarded run of the prompt, or is a short sentence of its own words. */
    boolean in(String text) {
        String t = squeeze(text);
        for (int i = 0; i + RUN <= t.length(); i++) {
            if (runs.contains(t.substring(i, i + RUN))) return true;
        }
        if (t.length() >= SHORT && t.length() < RUN && prompt.contains(t)) {
            return quotes.stream().noneMatch(q -> q.contains(t));
        }
        return false;
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }
}
