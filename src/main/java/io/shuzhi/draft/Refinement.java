package io.shuzhi.draft;

/**
 * One edit a writer asked for on an existing draft: where ({@link Target}) and what ({@link Operation}).
 *
 * @param argument    the words to find (REPLACE), the text to add (ADD) or the year (SET_YEAR); null otherwise
 * @param replacement what REPLACE puts instead of {@code argument} ("" removes it); null otherwise
 * @param targetChars the 字 count asked for (CONDENSE, LENGTH, EXPAND "到N字"), counted like {@link CharCount}; null if none
 */
public record Refinement(Target target, Operation op, String argument, String replacement, Integer targetChars) {
    public enum Operation { EXPAND, CONDENSE, LENGTH, FORMALIZE, ADD, DELETE, REPLACE, REORDER, REWRITE, SET_YEAR }

    public enum Scope { WHOLE, TITLE, OPENING, PART, SECTION, ITEM }

    public Refinement {
        if (target == null || op == null) throw new IllegalArgumentException("target and op are required");
    }

    /**
     * ref: a Section.ref of the draft ("title","opening","1","1.2","2"); item: 1-based 一是/二是 index within it;
     * other*: the second target of a REORDER.
     */
    public record Target(Scope scope, String ref, Integer item, String otherRef, Integer otherItem) {
        public Target {
            if (scope == null) throw new IllegalArgumentException("scope is required");
        }

        public static Target whole() {
            return new Target(Scope.WHOLE, null, null, null, null);
        }

        public static Target of(Scope scope, String ref) {
            return new Target(scope, ref, null, null, null);
        }

        public static Target item(String ref, int item) {
            return new Target(Scope.ITEM, ref, item, null, null);
        }
    }
}
