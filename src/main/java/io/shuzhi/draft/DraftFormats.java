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
                out.append("# ").append(s.heading()).append("\n\n");
            } else if (s.level() == 2 && !s.heading().isEmpty()) {
                out.append("**").append(s.heading()).append("。**").append(s.body()).append("\n\n");
            } else {
                if (!s.heading().isEmpty()) out.append("## ").append(s.heading()).append("\n\n");
                if (!s.body().isEmpty()) out.append(s.body()).append("\n\n");
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
