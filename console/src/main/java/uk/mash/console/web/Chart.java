package uk.mash.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One chart of the report card: its title, Chart.js type, and its figures. The page draws it from
 * data attributes ({@code report-card.js}) and shows the same figures as a table beneath, so that
 * nothing is only in the picture.
 */
@TemplateData
public record Chart(String id, String title, String type, List<String> labels, List<Number> values, String unit) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String labelsJson() {
        return json(labels);
    }

    public String valuesJson() {
        return json(values);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
