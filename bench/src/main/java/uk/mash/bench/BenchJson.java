package uk.mash.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How {@code .mash/bench/latest.json} is written, by Jackson from the {@link BenchResult} records:
 * fields in the records' order, nulls kept (a field that was not measured is written as
 * {@code null}, never left out), doubles rounded (see {@link #number}), NaN and infinities written as
 * null, a series of numbers on one line ({@code "reportsAccepted": [2, 3, 0]}).
 */
final class BenchJson {

    /** For latest.json. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("bench-rounded-doubles")
                    .addSerializer(Double.class, new Rounded())
                    .addSerializer(double.class, new Rounded()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator("")))
            .build();

    private BenchJson() {
    }

    /** The indented JSON of a result, ending with a newline. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * No exponent, no trailing zeros: three decimals from 1 up (1234.5, 12), six below 1 so that a
     * small ratio is not shown as 0 (0.000312).
     */
    static String number(double d) {
        return rounded(d).toPlainString();
    }

    private static BigDecimal rounded(double d) {
        int scale = Math.abs(d) >= 1 ? 3 : 6;
        BigDecimal b = BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.signum() == 0 ? BigDecimal.ZERO : b;
    }

    /** A double as {@link #number} shows it; NaN and infinities, which JSON cannot hold, as null. */
    private static final class Rounded extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        Rounded() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(rounded(value));
            } else {
                gen.writeNull();
            }
        }
    }
}
