package io.shuzhi.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.shuzhi.session.SessionKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * LangChain4j chat memory over plain Redis: one list per session at {@code shuzhi:{id}:memory} (the session's hash
 * tag, so it shares the session's cluster slot), one JSON message per entry, oldest first, with the session's TTL.
 * System messages are not stored: the system prompt is added fresh to every call. {@link #window} cuts what goes
 * back to the model to a token budget.
 */
class RedisChatMemoryStore implements ChatMemoryStore {
    /** Entries kept in Redis at most; the token window is smaller still. */
    static final int MAX_STORED = 60;

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private static final org.springframework.data.redis.core.script.DefaultRedisScript<Long> REWRITE =
            new org.springframework.data.redis.core.script.DefaultRedisScript<>(
                    "redis.call('DEL', KEYS[1]) "
                            + "if #ARGV > 1 then redis.call('RPUSH', KEYS[1], unpack(ARGV, 2)) "
                            + "redis.call('EXPIRE', KEYS[1], ARGV[1]) end return 1", Long.class);

    public RedisChatMemoryStore(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        List<String> raw = redis.opsForList().range(SessionKeys.memory(memoryId.toString()), 0, -1);
        List<ChatMessage> out = new ArrayList<>();
        if (raw != null) for (String json : raw) out.add(ChatMessageDeserializer.messageFromJson(json));
        return out;
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        String key = SessionKeys.memory(memoryId.toString());
        List<String> json = messages.stream().filter(m -> !(m instanceof SystemMessage))
                .map(ChatMessageSerializer::messageToJson).toList();
        if (json.size() > MAX_STORED) json = json.subList(json.size() - MAX_STORED, json.size());
        var args = new ArrayList<String>(json.size() + 1);
        args.add(Long.toString(ttl.toSeconds()));
        args.addAll(json);
        // One script, one round trip on the shared connection (a MULTI/EXEC would take a dedicated connection each
        // time); a reader never sees the list half rewritten.
        redis.execute(REWRITE, List.of(key), args.toArray());
    }

    @Override
    public void deleteMessages(Object memoryId) {
        redis.delete(SessionKeys.memory(memoryId.toString()));
    }

    /**
     * The newest messages whose estimated tokens fit {@code maxTokens}, starting at a user message so the model never
     * sees an answer without its question. Chinese runs close to one token per character with the common
     * tokenizers, so characters are the estimate: it errs on the side of sending less.
     */
    public static List<ChatMessage> window(List<ChatMessage> messages, int maxTokens) {
        int used = 0;
        int start = messages.size();
        for (int i = messages.size() - 1; i >= 0; i--) {
            int cost = estimate(messages.get(i));
            if (used + cost > maxTokens) break;
            used += cost;
            start = i;
        }
        while (start < messages.size() && !(messages.get(start) instanceof UserMessage)) start++;
        return List.copyOf(messages.subList(start, messages.size()));
    }

    static int estimate(ChatMessage m) {
        String text;
        if (m instanceof UserMessage u) text = u.hasSingleText() ? u.singleText() : u.toString();
        else if (m instanceof AiMessage a) text = a.text() == null ? "" : a.text();
        else if (m instanceof SystemMessage s) text = s.text();
        else text = m.toString();
        return text.length() + 4;
    }
}
