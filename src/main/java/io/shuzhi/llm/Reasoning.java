package io.shuzhi.llm;

import java.util.regex.Pattern;

/**
 * A reasoning model's thinking is never draft text. Qwen3, QwQ and DeepSeek-R1 served by Ollama, vLLM or llama.cpp
 * put it in the content between {@code <think>} and {@code </think>}; DeepSeek's API sends it as
 * {@code reasoning_content} beside the content (LangChain4j hands that to {@code onPartialThinking}, which only keeps
 * the watchdogs quiet). This takes the tagged kind out: {@link #strip} for a whole answer, a {@link Filter} for a
 * stream, where a tag may be split across chunks and a stream may end inside the thinking.
 */
final class Reasoning {
    static final String OPEN = "<think>";
    static final String CLOSE = "</think>";
    private static final Pattern BLOCK = Pattern.compile("<think>.*?(?:</think>|$)", Pattern.DOTALL);

    private Reasoning() {
    }

    /**
     * A whole answer without its thinking: every {@code <think>…</think>} block, a block left open at the end, and —
     * when a server's chat template opened the block in the prompt, so only {@code </think>} comes back — everything
     * before the last stray {@code </think>}.
     */
    static String strip(String text) {
        if (text == null) return null;
        String out = BLOCK.matcher(text).replaceAll("");
        int stray = out.lastIndexOf(CLOSE);
        if (stray >= 0) out = out.substring(stray + CLOSE.length());
        return out.strip();
    }

    /**
     * Streamed content in, visible content out. Holds back only the few characters that may be the start of a tag, so
     * text still reaches the page as it comes. One per stream; not thread-safe (the turn's thread feeds it).
     */
    static final class Filter {
        private final StringBuilder pending = new StringBuilder();
        private boolean inside;
        private boolean sawThinking;

        /** The visible part of {@code chunk} (possibly empty). */
        String feed(String chunk) {
            pending.append(chunk == null ? "" : chunk);
            var out = new StringBuilder();
            while (true) {
                String tag = inside ? CLOSE : OPEN;
                int at = pending.indexOf(tag);
                if (at >= 0) {
                    if (!inside) out.append(pending, 0, at);
                    pending.delete(0, at + tag.length());
                    inside = !inside;
                    sawThinking = true;
                    continue;
                }
                if (!inside) {
                    // A closing tag with no opening one (the template opened it): drop the tag itself.
                    int stray = pending.indexOf(CLOSE);
                    if (stray >= 0) {
                        out.append(pending, 0, stray);
                        pending.delete(0, stray + CLOSE.length());
                        sawThinking = true;
                        continue;
                    }
                }
                int keep = partialTagAtEnd(pending, inside);
                if (!inside) out.append(pending, 0, pending.length() - keep);
                pending.delete(0, pending.length() - keep);
                return out.toString();
            }
        }

        /** What is left at the end of the stream: nothing when it ended inside the thinking. */
        String finish() {
            String rest = inside ? "" : pending.toString();
            pending.setLength(0);
            inside = false;
            return rest;
        }

        /** True once any thinking was seen (for the log). */
        boolean sawThinking() {
            return sawThinking;
        }

        /** Length of the longest end of {@code text} that may grow into a tag. */
        private static int partialTagAtEnd(CharSequence text, boolean inside) {
            int max = Math.min(text.length(), CLOSE.length() - 1);
            for (int n = max; n > 0; n--) {
                String end = text.subSequence(text.length() - n, text.length()).toString();
                if (CLOSE.startsWith(end) || (!inside && OPEN.startsWith(end))) return n;
            }
            return 0;
        }
    }
}
