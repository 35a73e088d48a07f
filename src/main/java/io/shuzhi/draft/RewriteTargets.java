package io.shuzhi.draft;

import io.shuzhi.draft.Refinement.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a {@link SectionRewriter}'s new text goes: the pieces of a draft a refinement's target covers (whole bodies,
 * or one 一是/二是 item inside a body), the 字 each should come to, and how new text is put back so that headings,
 * ordinals and every other section stay exactly as they were. Pure; no Spring.
 */
public final class RewriteTargets {
    private static final Pattern ITEM_ORDINAL = Pattern.compile("^\\s*[一二三四五六七八九十]{1,3}是[，,：:]?");
    private static final String SENTENCE_END = "。】；！？";

    private RewriteTargets() {
    }

    /**
     * One piece of text a rewrite replaces: the section's body is {@code before + text + after}.
     *
     * @param index   the section's index in the draft
     * @param item    the 1-based item (一是/二是) the piece is, or 0 for the whole body
     * @param before  what stays in front: "" for a whole body; the body up to and including "二是" for an item
     * @param text    what the model rewrites (an item without its ordinal)
     * @param after   what stays behind: the following items, or ""
     * @param goal    the 字 the rewritten text should come to ({@link CharCount}), or null when none was asked for
     */
    public record Piece(int index, Section section, int item, String before, String text, String after, Integer goal) {
        public String ref() {
            return section.ref();
        }

        /** "二是" for item 2; "" for a whole body. */
        public String ordinal() {
            return item == 0 ? "" : Ordinals.item(item);
        }

        /** The 字 of {@link #text()}, counted like Word's 字数统计. */
        public int chars() {
            return CharCount.of(text);
        }
    }

    /**
     * The pieces {@code target} covers, in draft order: nothing for the title or for a target that is not in the
     * draft; a part covers its own body (an itemized part) and its sections' bodies; the whole covers every body but
     * the title's. {@code targetChars} (the whole target's 字, headings included, as the offline refiner counts
     * them) is shared over the pieces by their length.
     */
    public static List<Piece> pieces(Draft draft, Target target, Integer targetChars) {
        List<Section> all = draft.sections();
        List<Integer> scope = new ArrayList<>();
        switch (target.scope()) {
            case TITLE -> {
                return List.of();
            }
            case WHOLE -> {
                for (int i = 0; i < all.size(); i++) scope.add(i);
            }
            case PART -> {
                for (int i = 0; i < all.size(); i++) {
                    String ref = all.get(i).ref();
                    if (ref.equals(target.ref()) || ref.startsWith(target.ref() + ".")) scope.add(i);
                }
            }
            case OPENING, SECTION, ITEM -> {
                for (int i = 0; i < all.size(); i++) if (all.get(i).ref().equals(target.ref())) scope.add(i);
            }
        }
        if (scope.isEmpty()) return List.of();
        if (target.scope() == Refinement.Scope.ITEM) return item(draft, scope.get(0), target.item(), targetChars);

        List<Integer> bodies = scope.stream()
                .filter(i -> !all.get(i).body().isBlank() && !all.get(i).ref().equals("title")).toList();
        if (bodies.isEmpty()) return List.of();
        int bodyChars = bodies.stream().mapToInt(i -> CharCount.of(all.get(i).body())).sum();
        Integer forBodies = null;
        if (targetChars != null) {
            List<Section> inScope = scope.stream().map(all::get).toList();
            int total = CharCount.of(new Draft(draft.kind(), draft.version(), inScope).toPlainText());
            // Headings and ordinals stay; only the bodies can grow or shrink.
            forBodies = Math.max(targetChars - (total - bodyChars), bodies.size() * 20);
        }
        List<Piece> out = new ArrayList<>();
        for (int i : bodies) {
            Section s = all.get(i);
            Integer goal = forBodies == null ? null
                    : Math.max(20, (int) Math.round((double) CharCount.of(s.body()) * forBodies / Math.max(1, bodyChars)));
            out.add(new Piece(i, s, 0, "", s.body(), "", goal));
        }
        return out;
    }

    private static List<Piece> item(Draft draft, int index, Integer item, Integer targetChars) {
        Section s = draft.sections().get(index);
        List<Integer> starts = BodyText.itemStarts(s.body());
        if (item == null || item < 1 || item > starts.size()) return List.of();
        int start = starts.get(item - 1);
        int end = item < starts.size() ? starts.get(item) : s.body().length();
        String ordinal = Ordinals.item(item);
        String before = s.body().substring(0, start) + ordinal;
        String text = s.body().substring(start + ordinal.length(), end);
        Integer goal = targetChars == null ? null : Math.max(10, targetChars - CharCount.of(ordinal));
        return List.of(new Piece(index, s, item, before, text, s.body().substring(end), goal));
    }

    /** The section with {@code newText} in place of the piece's text; its heading and ordinals as they were. */
    public static Section put(Piece piece, String newText) {
        String text = newText == null ? "" : newText.strip();
        String heading = piece.section().heading();
        if (!heading.isEmpty() && text.startsWith(heading)) {
            // A model that repeats the heading it was told not to write: the heading is printed once already.
            text = text.substring(heading.length()).replaceFirst("^[。：:，,\\s]+", "");
        }
        if (piece.item() > 0) {
            text = ITEM_ORDINAL.matcher(text).replaceFirst("");
            // The next item is found by its "三是" after a full stop: an item must end a sentence.
            if (!text.isEmpty() && SENTENCE_END.indexOf(text.charAt(text.length() - 1)) < 0) text += "。";
        }
        return piece.section().withBody(piece.before() + text + piece.after());
    }

    /** The draft with each piece's section replaced (version + 1); every other section is the very same value. */
    public static Draft apply(Draft draft, List<Section> rewritten) {
        List<Section> next = new ArrayList<>(draft.sections());
        for (Section s : rewritten) {
            for (int i = 0; i < next.size(); i++) if (next.get(i).ref().equals(s.ref())) next.set(i, s);
        }
        return new Draft(draft.kind(), draft.version() + 1, next);
    }
}
