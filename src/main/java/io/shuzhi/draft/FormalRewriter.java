package io.shuzhi.draft;

import io.shuzhi.draft.WordRules.Condition;
import io.shuzhi.draft.WordRules.Element;
import io.shuzhi.draft.WordRules.Rule;
import io.shuzhi.draft.Words.Kind;
import io.shuzhi.draft.Words.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what a writer said into the register of a report: "我们一共发了36册学习书籍" → "发放学习书籍36册". The
 * rules are data ({@link WordRules}): {@code prompts/style/fillers.tsv}, the spoken words a report drops, then
 * {@code prompts/style/<kind>.tsv}, the register of one report kind (who "我们" and "大家" are: 支部 and 党员,
 * 本单位 and 干部职工…), then {@code prompts/style/common.tsv}, the words every kind writes the same way. They match whole words of the segmented text, clause by clause, left to right, the first
 * rule that fits at a place winning; the result is read again (up to three times) so that one rewrite can make room
 * for the next.
 *
 * <p>A clause whose rewrite would lose or change a figure, a quantity, a fixed term (unless a rule names that term as
 * its word, as "一些" or "一直"), a quoted title or a person's or place's name is kept as it was: the content matters
 * more than the register.
 *
 * <p>{@link DraftLexicon} reads the rule files once and holds one rewriter per kind.
 */
final class FormalRewriter {
    static final String COMMON = "prompts/style/common.tsv";
    static final String FILLERS = "prompts/style/fillers.tsv";
    private static final int PASSES = 3;
    private static final Pattern FIGURE = Pattern.compile("[0-9]+(?:[.,][0-9]+)*");

    /** The text rewritten and how many rules were applied. */
    record Rewritten(String text, int count) {
    }

    private final List<Rule> rules;
    /** Words the rules name: a fixed term named by a rule ("一些", "一直") may be rewritten; no other may. */
    private final java.util.Set<String> named;
    private final Words words;

    /** Applies {@code rules} (in order) to the text as {@code words} cuts it. */
    FormalRewriter(List<Rule> rules, Words words) {
        this.words = words;
        this.rules = List.copyOf(rules);
        this.named = rules.stream().flatMap(r -> r.pattern().stream()).flatMap(e -> e.words().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A register's rule file: {@code prompts/style/<kindId>.tsv}. */
    static String registerFile(String kindId) {
        return "prompts/style/" + kindId + ".tsv";
    }

    int size() {
        return rules.size();
    }

    /** The text in the register; quantities are found by the number parser. */
    String rewrite(String text) {
        return apply(text, words.quantityTexts(text)).text();
    }

    /** The text in the register, each of {@code quantities} (as they stand in the text) kept as one word. */
    Rewritten apply(String text, List<String> quantities) {
        if (text == null || text.isEmpty()) return new Rewritten(text == null ? "" : text, 0);
        List<Token> tokens = words.of(text, quantities);
        var out = new StringBuilder();
        int count = 0;
        List<Token> clause = new ArrayList<>();
        for (Token t : tokens) {
            if (t.clauseBreak()) {
                count += clause(clause, out);
                clause.clear();
                out.append(t.text());
            } else {
                clause.add(t);
            }
        }
        count += clause(clause, out);
        return new Rewritten(out.toString(), count);
    }

    /** Rewrites one clause onto {@code out}; the number of rules applied. */
    private int clause(List<Token> original, StringBuilder out) {
        if (original.isEmpty()) return 0;
        List<String> quantities = original.stream().filter(t -> t.kind() == Kind.QUANTITY).map(Token::text).toList();
        List<Token> tokens = original;
        String text = Words.join(original);
        int count = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            var applied = new int[1];
            String next = pass(tokens, applied);
            if (applied[0] == 0 || next.equals(text)) break;
            count += applied[0];
            text = next;
            tokens = words.of(text, quantities);
        }
        List<Token> once = withoutRepeatedVerb(tokens);
        if (once.size() < tokens.size()) {
            text = Words.join(once);
            count++;
        }
        if (count > 0 && !safe(original, text)) {
            text = Words.join(original);
            count = 0;
        }
        // segmenting the clause again costs as much as the rules: only where an amount in 万/亿 or a 来 can be
        String yuan = text.indexOf('万') < 0 && text.indexOf('亿') < 0 && text.indexOf('来') < 0 ? text
                : withYuan(words.of(text, quantities));
        if (!yuan.equals(text)) count++;
        out.append(yuan);
        return count;
    }

    /** A unit written apart from its amount ("3.2亿" "千瓦时"): the amount is not money. */
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "(?:元|美元|港元|欧元|千瓦|度|吨|立方|方|平方|亩|斤|公斤|千克|人|户|册|件|股|台|辆|次|公里|千米|米|头|只|株|棵|个|家|套|张|份|条|本)"
                    + "|[A-Za-z]");

