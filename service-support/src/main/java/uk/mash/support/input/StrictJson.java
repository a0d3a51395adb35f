package uk.mash.support.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON is read strictly, project-wide (CONTRACT.md, "Errors"): a value of the wrong type is refused,
 * never coerced. Jackson's defaults would store {@code 12345} as {@code immediateRisk: true}, a
 * number as a summary, {@code [1, 2]} as concerns by ordinal, {@code ""} as no date of birth.
 * This is the one place that says so; every service's ObjectMapper (REST bodies, Kafka consumers,
 * screening's Axon serializer, a copy of it) is customised here. Events are written by our own
 * code in exactly these shapes, so reading them strictly changes nothing for them.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // "5" is not a number, 0 is not false, "true" is not a boolean
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // 1.5 is not an integer
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // 3 (or "3") is not the fourth concern
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // "NEGLECT" is not ["NEGLECT"], nor ["x"] a summary
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        // a date is not a number of days since 1970
        mapper.setDefaultLeniency(false);

        // numbers and booleans are not text, booleans, enums or dates; "" is none of these either
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Enum,
                LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // "" is not a missing UUID, list or object
        for (LogicalType type : new LogicalType[] {LogicalType.OtherScalar, LogicalType.Collection,
                LogicalType.Array, LogicalType.Map, LogicalType.POJO}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }

        // Jackson trims an enum name before looking it up ("NEGLECT " is NEGLECT) and reads a
        // date from a number or an array: enums and dates are read from exact strings only
        SimpleModule exact = new SimpleModule("mash-exact-values");
        exact.setDeserializerModifier(new ExactStringValue.Modifier());
        mapper.registerModule(exact);
    }
}
