package uk.mash.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "943 476 5919", "9999999999"})
    void numbersPassingModulus11AreValid(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659a9", "", "1234567890"})
    void numbersFailingTheCheckOrTheShapeAreInvalid(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000060", "0000000061", "0000000069"})
    void numbersWhoseCheckWouldBeTenAreNeverValid(String number) {
        // weighted sum 6 * 2 = 12; 11 - (12 mod 11) = 10: no single check digit can match
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void spacesAreRemovedWhenStored() {
        assertThat(NhsNumber.normalise("943 476 5919")).isEqualTo("9434765919");
    }
}
