package dev.semid.lab.serve;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Item values as the service's input topic takes them, without an id (the record key carries
 * it) or payload fields: JSON {@code {"embedding":[…]}}, or little-endian float32.
 */
final class ItemPayloads {
    private ItemPayloads() {}

    static byte[] json(float[] v) {
        StringBuilder sb = new StringBuilder(16 * v.length + 16).append("{\"embedding\":[");
        for (int j = 0; j < v.length; j++) sb.append(j == 0 ? "" : ",").append(v[j]);
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] binary(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }
}
