package uk.mash.console.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.event.Observes;

/**
 * GOV.UK Frontend's compiled CSS asks for its fonts and images at {@code /assets/...}; they are in
 * the webjar under {@code dist/govuk/assets}, served from there.
 */
public class GovukAssets {

    static final String WEBJAR_ASSETS = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets";

    void serve(@Observes Router router) {
        router.route("/assets/*").handler(StaticHandler.create(WEBJAR_ASSETS).setCachingEnabled(true));
    }
}
