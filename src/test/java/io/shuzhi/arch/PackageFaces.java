package io.shuzhi.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Prints each package's face as {@code src/main} uses it: every top-level type, public or not, with the other packages
 * (and their classes) that depend on it, then the public members and nested types of the face that no other package's
 * main code uses (a use by a test in another package is shown beside it): {@code mvn -q -o test -Dtest=PackageFaces}.
 * The faces in {@code docs/architecture.md} and {@link ArchitectureTest} are taken from this. One blind spot: javac
 * copies a constant ({@code static final String X = "…"}) into the class that reads it, so such a use is not in the
 * class files; the compiler is the last word on a constant listed here.
 */
class PackageFaces {

    @Test
    void printsEachPackagesFace() {
        // Main and test classes: what main code uses decides a face; a test in another package is only reported.
        JavaClasses classes = new ClassFileImporter().importPackages("io.shuzhi");
        // package → top-level type → user package → user top-level types
        Map<String, Map<String, Map<String, Set<String>>>> faces = new TreeMap<>();
        Map<String, Map<String, Map<String, Set<String>>>> tests = new TreeMap<>();
        Map<String, Boolean> isPublic = new TreeMap<>();
        for (JavaClass c : classes) {
            if (isTest(c)) continue;
            JavaClass t = top(c);
            faces.computeIfAbsent(t.getPackageName(), k -> new TreeMap<>()).computeIfAbsent(t.getSimpleName(),
                    k -> new TreeMap<>());
            isPublic.put(t.getName(), t.getModifiers().contains(JavaModifier.PUBLIC));
            for (Dependency d : c.getDirectDependenciesToSelf()) {
                JavaClass from = top(d.getOriginClass());
                if (from.getPackageName().equals(t.getPackageName())) continue;
                (isTest(from) ? tests : faces).computeIfAbsent(t.getPackageName(), k -> new TreeMap<>())
                        .computeIfAbsent(t.getSimpleName(), k -> new TreeMap<>())
                        .computeIfAbsent(short_(from.getPackageName()), k -> new TreeSet<>()).add(from.getSimpleName());
            }
        }
        faces.forEach((pkg, types) -> {
            long pub = types.keySet().stream().filter(n -> isPublic.get(pkg + "." + n)).count();
            long used = types.values().stream().filter(u -> !u.isEmpty()).count();
            System.out.println("== " + short_(pkg) + ": public " + pub + "/" + types.size() + ", used by other packages "
                    + used);
            types.forEach((name, users) -> {
                var byTests = tests.getOrDefault(pkg, Map.of()).getOrDefault(name, Map.of());
                System.out.println("  " + (isPublic.get(pkg + "." + name) ? "public  " : "        ") + name
                        + (users.isEmpty() ? "  —" : "  ← " + users) + (byTests.isEmpty() ? "" : "  tests ← " + byTests));
            });
        });
        // Public members of the public types that no other package's main code touches (and that the language lets
        // be package-private: not a record's accessor or canonical constructor, not an enum's, not an override).
        Map<String, Set<String>> idle = new TreeMap<>();
        for (JavaClass c : classes) {
            if (isTest(c) || c.isInterface() || !visibleOutside(c)) continue;
            for (JavaMember m : c.getMembers()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC) || implicitlyPublic(c, m)) continue;
                Set<String> outside = new TreeSet<>();
                m.getAccessesToSelf().stream().map(a -> top(a.getOriginOwner()))
                        .filter(o -> !o.getPackageName().equals(c.getPackageName()))
                        .forEach(o -> outside.add((isTest(o) ? "test " : "") + short_(o.getPackageName()) + "."
                                + o.getSimpleName()));
                if (outside.stream().allMatch(o -> o.startsWith("test ")))
                    idle.computeIfAbsent(short_(c.getPackageName()), k -> new TreeSet<>())
                            .add(c.getName().substring(c.getPackageName().length() + 1) + "." + signature(m)
                                    + (outside.isEmpty() ? "" : " " + outside));
            }
        }
        // Public nested types of the public types that no other package's main code depends on.
        for (JavaClass c : classes) {
            if (isTest(c) || c.getEnclosingClass().isEmpty() || !visibleOutside(c)
                    || c.getEnclosingClass().get().isInterface()) continue;
            Set<String> outside = new TreeSet<>();
            c.getDirectDependenciesToSelf().stream().map(d -> top(d.getOriginClass()))
                    .filter(o -> !o.getPackageName().equals(c.getPackageName()))
                    .forEach(o -> outside.add((isTest(o) ? "test " : "") + short_(o.getPackageName()) + "."
                            + o.getSimpleName()));
            if (outside.stream().allMatch(o -> o.startsWith("test ")))
                idle.computeIfAbsent(short_(c.getPackageName()), k -> new TreeSet<>())
                        .add(c.getName().substring(c.getPackageName().length() + 1) + " (type)"
                                + (outside.isEmpty() ? "" : " " + outside));
        }
        idle.forEach((pkg, members) -> {
            System.out.println("-- " + pkg + ": public members of its face no other package's main code uses: "
                    + members.size());
            members.forEach(m -> System.out.println("     " + m));
        });
    }

    /** A method or constructor with its parameter types, so overloads are told apart; a field by its name. */
    private static String signature(JavaMember m) {
        if (m instanceof JavaField) return m.getName();
        var params = ((com.tngtech.archunit.core.domain.JavaCodeUnit) m).getRawParameterTypes().stream()
                .map(JavaClass::getSimpleName).toList();
        return m.getName() + "(" + String.join(", ", params) + ")";
    }

    private static boolean isTest(JavaClass c) {
        return c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false);
    }

    private static boolean visibleOutside(JavaClass c) {
        for (JavaClass t = c; ; t = t.getEnclosingClass().get()) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) return false;
            if (t.getEnclosingClass().isEmpty()) return true;
        }
    }

    private static boolean implicitlyPublic(JavaClass c, JavaMember m) {
        String name = m.getName();
        if (Set.of("equals", "hashCode", "toString").contains(name)) return true;
        if (c.isEnum() && (Set.of("values", "valueOf").contains(name) || m instanceof JavaField f && f.getRawType().equals(c)))
            return true;
        if (c.getRawSuperclass().map(s -> s.isEquivalentTo(Record.class)).orElse(false)) {
            if (m instanceof JavaMethod method && method.getParameters().isEmpty()
                    && c.tryGetField(name).isPresent()) return true;
            if (m instanceof JavaConstructor k && k.getRawParameterTypes().stream().map(JavaClass::getName).sorted()
                    .toList().equals(c.getFields().stream().filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
                            .map(f -> f.getRawType().getName()).sorted().toList()))
                return true;
        }
        if (m instanceof JavaMethod method) {
            var params = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
            for (JavaClass s : c.getAllRawSuperclasses()) if (s.tryGetMethod(name, params).isPresent()) return true;
            for (JavaClass s : c.getAllRawInterfaces()) if (s.tryGetMethod(name, params).isPresent()) return true;
        }
        return false;
    }

    private static String short_(String pkg) {
        return pkg.startsWith("io.shuzhi.") ? pkg.substring("io.shuzhi.".length()) : pkg;
    }

    private static JavaClass top(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) t = t.getEnclosingClass().get();
        return t;
    }
}
