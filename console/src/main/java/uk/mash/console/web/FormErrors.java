package uk.mash.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
     * the labels and control ids the page shows (label, id), in the form's order, which the summary keeps.
     */
    public static FormErrors of(String form, Answer answer, Map<String, String[]> labels) {
        List<String> order = new ArrayList<>(labels.keySet());
        List<FieldError> fields = new ArrayList<>();
        for (Map<String, Object> v : answer.violations()) {
            String field = String.valueOf(v.get("field"));
            String[] shown = labels.get(base(field));
            String label = shown != null ? shown[0] : field;
            String id = shown != null ? shown[1] : form;
            fields.add(new FieldError(field, label, inWords(String.valueOf(v.get("message")), label), "#" + id));
        }
        fields.sort(Comparator.comparingInt(f -> order.contains(base(f.field())) ? order.indexOf(base(f.field())) : order.size()));
        return new FormErrors(form, answer.detail(), fields);
    }

    /** A form's fields in its order: the service's name, the label shown, the control's id, then the next. */
    static Map<String, String[]> labels(String... nameLabelId) {
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (int i = 0; i < nameLabelId.length; i += 3) {
            labels.put(nameLabelId[i], new String[]{nameLabelId[i + 1], nameLabelId[i + 2]});
        }
        return labels;
    }

    /**
     * Bean Validation's generic messages as a person is told to mend the field ("enter the summary",
     * "choose the legal basis"); the services' own rules, which already say so, as they are.
     */
    static String inWords(String message, String label) {
        String what = label.equals(label.toUpperCase(Locale.ROOT)) ? label : label.toLowerCase(Locale.ROOT);
        return switch (message) {
            case "must not be blank" -> "enter the " + what;
            case "must not be null", "must not be empty" -> "choose the " + what;
            default -> message;
        };
    }

    /** {@code agencies[0]} is a violation of {@code agencies}. */
    private static String base(String field) {
        return field.replaceFirst("\\[.*$", "");
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
