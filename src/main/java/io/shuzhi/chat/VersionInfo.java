package io.shuzhi.chat;

/**
 * What made a draft version.
 *
 * @param change      generate | refine | edit | import | proofread
 * @param instruction the writer's words that asked for it (null for generate)
 * @param engine      the engine that made it ("offline" or a model name; "manual" for an edit)
 * @param at          epoch milliseconds
 * @param basedOn     the version it was made from (0 for the first)
 */
record VersionInfo(int version, String change, String instruction, String engine, long at, int basedOn) {}
