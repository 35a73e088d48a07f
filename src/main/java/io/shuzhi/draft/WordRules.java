package io.shuzhi.draft;

import io.shuzhi.draft.Words.Kind;
import io.shuzhi.draft.Words.Token;
import io.shuzhi.prompts.TsvLines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrite rules over words, read from a tab-separated table: {@code pattern<TAB>replacement[<TAB>conditions]}.
 *
 * <p>A pattern is elements separated by spaces; each matches one word (or several with {@code +}, or none with
 * {@code ?}):
 * <ul>
 *   <li>{@code 搞} the word 搞 exactly (never a part of a word: "搞活" is not "搞");</li>
 *   <li>{@code 搞|弄} either word; {@code @v} any word whose part of speech starts with v (HanLP's natures:
 *       n noun, v verb, vn verbal noun, a adjective, d adverb, m numeral, q measure word, rr personal pronoun,
 *       t time, y modal particle, ude1 的…); {@code #Q} a quantity ("24次"), {@code #Qa} one given as a round
 *       figure ("20余次", "近20次"), {@code #Qx} one given exactly; {@code #T} a fixed term or a quoted
 *       title; {@code *} any word that is not punctuation;</li>
 *   <li>{@code !是} excludes a word, {@code !@r} a part of speech: {@code @v|!是|!有} is a verb other than 是 and 有;</li>
 *   <li>{@code ^} the start of a clause, {@code $} its end (zero width);</li>
 *   <li>a suffix {@code ?} (optional) or {@code +} (one or more).</li>
 * </ul>
 * The replacement is literal text and {@code $k} (the words the k-th element matched, anchors not counted) separated by spaces, or a
 * single {@code -} for nothing. Conditions, joined by {@code &}: {@code prev:E} / {@code !prev:E} (the word before
 * the match), {@code next:E} / {@code !next:E} (the word after it), {@code has:E} / {@code !has:E} (some word of the
 * clause), each {@code E} one element. A replacement holds no digit: rules never bring a number. A line starting
 * with "# " is a comment.
 */
final class WordRules {
    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");
    private static final Pattern APPROX = Pattern.compile("[余多几近约来]|左右|以上|上下");
    static final int ANY_QUANTITY = 1, APPROX_QUANTITY = 2, EXACT_QUANTITY = 3;

    /** "20余次", "近20次", "30多场", "95%以上": a quantity the writer gave as a round figure. */
    static boolean approximate(String quantity) {
        return APPROX.matcher(quantity).find();
    }

    /** One element of a pattern. */
    record Element(List<String> words, List<String> natures, List<String> notWords, List<String> notNatures,
                   int quantity, boolean term, boolean any, char anchor, char quantifier) {
        boolean anchorOnly() {
            return anchor != 0;
        }

        boolean matches(Token t) {
            if (t.punct()) return false;
            if (notWords.contains(t.text())) return false;
            for (String n : notNatures) if (t.nature().startsWith(n)) return false;
            boolean positive = any || quantity > 0 || term || !words.isEmpty() || !natures.isEmpty();
            if (!positive) return t.kind() == Kind.WORD;
            if (any) return true;
            if (t.kind() == Kind.QUANTITY) return quantity == ANY_QUANTITY
                    || quantity == (approximate(t.text()) ? APPROX_QUANTITY : EXACT_QUANTITY);
            if (term && t.kind() == Kind.TERM) return true;
            if (words.contains(t.text())) return true;
            for (String n : natures) if (t.nature().startsWith(n)) return true;
            return false;
        }
    }

    record Condition(String where, boolean negated, Element element) {
    }

    /** One rule; {@code source} is "file:line" for messages. */
    record Rule(List<Element> pattern, List<String> replacement, List<Condition> conditions, String source) {
    }

    private WordRules() {
    }

    static List<Rule> parse(String file, String content) {
        List<Rule> out = new ArrayList<>();
        for (TsvLines.Line line : TsvLines.of(content, WordRules::comment)) {
            String where = line.where(file);
            String[] cols = line.cols();
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalStateException(where + ": expected pattern<TAB>replacement[<TAB>conditions]");
            }
            List<Element> pattern = new ArrayList<>();
            for (String e : cols[0].strip().split(" +")) pattern.add(element(e, where, true));
            if (pattern.stream().allMatch(Element::anchorOnly)) throw new IllegalStateException(where + ": pattern matches no word");
            int words = (int) pattern.stream().filter(el -> !el.anchorOnly()).count();
            List<String> replacement = replacement(cols[1].strip(), words, where);
            List<Condition> conditions = new ArrayList<>();
            if (cols.length > 2 && !cols[2].isBlank()) {
                for (String c : cols[2].split("\\s*&\\s*")) conditions.add(condition(c.strip(), where));
            }
            out.add(new Rule(List.copyOf(pattern), replacement, List.copyOf(conditions), where));
        }
        return List.copyOf(out);
    }

    /** "#" alone or before a space, a tab or "-" starts a comment; "#Q…" and "#T…" start a pattern. */
    private static boolean comment(String line) {
        return line.equals("#") || line.startsWith("# ") || line.startsWith("#\t") || line.startsWith("#-");
    }

    private static List<String> replacement(String text, int elements, String where) {
        if (text.equals("-")) return List.of();
        List<String> out = new ArrayList<>();
        for (String piece : text.split(" +")) {
            if (piece.startsWith("$")) {
                int k;
                try {
                    k = Integer.parseInt(piece.substring(1));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(where + ": bad reference " + piece);
                }
                if (k < 1 || k > elements) throw new IllegalStateException(where + ": " + piece + " names no element");
            } else if (DIGIT.matcher(piece).find()) {
                throw new IllegalStateException(where + ": no digits in a replacement (rules never bring a number)");
            }
            out.add(piece);
        }
        return List.copyOf(out);
    }

    private static Condition condition(String c, String where) {
        boolean negated = c.startsWith("!");
        String body = negated ? c.substring(1) : c;
        int colon = body.indexOf(':');
        if (colon < 0) throw new IllegalStateException(where + ": unknown condition " + c);
        String kind = body.substring(0, colon);
        if (!List.of("prev", "next", "has").contains(kind)) throw new IllegalStateException(where + ": unknown condition " + c);
        return new Condition(kind, negated, element(body.substring(colon + 1), where, false));
    }

    private static Element element(String e, String where, boolean quantifiable) {
        if (e.equals("^") || e.equals("$")) {
            return new Element(List.of(), List.of(), List.of(), List.of(), 0, false, false, e.charAt(0), (char) 0);
        }
        char quantifier = 0;
        if (quantifiable && e.length() > 1 && (e.endsWith("?") || e.endsWith("+"))) {
            quantifier = e.charAt(e.length() - 1);
            e = e.substring(0, e.length() - 1);
        }
        List<String> words = new ArrayList<>(), natures = new ArrayList<>(), notWords = new ArrayList<>(),
                notNatures = new ArrayList<>();
        int quantity = 0;
        boolean term = false, any = false;
        for (String a : e.split("\\|")) {
            if (a.isEmpty()) throw new IllegalStateException(where + ": empty alternative in " + e);
            boolean not = a.startsWith("!") && a.length() > 1;
            String atom = not ? a.substring(1) : a;
            if (atom.equals("#Q") && !not) quantity = ANY_QUANTITY;
            else if (atom.equals("#Qa") && !not) quantity = APPROX_QUANTITY;
            else if (atom.equals("#Qx") && !not) quantity = EXACT_QUANTITY;
            else if (atom.equals("#T") && !not) term = true;
            else if (atom.equals("*") && !not) any = true;
            else if (atom.startsWith("@") && atom.length() > 1) (not ? notNatures : natures).add(atom.substring(1));
            else if (DIGIT.matcher(atom).find()) throw new IllegalStateException(where + ": no digits in a pattern");
            else (not ? notWords : words).add(atom);
        }
        return new Element(words, natures, notWords, notNatures, quantity, term, any, (char) 0, quantifier);
    }
}
