package io.shuzhi.draft.refine;

import static io.shuzhi.draft.refine.OfflineRefiner.NEEDS_MODEL;
import static io.shuzhi.draft.refine.OfflineRefiner.unchanged;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Refinement;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import java.util.regex.Pattern;

/** "重写第二部分", "开头换个说法": new wording, which only a model writes; offline it says so. */
final class Rewrite implements Edit {
    /** The words that ask for it. */
    static final Pattern WORDS = Pattern.compile(
            "重写|重新写|改写|换个说法|换种说法|换一种说法|换个写法|换种写法|换一种写法|换个表述|换种表述|换一种表述|重新表述|重新组织语言|润色|再写一遍");

    @Override
    public Outcome apply(Draft draft, Refinement r, Context in) {
        return unchanged(draft, "离线模式不能换个说法重写" + Places.describe(draft, r.target())
                + "：重写需要" + NEEDS_MODEL + "。您也可以直接在草稿里修改这段文字。");
    }
}
