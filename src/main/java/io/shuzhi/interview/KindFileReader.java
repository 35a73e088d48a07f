package io.shuzhi.interview;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Reads one report kind file into a {@link ReportKind}, or fails with a {@link KindFileException} that names the file,
 * the field path and what is wrong ("x.yaml: parts[0].headng is not a known field …").
 */
final class KindFileReader {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    // Strict on purpose: a value of the wrong shape is a mistake in the file, not something to guess a meaning for.
    // Mapper and validator are built once: each learns the records' shape on first use, and tests read kinds often.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private KindFileReader() {
    }

    /**
     * @param shown    how messages name the file ("prompts/kinds/x.yaml", "classpath:prompts/kinds/x.yaml")
     * @param fileName the file's name; the kind's id must be this name without {@code .yaml}
     */
    static ReportKind read(String shown, String fileName, String content) {
        JsonNode tree;
        try {
            // The whole file first, so a syntax error late in it is not reported as a wrong field before it.
            tree = YAML.readTree(content);
        } catch (JacksonException e) {
            String what = e instanceof MismatchedInputException ? "more than one document (---)" : e.getOriginalMessage();
            throw new KindFileException(shown + ": not valid YAML: " + what, e);
        }
        if (tree == null || !tree.isObject()) throw new KindFileException(shown + ": the file must be a mapping");
        KindFile file;
        try {
            file = YAML.treeToValue(tree, KindFile.class);
        } catch (JacksonException e) {
            throw new KindFileException(shown + ": " + describe(e, tree), e);
        }
        List<String> problems = VALIDATION.getValidator().validate(file).stream()
                .map(v -> path(v.getPropertyPath()) + " " + v.getMessage())
                .sorted(Comparator.comparing(KindFileReader::fileOrder)).toList();
        if (problems.isEmpty()) problems = file.problems(fileName.substring(0, fileName.length() - ".yaml".length()));
        if (!problems.isEmpty()) {
            throw new KindFileException(problems.stream().map(p -> shown + ": " + p).collect(Collectors.joining("\n")));
        }
        return file.toReportKind();
    }

    private static String describe(JacksonException e, JsonNode tree) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        if (e instanceof UnrecognizedPropertyException u) {
            return path + " is not a known field (expected one of " + known(u.getKnownPropertyIds()) + ")";
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) return path + ": " + e.getOriginalMessage();
        if (type == String.class) return path + " must be text";
        if (Collection.class.isAssignableFrom(type)) return path + " must be a list";
        if (type == Boolean.class) return path + " must be true or false";
        if (type == Integer.class) {
            JsonNode value = tree.at("/" + path.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/'));
            return path + " must be a whole number ≥ 0" + (value.isValueNode() ? ", not '" + value.asString() + "'" : "");
        }
        return path + " must be a mapping";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "[]" : ids.stream().map(String::valueOf).toList().toString();
    }

    /** "parts[0].sections[1].topics[2].keywords[0]", as the file is written. */
    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) out.append('[').append(node.getIndex()).append(']');
            if (node.getKind() == ElementKind.PROPERTY) out.append(out.isEmpty() ? "" : ".").append(node.getName());
        }
        return out.toString();
    }

    /** Sorts "parts[2]" before "parts[10]". */
    private static String fileOrder(String problem) {
        Matcher m = NUMBER.matcher(problem.substring(0, Math.max(0, problem.indexOf(' '))));
        return m.replaceAll(r -> "%06d".formatted(Long.parseLong(r.group())));
    }
}
