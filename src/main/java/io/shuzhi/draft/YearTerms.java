package io.shuzhi.draft;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 提法 of a report's year, read once from {@code prompts/style/years.yaml} by {@link DraftLexicon}: that year's
 * 学习教育 (a 2025 report names 深入贯彻中央八项规定精神学习教育 and no other year's), the clause the opening gives it,
 * and notes for the model.
 */
public final class YearTerms {
    static final String FILE = "prompts/style/years.yaml";
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");

    /**
     * One year's 提法. {@code onlyWhenSaid}: a campaign meant for some cadres only (2026: leaders at county level and
     * above) is named in the opening only when one of the writer's facts holds this word; null for a party-wide one.
     */
    record Year(String year, String campaign, String opening, List<String> notes, String onlyWhenSaid) {
        public Year {
            notes = List.copyOf(notes);
        }

        Year(String year, String campaign, String opening, List<String> notes) {
            this(year, campaign, opening, notes, null);
        }

        /** Whether the opening names the campaign for a writer who said {@code said}. */
        boolean named(java.util.Collection<String> said) {
            return onlyWhenSaid == null || said.stream().anyMatch(t -> t.contains(onlyWhenSaid));
        }
    }

    private final Map<String, Year> years;

    /** The years of {@link #parse}, in the file's order. */
    YearTerms(Map<String, Year> years) {
        this.years = years;
    }

    /** The 提法 of a report year ("2025", "2025年", "2025年度"); empty for a year the file does not list. */
    public Optional<Year> of(String reportYear) {
        if (reportYear == null) return Optional.empty();
        var m = YEAR.matcher(reportYear);
        return m.find() ? Optional.ofNullable(all().get(m.group())) : Optional.empty();
    }

    /** Every year listed, in the file's order. */
    public Map<String, Year> all() {
        return years;
    }

    /** The notes for the model: the year's own lines and the campaigns of other years it must not claim. */
    public String notes(String reportYear) {
        Optional<Year> year = of(reportYear);
        if (year.isEmpty()) return "报告年度不在提法表中：不写任何年份特定的学习教育名称，按述职人提供的事实表述。";
        var out = new StringBuilder("报告年度为" + year.get().year() + "年：\n");
        year.get().notes().forEach(n -> out.append("- ").append(n).append('\n'));
        List<String> others = all().values().stream().filter(v -> !v.year().equals(year.get().year()))
                .map(Year::campaign).toList();
        out.append("- 不把其他年份的学习教育（").append(String.join("、", others)).append("）写成当年的工作，述职人自己提到的除外。");
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Year> parse(String content) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        if (!(root instanceof Map<?, ?> map)) throw new IllegalStateException(FILE + ": must be a mapping of years");
        Map<String, Year> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            String year = String.valueOf(e.getKey());
            if (!YEAR.matcher(year).matches()) throw new IllegalStateException(FILE + ": '" + year + "' is not a year");
            if (!(e.getValue() instanceof Map<?, ?> entry)) throw new IllegalStateException(FILE + ": " + year + " must be a mapping");
            String campaign = text(entry, year, "campaign");
            String opening = text(entry, year, "opening");
            if (!opening.contains(campaign)) throw new IllegalStateException(FILE + ": " + year + ".opening must name its campaign");
            List<String> notes = new ArrayList<>();
            if (entry.get("notes") instanceof List<?> l) l.forEach(n -> notes.add(String.valueOf(n).strip()));
            String onlyWhenSaid = entry.get("only_when_said") instanceof String w && !w.isBlank() ? w.strip() : null;
            out.put(year, new Year(year, campaign, opening, notes, onlyWhenSaid));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String text(Map<?, ?> entry, String year, String field) {
        Object v = entry.get(field);
        if (!(v instanceof String s) || s.isBlank()) throw new IllegalStateException(FILE + ": " + year + "." + field + " is missing");
        return s.strip();
    }
}
