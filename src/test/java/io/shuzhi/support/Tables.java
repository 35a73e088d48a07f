package io.shuzhi.support;

import io.shuzhi.draft.DraftLexicon;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.NumberParser;

/** The word tables of {@code prompts/}, read once for the plain tests of a run, as the app reads them at startup. */
public final class Tables {
    /** The interview's tables and readers. */
    public static final Lexicon LEXICON = Lexicon.load();
    /** The drafter's tables and writers. */
    public static final DraftLexicon DRAFT_LEXICON = DraftLexicon.load(LEXICON);
    /** The number parser, fixed terms and all. */
    public static final NumberParser NUMBERS = LEXICON.numbers();

    private Tables() {
    }
}
