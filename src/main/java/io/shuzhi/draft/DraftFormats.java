package io.shuzhi.draft;

/** A draft as plain text and as Markdown, the way a writer pastes or downloads it. */
public final class DraftFormats {
    private DraftFormats() {
    }

    public static String text(Draft draft) {
        return draft.toPlainText();
    }

    public static String markdown(Draft draft) {
        var out = new StringBuilder();
        for (Section s : draft.sections()) {
            if (s.ref().equals("title")) {
                out.append("# ").append(md(s.heading())).append("\n\n");
            } else if (s.level() == 2 && !s.heading().isEmpty()) {
                out.append("**").append(md(s.heading())).append("。**").append(md(s.body())).append("\n\n");
            } else {
                if (!s.heading().isEmpty()) out.append("## ").append(md(s.heading())).append("\n\n");
                if (!s.body().isEmpty()) out.append(md(s.body())).append("\n\n");
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /**
     * The writer's (or a model's) text as Markdown shows it, not as Markdown reads it: the ASCII marks that make links,
     * images, raw HTML, emphasis, code and headings are backslash-escaped (CommonMark shows an escaped mark as itself).
     * Chinese text uses full-width punctuation, so a real draft is left as it was.
     */
    static String md(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>!#|~{}".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
