package io.shuzhi.interview;

import org.junit.jupiter.api.Test;

class ScratchPiecesTest {
    @Test
    void print() throws Exception {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/msgs.txt"))) {
            if (line.isBlank()) continue;
            System.out.println("## " + line);
            for (var p : ClauseReader.read(line, ClauseReader.Kind.FACT)) System.out.println("   " + p.kind() + " | " + p.text());
        }
    }
}
