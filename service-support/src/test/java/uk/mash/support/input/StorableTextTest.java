package uk.mash.support.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Sam often arrives hungry.", "Line one\nline two\r\n\tindented",
            "Tŷ Newydd, Bryn-y-Maen", "emoji \uD83D\uDE00 as a pair", "\u0080 and \u00A0 are not C0 controls"})
    void ordinaryTextIsStorable(String text) {
        assertThat(StorableText.isStorable(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NUL \u0000 inside", "\u0001", "bell \u0007", "escape \u001B[31m", "unit separator \u001F",
            "delete \u007F", "lone high \uD83D surrogate", "lone low \uDE00 surrogate", "high at the end \uD83D",
            "reversed pair \uDE00\uD83D"})
    void controlCharactersAndUnpairedSurrogatesAreNot(String text) {
        assertThat(StorableText.isStorable(text)).isFalse();
    }
}
