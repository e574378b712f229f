package io.callrecords.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: title, bearer API keys as the one way in, and the {@code 503} any
 * operation may answer past capacity (ADR 0013).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI callrecordsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Callrecords API").version("v3")
                        .description("Call records, wire-compatible with Hipcall's API v3. Authenticate with "
                                + "'Authorization: Bearer <API key>'; /admin endpoints take the operator token.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer overloadAnswer() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.addApiResponse("503", new ApiResponse()
                    .description("The service is past its capacity: retry after Retry-After. Turned away before any"
                            + " work, or no database connection was free in time (ADR 0013)")
                    .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                            .schema(new IntegerSchema()))
                    .content(new Content().addMediaType("application/json", new MediaType()
                            .example(ErrorBodies.detail(Overload.BUSY)))));
            return operation.responses(responses);
        };
    }
}
