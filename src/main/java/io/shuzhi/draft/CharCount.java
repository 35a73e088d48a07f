package io.shuzhi.draft;

/**
 * Counts 字 the way Word and WPS show it in 字数统计, because that is the figure a writer checks a limit such as
 * "全文压到3000字" against after pasting the draft:
 * <ul>
 *   <li>each Chinese character (Han script, including 〇) counts 1;</li>
 *   <li>each full-width punctuation mark or symbol (，。、；：？！“”‘’（）【】《》—…· and the full-width forms
 *       block) counts 1;</li>
 *   <li>each run of half-width letters and digits counts 1 as a whole, with the marks inside it: "2025" is 1,
 *       "3.5" is 1, "80%" is 1, "GB/T" is 1;</li>
 *   <li>spaces, line breaks and half-width punctuation standing alone count 0.</li>
 * </ul>
 * So "研讨交流24次。" counts 4 + 1 + 1 + 1 = 7.
 */
final class CharCount {
    private CharCount() {
    }

    /** The 字 count of {@code text} (0 for null). */
    static int of(String text) {
        if (text == null) return 0;
        int count = 0;
        boolean runHasWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWide(cp)) {
                count += runHasWord ? 2 : 1;
                runHasWord = false;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                count += runHasWord ? 1 : 0;
                runHasWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                runHasWord = true;
            }
            // a half-width mark neither starts nor ends a run: "3.5" and "GB/T" stay one word
        }
        return count + (runHasWord ? 1 : 0);
    }

    /** A character that takes a full square: Han, or full-width punctuation and forms. */
    private static boolean isWide(int cp) {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
        if (cp == 0x3000) return false; // the ideographic space is a space
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || "“”‘’—…·".indexOf(cp) >= 0;
    }
}
