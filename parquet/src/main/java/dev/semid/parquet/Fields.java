package dev.semid.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes the fields of the schemas here: a string, and a 3-level LIST of floats or ints. */
final class Fields {
    private Fields() {}

    static void string(RecordConsumer out, String name, int index, String value) {
        out.startField(name, index);
        out.addBinary(Binary.fromString(value));
        out.endField(name, index);
    }

    static void floats(RecordConsumer out, String name, int index, float[] values, int from, int count) {
        startList(out, name, index, count);
        for (int i = from; i < from + count; i++) {
            startElement(out);
            out.addFloat(values[i]);
            endElement(out);
        }
        endList(out, name, index, count);
    }

    static void ints(RecordConsumer out, String name, int index, int[] values) {
        startList(out, name, index, values.length);
        for (int v : values) {
            startElement(out);
            out.addInteger(v);
            endElement(out);
        }
        endList(out, name, index, values.length);
    }

    private static void startList(RecordConsumer out, String name, int index, int count) {
        out.startField(name, index);
        out.startGroup();
        if (count > 0) out.startField("list", 0);
    }

    private static void endList(RecordConsumer out, String name, int index, int count) {
        if (count > 0) out.endField("list", 0);
        out.endGroup();
        out.endField(name, index);
    }

    private static void startElement(RecordConsumer out) {
        out.startGroup();
        out.startField("element", 0);
    }

    private static void endElement(RecordConsumer out) {
        out.endField("element", 0);
        out.endGroup();
    }
}
