package io.shuzhi.session;

/**
 * The one place Redis key names are made. Every key of a session carries the session id in a hash tag
 * ({@code shuzhi:{id}:…}, the braces literal) so that all of them share one Redis Cluster slot and a Lua script
 * over them stays valid on a cluster.
 */
public final class SessionKeys {
    static final String PREFIX = "shuzhi:";

    private SessionKeys() {
    }

    /** Hash: {@code rev} (compare-and-set counter) and {@code data} (the session state as JSON). */
    public static String state(String id) {
        return PREFIX + "{" + id + "}:state";
    }

    /** Stream: every server frame of the session, entry id {@code 0-<seq>}. */
    public static String events(String id) {
        return PREFIX + "{" + id + "}:events";
    }

    /** Hash: draft version number → draft JSON. */
    public static String drafts(String id) {
        return PREFIX + "{" + id + "}:drafts";
    }

    /**
     * Hash: the session's facts, one field each (field → fact JSON); the state lists the fields in order. Kept apart
     * so that a turn writes only the facts it changed.
     */
    public static String facts(String id) {
        return PREFIX + "{" + id + "}:facts";
    }

    /** List: chat messages (user and assistant) as JSON, oldest first. */
    public static String chat(String id) {
        return PREFIX + "{" + id + "}:chat";
    }

    /** List: the model's chat memory of the interview (LangChain4j messages as JSON), oldest first; LLM mode only. */
    public static String memory(String id) {
        return PREFIX + "{" + id + "}:memory";
    }

    /** String with expiry: the token of the instance writing a streamed draft for the session. */
    static String generationLock(String id) {
        return PREFIX + "{" + id + "}:generation";
    }

    /** String counter: model tokens used by all sessions on a UTC day ("2026-11-27"). */
    public static String tokensOfDay(String day) {
        return PREFIX + "tokens:" + day;
    }

    /** Pub/sub channel: the seq of the last frame committed, so tabs on other instances fetch what they miss. */
    static String notify(String id) {
        return PREFIX + "{" + id + "}:notify";
    }

    /**
     * How logs name a session: 8 hex characters of its SHA-256. Enough to follow one session through the logs; says
     * nothing of the id itself, which is the credential.
     */
    public static String logId(String id) {
        if (id == null) return "-";
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every key a session has (state, facts, log, drafts, chat, model memory, generation lock): what a delete removes.
     */
    public static java.util.List<String> everyKey(String id) {
        return java.util.List.of(state(id), facts(id), events(id), drafts(id), chat(id), memory(id), generationLock(id));
    }

    /** The session id in a state key ({@code shuzhi:{id}:state}), or null when the key is not one. */
    static String idOfState(String key) {
        String head = PREFIX + "{", tail = "}:state";
        if (!key.startsWith(head) || !key.endsWith(tail) || key.length() <= head.length() + tail.length()) return null;
        String id = key.substring(head.length(), key.length() - tail.length());
        return id.indexOf('{') < 0 && id.indexOf('}') < 0 ? id : null;
    }

    /** The message on {@link #notify} that says the session was deleted (a commit publishes a number). */
    static final String DELETED = "deleted";

    /** All keys of a session, in the order the commit script expects them. */
    static java.util.List<String> all(String id) {
        return java.util.List.of(state(id), events(id), drafts(id), chat(id), facts(id));
    }
}
