package dev.semid.embed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text an item is embedded as, from its catalogue fields: {@code "{title} by {brand}:
 * {categories}"} puts each named field's value in place of its {@code {name}}; {@code {{} and
 * {@code }}} are literal braces. A field an item lacks is empty; runs of whitespace left by
 * empty fields are collapsed and the ends trimmed, so "{title} by {brand}" without a brand
 * reads "Shampoo by".
 */
public final class TextTemplate {
    private final String source;
    /** Literal text at even indices, field names at odd ones. */
    private final List<String> parts;
    private final Set<String> fields;

    private TextTemplate(String source, List<String> parts) {
        this.source = source;
        this.parts = parts;
        Set<String> f = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) f.add(parts.get(i));
        this.fields = Set.copyOf(f);
    }

    public static TextTemplate parse(String template) {
        if (template == null || template.isBlank()) throw new IllegalArgumentException("the text template is empty");
        List<String> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                lit.append(c);
                i++;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                int nested = template.indexOf('{', i + 1);
                if (end < 0 || nested >= 0 && nested < end)
                    throw new IllegalArgumentException("text template '" + template + "': '{' at position " + (i + 1) + " is not closed (write {{ for a literal brace)");
                String name = template.substring(i + 1, end).strip();
                if (name.isEmpty()) throw new IllegalArgumentException("text template '" + template + "': empty field name at position " + (i + 1));
                parts.add(lit.toString());
                parts.add(name);
                lit.setLength(0);
                i = end;
            } else if (c == '}') {
                throw new IllegalArgumentException("text template '" + template + "': '}' at position " + (i + 1) + " closes nothing (write }} for a literal brace)");
            } else lit.append(c);
        }
        parts.add(lit.toString());
        if (parts.size() == 1) throw new IllegalArgumentException("text template '" + template + "' names no field; e.g. \"{title} by {brand}\"");
        return new TextTemplate(template, List.copyOf(parts));
    }

    /** The field names the template uses. */
    public Set<String> fields() { return fields; }

    /** The item's text; absent fields are empty, and an item with every field empty gets "" (embedded as the placeholder). */
    public String render(Map<String, String> values) {
        boolean any = false;
        for (String f : fields) {
            String v = values.get(f);
            if (v != null && !v.isBlank()) any = true;
        }
        if (!any) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) sb.append(parts.get(i));
            else {
                String v = values.get(parts.get(i));
                if (v != null) sb.append(v);
            }
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    @Override public String toString() { return source; }
}
