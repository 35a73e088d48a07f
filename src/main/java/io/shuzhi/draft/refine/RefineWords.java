package io.shuzhi.draft.refine;

import io.shuzhi.prompts.PromptFiles;
import io.shuzhi.prompts.TsvLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the parser reads follow-ups with, from {@code prompts/refine/*.tsv} (see each file's header).
 *
 * @param partGroups the words of each part of a report, in file order: a word finds the parts whose heading holds a
 *                   word of its group
 * @param spoken     the words a writer names a part by ("问题部分"), in file order
 * @param generic    character pairs that name no place (支部, 党建 …), skipped when matching headings
 */
record RefineWords(List<List<String>> partGroups, List<String> spoken, Set<String> generic) {
    static final String PART_GROUPS = "prompts/refine/part-groups.tsv";
    static final String GENERIC = "prompts/refine/generic-words.tsv";

    RefineWords {
        partGroups = partGroups.stream().map(List::copyOf).toList();
        spoken = List.copyOf(spoken);
        generic = Set.copyOf(generic);
    }

    /** Both files, from the prompts/ folder or the jar; IllegalStateException naming the file and line if malformed. */
    static RefineWords load() {
        return parse(PromptFiles.read(PART_GROUPS), PromptFiles.read(GENERIC));
    }

    static RefineWords parse(String partGroups, String generic) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> spoken = new ArrayList<>();
        for (String[] cols : rows(partGroups, PART_GROUPS, 3)) {
            if (!cols[2].equals("yes") && !cols[2].equals("no")) {
                throw new IllegalStateException(PART_GROUPS + ": " + cols[1] + ": spoken must be yes or no, not " + cols[2]);
            }
            groups.computeIfAbsent(cols[0], g -> new ArrayList<>()).add(cols[1]);
            if (cols[2].equals("yes")) spoken.add(cols[1]);
        }
        Set<String> words = new LinkedHashSet<>();
        for (String[] cols : rows(generic, GENERIC, 1)) words.add(cols[0]);
        return new RefineWords(List.copyOf(groups.values()), spoken, words);
    }

    /** The non-comment lines of a tab-separated file, each with exactly {@code columns} non-blank columns. */
    private static List<String[]> rows(String content, String file, int columns) {
        List<String[]> out = new ArrayList<>();
        for (TsvLines.Line line : TsvLines.of(content)) {
            String[] cols = line.cols();
            boolean blank = false;
            for (int i = 0; i < cols.length; i++) {
                cols[i] = cols[i].strip();
                blank |= cols[i].isEmpty();
            }
            if (cols.length != columns || blank) {
                throw new IllegalStateException(line.where(file) + ": expected " + columns + " tab-separated columns");
            }
            out.add(cols);
        }
        if (out.isEmpty()) throw new IllegalStateException(file + ": no entries");
        return out;
    }
}
