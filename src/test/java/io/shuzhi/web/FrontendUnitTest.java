package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page's pure modules (static/js: diff, draft text and HTML, highlighting, the frame reducer, the socket's rules)
 * are tested with node's own test runner, {@code src/test/js/*.test.js}. This runs them in {@code mvn verify}: a
 * failing node test fails the build. Skipped, saying why, only where node is not installed; {@code .ci/run} installs
 * it.
 */
class FrontendUnitTest {

    @Test
    void nodeTestsOfThePagesModules_pass() throws Exception {
        String node = onPath("node");
        assumeTrue(node != null, "node is not installed: the page's module tests (src/test/js) did not run."
                + " Install with: apt-get install -y nodejs");
        // The modules are plain .js files served to browsers as ES modules; node reads them as such with this flag.
        Process p = new ProcessBuilder(List.of(node, "--experimental-default-type=module", "--test", "src/test/js/"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node --test finished").isTrue();
        String summary = out.lines().filter(l -> l.startsWith("# ")).reduce("", (a, b) -> a + b + "\n");
        System.out.print("node --test src/test/js:\n" + summary);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# fail 0");
        try (var files = Files.list(Path.of("src/test/js"))) {
            long suites = files.filter(f -> f.toString().endsWith(".test.js")).count();
            assertThat(suites).isGreaterThanOrEqualTo(5);
        }
    }

    private static String onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
