package dev.semid.serving;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The OpenAPI document's header; the document is generated at build time and served at /swagger/semid-0.1.0.yml. */
@OpenAPIDefinition(info = @Info(title = "semid", version = "0.1.0",
        description = "Semantic IDs for items: lookups by item, by ID and by prefix; tokenization; the streaming service's write path."))
final class Api {
    private Api() {}
}
