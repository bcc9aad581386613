package dev.semid.tokenizer.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary of an .npy header, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (12101, 384), }}. It is a Python literal, so this parses the small subset NumPy
 * writes (strings, booleans, None, integers, tuples, lists, dicts) rather than using a JSON parser.
 */
record NpyHeader(Object descr, boolean fortranOrder, List<Long> shape) {

    /** Thrown with a reason only; the reader adds the file and location. */
    static final class Malformed extends Exception {
        Malformed(String reason) { super(reason, null, false, false); }
    }

    static NpyHeader parse(String text) throws Malformed {
        Parser p = new Parser(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) throw new Malformed("unexpected text after the header dictionary at character " + p.pos);
        if (!(value instanceof Map<?, ?> dict)) throw new Malformed("header is not a dictionary: " + abbreviate(text));
        for (String key : List.of("descr", "fortran_order", "shape"))
            if (!dict.containsKey(key)) throw new Malformed("header lacks the '" + key + "' entry: " + abbreviate(text));
        if (!(dict.get("fortran_order") instanceof Boolean fortran))
            throw new Malformed("'fortran_order' is not True or False: " + dict.get("fortran_order"));
        if (!(dict.get("shape") instanceof List<?> dims))
            throw new Malformed("'shape' is not a tuple: " + dict.get("shape"));
        List<Long> shape = new ArrayList<>();
        for (Object d : dims) {
            if (!(d instanceof Long n) || n < 0) throw new Malformed("'shape' has a non-integer or negative entry: " + dims);
            shape.add(n);
        }
        return new NpyHeader(dict.get("descr"), fortran, List.copyOf(shape));
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "...";
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) { this.s = s; }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        Object value() throws Malformed {
            skipSpace();
            if (pos >= s.length()) throw new Malformed("header ends unexpectedly");
            char c = s.charAt(pos);
            if (c == '{') return dict();
            if (c == '(') return sequence('(', ')');
            if (c == '[') return sequence('[', ']');
            if (c == '\'' || c == '"') return string();
            if (c == '-' || Character.isDigit(c)) return integer();
            if (s.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
            if (s.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
            if (s.startsWith("None", pos)) { pos += 4; return null; }
            throw new Malformed("unexpected character '" + c + "' at position " + pos + " in header " + abbreviate(s));
        }

        Map<String, Object> dict() throws Malformed {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            while (true) {
                skipSpace();
                if (peek() == '}') { pos++; return m; }
                Object key = value();
                if (!(key instanceof String k)) throw new Malformed("header dictionary key is not a string: " + key);
                skipSpace();
                expect(':');
                m.put(k, value());
                skipSpace();
                if (peek() == ',') pos++;
                else if (peek() != '}') throw new Malformed("expected ',' or '}' at position " + pos + " in header " + abbreviate(s));
            }
        }

        List<Object> sequence(char open, char close) throws Malformed {
            List<Object> items = new ArrayList<>();
            pos++;
            while (true) {
                skipSpace();
                if (peek() == close) { pos++; return items; }
                items.add(value());
                skipSpace();
                if (peek() == ',') pos++;
                else if (peek() != close)
                    throw new Malformed("expected ',' or '" + close + "' at position " + pos + " in header " + abbreviate(s));
            }
        }

        String string() throws Malformed {
            char quote = s.charAt(pos++);
            StringBuilder sb = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) c = s.charAt(pos++);
                sb.append(c);
            }
            if (pos >= s.length()) throw new Malformed("unterminated string in header " + abbreviate(s));
            pos++;
            return sb.toString();
        }

        Long integer() throws Malformed {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) pos++; // Python 2 long suffix
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new Malformed("bad integer '" + digits + "' in header " + abbreviate(s));
            }
        }

        char peek() throws Malformed {
            if (pos >= s.length()) throw new Malformed("header ends unexpectedly: " + abbreviate(s));
            return s.charAt(pos);
        }

        void expect(char c) throws Malformed {
            if (peek() != c) throw new Malformed("expected '" + c + "' at position " + pos + " in header " + abbreviate(s));
            pos++;
        }
    }
}
