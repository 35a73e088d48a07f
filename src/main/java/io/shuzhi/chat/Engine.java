package io.shuzhi.chat;

import io.shuzhi.draft.DraftWriter;
import io.shuzhi.interview.InterviewEngine;

/**
 * The engine a session's turns run on: how it interviews and how it drafts, and the name the page shows
 * ("offline", or the model's name).
 */
record Engine(String name, InterviewEngine interviewer, DraftWriter drafter) {
    public static final String OFFLINE = "offline";

    public boolean offline() {
        return OFFLINE.equals(name);
    }
}
