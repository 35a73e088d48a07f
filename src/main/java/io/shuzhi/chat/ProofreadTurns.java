package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Proofreader;
import io.shuzhi.draft.Proofreader.Suggestion;
import io.shuzhi.draft.Section;
import java.util.ArrayList;
import org.springframework.stereotype.Component;

/** {@code proofread}: suggestions for the current draft; {@code accept{id}}: apply one as a new version. */
final class ProofreadTurns {
    private ProofreadTurns() {
    }

    @Component
    static class CheckTurn implements TurnHandler<ClientFrame.Proofread> {
        private final DraftStore drafts;
        private final Proofreader proofreader;

        CheckTurn(DraftStore drafts, Proofreader proofreader) {
            this.drafts = drafts;
            this.proofreader = proofreader;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.Proofread frame) {
            Draft draft = drafts.current(turn.state());
            turn.reply(new ServerFrame.Suggestions(draft.version(), proofreader.check(draft, turn.state().interview().year())));
            return false;
        }
    }

    @Component
    static class AcceptTurn implements TurnHandler<ClientFrame.Accept> {
        private final DraftStore drafts;
        private final Proofreader proofreader;

        AcceptTurn(DraftStore drafts, Proofreader proofreader) {
            this.drafts = drafts;
            this.proofreader = proofreader;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.Accept frame) {
            Draft draft = drafts.current(turn.state());
            Suggestion s = proofreader.check(draft, turn.state().interview().year()).stream().filter(x -> x.id().equals(frame.id())).findFirst()
                    .orElseThrow(() -> new ShuzhiException(ErrorCode.UNKNOWN_SUGGESTION));
            // A 提法 of another year with no single replacement is the writer's to rewrite: accepting must not delete it.
            if (s.right().isEmpty() && "提法".equals(s.category())) {
                throw new ShuzhiException(ErrorCode.UNKNOWN_SUGGESTION, "这一条没有现成的改法，请在草稿里按说明手动修改。");
            }
            Section section = draft.section(s.sectionRef())
                    .orElseThrow(() -> new ShuzhiException(ErrorCode.UNKNOWN_SUGGESTION));
            Draft fixed = replace(draft, section, s);
            turn.newVersion(fixed, "proofread", s.wrong() + "→" + s.right(), "proofreader");
            turn.reply(new ServerFrame.Suggestions(turn.state().draftVersion(),
                    proofreader.check(turn.drafts().get(turn.state().draftVersion()), turn.state().interview().year())));
            return true;
        }

        /** The suggestion's span of heading+body replaced; heading and body split where they were. */
        static Draft replace(Draft draft, Section section, Suggestion s) {
            String whole = section.heading() + section.body();
            String next = whole.substring(0, s.start()) + s.right() + whole.substring(s.end());
            int headingLength = section.heading().length();
            Section changed = s.end() <= headingLength
                    ? new Section(section.ref(), section.level(), next.substring(0, headingLength + next.length()
                    - whole.length()), section.body())
                    : new Section(section.ref(), section.level(), section.heading(),
                    next.substring(Math.min(headingLength, next.length())));
            var sections = new ArrayList<>(draft.sections());
            sections.set(sections.indexOf(section), changed);
            return new Draft(draft.kind(), draft.version(), sections);
        }
    }
}
