package uk.mash.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Says what the bearer token of every service is. Quarkus declares the scheme (from smallrye-jwt) and
 * each operation's requirement, naming the roles of its {@code @RolesAllowed}; this only describes it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class BearerTokenScheme implements OASFilter {

    static final String DESCRIPTION = "A JWT signed RS256 by the hub (issuer `mash-hub`), sent as "
            + "`Authorization: Bearer <token>`. Claims: `sub` the person or system acting; `groups` its roles "
            + "(referrer, police-system, screener, manager, queue-children, queue-adults, queue-police, auditor); "
            + "`agency` the agency it acts for (CHILDRENS_SERVICES, ADULT_SERVICES, MENTAL_HEALTH, POLICE, HEALTH, "
            + "EDUCATION, PROBATION, HOUSING, YOUTH_JUSTICE, VOLUNTARY_SECTOR, PUBLIC, OTHER), required for every "
            + "role but auditor. What is recorded as the acting agency always comes from the token, never from a "
            + "body. Each operation's security requirement names the roles that may call it.";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
            return;
        }
        api.getComponents().getSecuritySchemes().values().stream()
                .filter(s -> s.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(s.getScheme()))
                .forEach(s -> s.setDescription(DESCRIPTION));
    }
}
