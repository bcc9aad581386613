package dev.semid.embed;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class TextTemplateTest {
    @Test void fieldsAreFilledAndMissingOnesEmpty() {
        TextTemplate t = TextTemplate.parse("{title} by {brand}: {categories}");
        assertEquals(Set.of("title", "brand", "categories"), t.fields());
        assertEquals("Shampoo by Acme: hair, care", t.render(Map.of("title", "Shampoo", "brand", "Acme", "categories", "hair, care")));
        assertEquals("Shampoo by :", t.render(Map.of("title", "Shampoo")), "absent fields are empty, whitespace collapsed");
        assertEquals("a b", TextTemplate.parse("{ x }  {y}").render(Map.of("x", "a", "y", " b ")));
    }

    @Test void anItemWithEveryFieldEmptyHasNoText() {
        TextTemplate t = TextTemplate.parse("{title} by {brand}");
        assertEquals("", t.render(Map.of("title", " ", "other", "x")));
    }

    @Test void doubledBracesAreLiteral() {
        assertEquals("{x} = 1", TextTemplate.parse("{{x}} = {v}").render(Map.of("v", "1")));
    }

    @Test void malformedTemplatesAreRejectedWithThePosition() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TextTemplate.parse("{title by")).getMessage().contains("position 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TextTemplate.parse("a } b {c}")).getMessage().contains("position 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TextTemplate.parse("{a{b}}")).getMessage().contains("not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TextTemplate.parse("{ }")).getMessage().contains("empty field name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TextTemplate.parse("no fields")).getMessage().contains("names no field"));
    }
}
