package uk.mash.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.mash.console.services.Answer;

/**
 * A refused command as the GOV.UK error summary shows it: which form, and per field its label, the
 * rule the service gave, and the id of the control to jump to. Fields the form does not show are
 * still named (under the form's own label), never dropped.
 */
@io.quarkus.qute.TemplateData
public record FormErrors(String form, String detail, List<FieldError> fields) {

    /** No errors: the forms that were not sent. */
    public static FormErrors none(String form) {
        return new FormErrors(form, null, List.of());
    }

    /** Whether this form was refused (opens a closed section so the person sees why). */
    public boolean any() {
        return detail != null;
    }

    /** One field's error: {@code href} is {@code #id} of its control. */
    @io.quarkus.qute.TemplateData
    public record FieldError(String field, String label, String message, String href) {
    }

    /**
     * The errors of a refused answer to {@code form}; {@code labels} maps the service's field names to
     * the labels and control ids the page shows (label, id).
     */
    public static FormErrors of(String form, Answer answer, Map<String, String[]> labels) {
        List<FieldError> fields = new ArrayList<>();
        for (Map<String, Object> v : answer.violations()) {
            String field = String.valueOf(v.get("field"));
            String[] shown = labels.get(field.replaceFirst("\\[.*$", ""));
            String label = shown != null ? shown[0] : field;
            String id = shown != null ? shown[1] : form;
            fields.add(new FieldError(field, label, String.valueOf(v.get("message")), "#" + id));
        }
        return new FormErrors(form, answer.detail(), fields);
    }

    /** The message of a field, for the error message above its control; null when it has none. */
    public String messageFor(String field) {
        return fields.stream().filter(f -> f.field().equals(field) || f.field().startsWith(field + "["))
                .map(FieldError::message).findFirst().orElse(null);
    }

    public boolean has(String field) {
        return messageFor(field) != null;
    }
}
