package io.shuzhi.draft;

import java.util.List;
import java.util.Optional;

/** A whole report draft: its sections in reading order, at one version. */
public record Draft(String kind, int version, List<Section> sections) {
    public Draft {
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String ref) {
        return sections.stream().filter(s -> s.ref().equals(ref)).findFirst();
    }

    public String title() {
        return section("title").map(Section::heading).orElse("");
    }

    /** Plain text as a writer pastes it: title, blank line, then one paragraph per line. */
    public String toPlainText() {
        var out = new StringBuilder();
        for (Section s : sections) {
            if (s.ref().equals("title")) {
                out.append(s.heading()).append("\n\n");
                continue;
            }
            if (s.level() == 2 && !s.heading().isEmpty()) {
                // A level-two heading is run in and ends with 。: "（一）强化理论武装，筑牢思想根基。一是……"
                out.append(s.heading()).append('。').append(s.body()).append('\n');
                continue;
            }
            if (!s.heading().isEmpty()) out.append(s.heading()).append('\n');
            if (!s.body().isEmpty()) out.append(s.body()).append('\n');
        }
        return out.toString();
    }
}
