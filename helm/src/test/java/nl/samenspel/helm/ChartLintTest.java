package nl.samenspel.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void helmLintStrictPassesWithoutAWarning() {
        LintResult result = Chart.lint();

        assertThat(result.getMessages()).noneMatch(line -> line.contains("[WARNING]") || line.contains("[ERROR]"));
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }
}
