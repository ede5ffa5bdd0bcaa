package org.huiqi.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Document-level OpenAPI declarations (title, version and description come from application.properties). */
@OpenAPIDefinition(info = @Info(title = "惠企政策 eligibility engine API", version = "v1"), tags = {
        @Tag(name = "Eligibility", description = "Evaluate enterprise profiles against the measures in force: one at a time "
                + "(the public self-check) or in batches (JSON array or streamed NDJSON) for government systems"),
        @Tag(name = "Catalog", description = "The support measures in force, with their criteria, benefits and citations"),
        @Tag(name = "Rule set", description = "The rule set that is serving: version, files and the outcome of the last build"),
        @Tag(name = "Administration", description = "Operations on the running service; need an API key with the admin role")})
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key issued by the operator: Authorization: Bearer <key>")
public class ApiDefinition extends Application {
}
