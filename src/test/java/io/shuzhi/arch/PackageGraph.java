package io.shuzhi.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Prints the feature-package graph of {@code src/main} as the compiler sees it (every dependency ArchUnit finds:
 * imports, calls, field and parameter types): {@code mvn -q -o test -Dtest=PackageGraph}. What
 * {@code docs/architecture.md} draws and {@link ArchitectureTest} enforces is taken from this.
 */
class PackageGraph {

    @Test
    void printsThePackageGraph() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.shuzhi");
        Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
        // Inside a feature, between its sub-packages ("draft.refine → draft"), drawn on their own.
        Map<String, Map<String, Set<String>>> inside = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = feature(c);
            if (from == null) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = feature(d.getTargetClass());
                if (to == null) continue;
                String pair = top(c).getSimpleName() + " → " + top(d.getTargetClass()).getSimpleName();
                if (!to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(pair);
                } else if (!c.getPackageName().equals(d.getTargetClass().getPackageName())) {
                    inside.computeIfAbsent(local(c), k -> new TreeMap<>())
                            .computeIfAbsent(local(d.getTargetClass()), k -> new TreeSet<>()).add(pair);
                }
            }
        }
        inside.forEach((from, tos) -> tos.forEach((to, uses) -> System.out.println(
                "inside: " + from + " → " + to + "  (" + uses.size() + " class pairs): " + String.join(", ", uses))));
        edges.forEach((from, tos) -> tos.forEach((to, uses) -> System.out.println(
                from + " → " + to + "  (" + uses.size() + " class pairs): " + String.join(", ", uses))));
    }

    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith("io.shuzhi.")) return null;
        String rest = p.substring("io.shuzhi.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String local(JavaClass c) {
        return c.getPackageName().substring("io.shuzhi.".length());
    }

    private static JavaClass top(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) t = t.getEnclosingClass().get();
        return t;
    }
}
