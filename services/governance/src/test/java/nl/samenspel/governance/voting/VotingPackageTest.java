package nl.samenspel.governance.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine stays plain Java, so it can be read and tested without the service around it. */
class VotingPackageTest {

    static final Path SOURCES = Path.of("src/main/java/nl/samenspel/governance/voting");

    @Test
    void noSourceFileImportsAFramework() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).as("the voting package has sources").hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            assertThat(Files.readAllLines(file))
                    .as(file.toString())
                    .noneMatch(line ->
                            line.matches("\\s*import\\s+(static\\s+)?(io\\.micronaut|jakarta|com\\.fasterxml)\\..*"));
        }
    }
}
