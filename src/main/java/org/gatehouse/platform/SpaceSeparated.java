package org.gatehouse.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores an ordered set of tokens (scopes, roles) as one space-separated column, the same
 * form the {@code scope} parameter has on the wire (RFC 6749 §3.3).
 */
@Converter
public class SpaceSeparated implements AttributeConverter<Set<String>, String> {

    public static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Collections.emptySet();
        }
        return Arrays.stream(value.trim().split("\\s+"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String join(Set<String> values) {
        return values == null ? "" : String.join(" ", values);
    }

    @Override
    public String convertToDatabaseColumn(Set<String> attribute) {
        return join(attribute);
    }

    @Override
    public Set<String> convertToEntityAttribute(String dbData) {
        return Collections.unmodifiableSet(parse(dbData));
    }
}
