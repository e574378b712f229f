package io.callrecords.shared;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: title, bearer API keys as the one way in; {@link OpenApiErrors} adds
 * the error answers every operation may give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI callrecordsOpenApi() {
        // Backticks: Swagger UI renders descriptions as Markdown with HTML, and would swallow a bare <API key> as a tag.
        return new OpenAPI()
                .info(new Info().title("Callrecords API").version("v3")
                        .description("Call records, wire-compatible with Hipcall's API v3. Authenticate with "
                                + "`Authorization: Bearer <API key>`; the /admin endpoints take the operator token"
                                + " the same way. Every error answers the one envelope `{\"errors\": {...}}`.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("API key")
                        .description("An API key of the account (`Authorization: Bearer <API key>`); for /admin, the"
                                + " operator token (CALLRECORDS_OPERATOR_TOKEN)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Schemas of Java types with the field names they have on the wire: the service writes JSON in snake_case
     * (spring.jackson.property-naming-strategy), and springdoc reads types with its own (Jackson 2) mapper.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
