package io.shuzhi.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON object in a model's answer, leniently: many models asked for JSON by the prompt alone (no
 * {@code response_format}, or a server that ignores it) wrap it in a Markdown fence, put a sentence before or after it,
 * think first, or leave a trailing comma. The object is taken from a {@code ```json} fence when there is one, else from
 * the first {@code {} to its matching {@code }}.
 */
final class JsonAnswer {
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .build();

    private JsonAnswer() {
    }

    /** The first JSON object of {@code answer}; empty when there is none that reads. */
    static Optional<JsonNode> object(String answer) {
        if (answer == null) return Optional.empty();
        String text = Reasoning.strip(answer);
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            Optional<JsonNode> inFence = firstObject(fence.group(1));
            if (inFence.isPresent()) return inFence;
        }
        return firstObject(text);
    }

    private static Optional<JsonNode> firstObject(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = matching(text, start);
            if (end < 0) return Optional.empty();
            try {
                JsonNode node = LENIENT.readTree(text.substring(start, end + 1));
                if (node != null && node.isObject()) return Optional.of(node);
            } catch (JacksonException e) {
                // not this brace: try the next one
            }
        }
        return Optional.empty();
    }

    /** Index of the brace closing the one at {@code start}, skipping strings; -1 when it never closes. */
    private static int matching(String text, int start) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == quote) inString = false;
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