    /** Words of a clause about money: an amount in it said in 万 or 亿 is in 元. */
    private static final Pattern MONEY = Pattern.compile(
            "金额|经费|资金|投资|罚没|罚款|费用|款|收入|产值|营收|税|审减|核减|补贴|贷款|预算|支出|资产|债务|成本|工资|奖金|造价|货值|损失"
                    // money by what is done with it: "一年卖了1200来万", "赔茶农63.8万", "慰问金86万", "贷了620万"
                    + "|销售|营业|成交|交易额|卖|售|赔|赊|贷|募|捐|花了|花费|挣|赚|欠|(?<=\\p{IsHan})金(?![牌奖融属])|贴息|利润|拨付|兑付");

    /**
     * "审减4100多万" → "审减4100多万元", "送审金额5.4个亿" → "送审金额5.4亿元": an amount of money said in 万 or 亿 without
     * 元, in a clause whose words before it name money. 万人, 万册, 万亩 and the like are not money and keep their unit.
     * An amount said with 来 is written with 余 ("40来个" → "40余个").
     */
    static String withYuan(List<Token> tokens) {
        var out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String text = t.text();
            boolean money = MONEY.matcher(out).find();
            // "40来个", "860来万": 来 is how one says 余
            if (t.kind() == Kind.QUANTITY) text = text.replaceAll("(?<=[0-9０-９十百千])来(?=[万亿]|\\p{IsHan})", "余");
            boolean bare = t.kind() == Kind.QUANTITY && (text.endsWith("万") || text.endsWith("亿"));
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
            if (money && bare && !UNIT_AFTER.matcher(next).lookingAt()) {
                text = text.replace("个亿", "亿").replace("个万", "万") + "元";
            }
            out.append(text);
        }
        return out.toString();
    }

    /**
     * A verb said again after its object, before a figure, is said once: "开庭开29场" → "开庭29场", "查线路查30多次" →
     * "查线路30多次", "讲授党课讲两回" → "讲授党课两回". The second verb is one character, the first verb's own first
     * character; only nouns stand between them; a figure (after an optional 了) follows.
     */
    static List<Token> withoutRepeatedVerb(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token verb = tokens.get(i);
            if (!verb.nature().startsWith("v") || verb.kind() != Kind.WORD) continue;
            char head = verb.text().charAt(0);
            for (int j = i + 1; j <= i + 3 && j < tokens.size(); j++) {
                Token again = tokens.get(j);
                boolean same = again.text().length() == 1 && again.text().charAt(0) == head
                        && again.nature().startsWith("v");
                if (!same) {
                    if (again.kind() != Kind.WORD || !(again.nature().startsWith("n") || again.nature().equals("vn"))) break;
                    continue;
                }
                if (verb.text().length() == 1 && j == i + 1) break; // "看看", "想想": not a repeat after an object
                int k = j + 1;
                if (k < tokens.size() && tokens.get(k).text().equals("了")) k++;
                if (k < tokens.size() && tokens.get(k).kind() == Kind.QUANTITY) {
                    List<Token> out = new ArrayList<>(tokens.subList(0, j));
                    out.addAll(tokens.subList(k, tokens.size()));
                    return withoutRepeatedVerb(out);
                }
                break;
            }
        }
        return tokens;
    }

    private String pass(List<Token> tokens, int[] applied) {
        var out = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int[][] spans = null;
            Rule hit = null;
            // a clause whose first words were all dropped starts at the next word: "然后我们…" reads as "我们…"
            boolean start = out.length() == 0;
            for (Rule rule : rules) {
                spans = match(rule, tokens, i, start);
                if (spans != null && !joinsWordBefore(rule, spans, tokens, out, i)) {
                    hit = rule;
                    break;
                }
            }
            if (hit == null) {
                out.append(tokens.get(i).text());
                i++;
                continue;
            }
            List<int[]> words = new ArrayList<>();
            for (int k = 0; k < hit.pattern().size(); k++) if (!hit.pattern().get(k).anchorOnly()) words.add(spans[k]);
            for (String piece : hit.replacement()) {
                if (piece.startsWith("$")) {
                    int[] s = words.get(Integer.parseInt(piece.substring(1)) - 1);
                    for (int k = s[0]; k < s[1]; k++) out.append(tokens.get(k).text());
                } else {
                    out.append(piece);
                }
            }
            applied[0]++;
            i = spans[spans.length - 1][1];
        }
        return out.toString();
    }

    /** The spans [start, end) each element matched, the last entry being the whole match; null when the rule does not fit at {@code at}. */
    private static int[][] match(Rule rule, List<Token> tokens, int at, boolean start) {
        List<Element> pattern = rule.pattern();
        int[][] spans = new int[pattern.size() + 1][];
        if (!match(pattern, 0, tokens, at, start ? at : 0, spans)) return null;
        int end = at;
        for (int k = 0; k < pattern.size(); k++) end = Math.max(end, spans[k][1]);
        if (end == at) return null;
        spans[pattern.size()] = new int[]{at, end};
        for (Condition c : rule.conditions()) {
            if (holds(c, tokens, at, end, start) == c.negated()) return null;
        }
        return spans;
    }

    /** {@code first} is where the clause starts for {@code ^}: 0, or the first word after dropped ones. */
    private static boolean match(List<Element> pattern, int e, List<Token> tokens, int at, int first, int[][] spans) {
        if (e == pattern.size()) return true;
        Element el = pattern.get(e);
        if (el.anchorOnly()) {
            boolean ok = el.anchor() == '^' ? at == first : at == tokens.size();
            spans[e] = new int[]{at, at};
            return ok && match(pattern, e + 1, tokens, at, first, spans);
        }
        int max = 0;
        int limit = el.quantifier() == '+' ? tokens.size() - at : 1;
        while (max < limit && at + max < tokens.size() && el.matches(tokens.get(at + max))) max++;
        int min = el.quantifier() == '?' ? 0 : 1;
        if (nounRun(el) && max > 0) {
            // A run of nouns is a whole noun phrase: it takes the measure or suffix word that ends it ("警示/片" is
            // 警示片) and never stops inside it, so no rule puts a number into the middle of a word ("警示2次片").
            if (at + max < tokens.size() && endsNounPhrase(tokens.get(at + max), el)) max++;
            min = max;
        }
        for (int n = max; n >= min; n--) {
            spans[e] = new int[]{at, at + n};
            if (match(pattern, e + 1, tokens, at + n, first, spans)) return true;
        }
        return false;
    }

    /** A one-or-more element of nouns: "@n|@vn+". */
    private static boolean nounRun(Element el) {
        return el.quantifier() == '+' && el.natures().stream().anyMatch(n -> n.equals("n") || n.equals("vn"));
    }

    /** A one-character measure or suffix word right after nouns belongs to them: 警示/片, 宣传/册. */
    private static boolean endsNounPhrase(Token t, Element el) {
        String n = t.nature();
        return t.kind() == Kind.WORD && t.text().length() == 1 && (n.equals("q") || n.equals("k"))
                && !el.notWords().contains(t.text());
    }

    /**
     * Whether the replacement would read together with the character before it as another word: 都 → 均 after
     * "家里人" gives "人均". Only a replacement of one character is checked (均, 与, 为, 赴: the ones that bind to a
     * neighbour), not one after a pronoun, and not one that starts as the original did.
     */
    private static boolean joinsWordBefore(Rule rule, int[][] spans, List<Token> tokens, StringBuilder out, int at) {
        if (out.isEmpty() || rule.replacement().isEmpty()) return false;
        // after a pronoun ("本人为村干部…") a preposition or adverb is read as one: no compound with it
        if (at > 0 && tokens.get(at - 1).nature().startsWith("r")) return false;
        String first = rule.replacement().get(0);
        if (first.startsWith("$") || first.length() != 1) return false;
        int[] whole = spans[spans.length - 1];
        String original = tokens.get(whole[0]).text();
        char before = out.charAt(out.length() - 1);
        if (original.isEmpty() || first.isEmpty() || original.charAt(0) == first.charAt(0)
                || Character.UnicodeScript.of(before) != Character.UnicodeScript.HAN) {
            return false;
        }
        return com.hankcs.hanlp.dictionary.CoreDictionary.contains("" + before + first.charAt(0));
    }

    private static boolean holds(Condition c, List<Token> tokens, int start, int end, boolean clauseStart) {
        Element el = c.element();
        return switch (c.where()) {
            case "prev" -> el.anchorOnly() ? el.anchor() == '^' && (start == 0 || clauseStart)
                    : start > 0 && !clauseStart && el.matches(tokens.get(start - 1));
            case "next" -> el.anchorOnly() ? el.anchor() == '$' && end == tokens.size()
                    : end < tokens.size() && el.matches(tokens.get(end));
            default -> tokens.stream().anyMatch(el::matches);
        };
    }

    /** Every figure, quantity, fixed term, quoted title and name of the clause is still there, as often as before. */
    private boolean safe(List<Token> before, String after) {
        if (!figures(Words.join(before)).equals(figures(after))) return false;
        Map<String, Integer> kept = new HashMap<>();
        for (Token t : before) {
            boolean name = t.kind() == Kind.WORD && (t.nature().startsWith("nr") || t.nature().startsWith("ns"));
            boolean term = t.kind() == Kind.TERM && !named.contains(t.text());
            if (t.kind() == Kind.QUANTITY || term || name) kept.merge(t.text(), 1, Integer::sum);
        }
        for (var e : kept.entrySet()) {
            if (occurrences(after, e.getKey()) < e.getValue()) return false;
        }
        return true;
    }

    private static Map<String, Integer> figures(String text) {
        Map<String, Integer> out = new HashMap<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) out.merge(m.group(), 1, Integer::sum);
        return out;
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
        return n;
    }
}
