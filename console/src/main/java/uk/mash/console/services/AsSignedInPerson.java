package uk.mash.console.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import uk.mash.console.signin.SignedIn;

/**
 * Every call to a service carries the signed-in person's own token, so the service's roles, rules
 * and access records apply to the person, not to the console.
 */
@ApplicationScoped
public class AsSignedInPerson implements ClientHeadersFactory {

    @Inject
    SignedIn signedIn;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", "Bearer " + signedIn.required().token());
        return headers;
    }
}
