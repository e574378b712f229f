package io.callrecords.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string the service's JSON mapper reads, value or property name, typed or untyped (maps, lists), passes
 * {@link Text}'s rule, so no reader of a body has to remember it. Jackson's untyped reading takes custom string and
 * key deserializers when there are any, which is what makes this one place enough.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextConfiguration {

    @Bean
    JacksonModule validText() {
        return new SimpleModule("valid-text")
                .addDeserializer(String.class, new ValidStringDeserializer())
                .addKeyDeserializer(String.class, new ValidKeyDeserializer());
    }

    private static final class ValidStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            String problem = value == null ? null : Text.problem(value);
            if (problem != null) {
                throw InvalidTextException.ofValue(p, problem);
            }
            return value;
        }
    }

    private static final class ValidKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            String problem = key == null ? null : Text.problem(key);
            if (problem != null) {
                throw InvalidTextException.ofName(ctxt.getParser(), problem);
            }
            return key;
        }
    }
}
