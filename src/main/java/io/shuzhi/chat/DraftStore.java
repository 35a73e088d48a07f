package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.session.SessionStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads draft versions of a session. */
@Component
class DraftStore {
    private final SessionStore store;
    private final FrameCodec codec;

    DraftStore(SessionStore store, FrameCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    Optional<Draft> get(String sessionId, int version) {
        if (version <= 0) return Optional.empty();
        return store.draft(sessionId, version).map(j -> codec.fromJson(j, Draft.class));
    }

    /** The draft shown now; refuses with NO_DRAFT when there is none. */
    Draft current(SessionState state) {
        return get(state.id(), state.draftVersion())
                .orElseThrow(() -> new ShuzhiException(ErrorCode.NO_DRAFT));
    }
}
