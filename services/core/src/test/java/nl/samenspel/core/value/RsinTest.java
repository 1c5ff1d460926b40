package nl.samenspel.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RsinTest {

    // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 − 1·2 = 154 = 11·14
    @ParameterizedTest
    @ValueSource(strings = {"123456782", "111222333", "002220647"})
    void acceptsNumbersPassingTheElfproef(String rsin) {
        assertThat(Rsin.isValid(rsin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "000000000", "12345678", "1234567820", "12345678a", ""})
    void rejectsEverythingElse(String rsin) {
        assertThat(Rsin.isValid(rsin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "01234567"})
    void kvkNumbersAreEightDigits(String kvk) {
        assertThat(KvkNumber.isValid(kvk)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "1234567a", "00000000", " 2345678"})
    void otherKvkNumbersAreRejected(String kvk) {
        assertThat(KvkNumber.isValid(kvk)).isFalse();
    }
}
