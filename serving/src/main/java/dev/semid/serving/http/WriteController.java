package dev.semid.serving.http;

import dev.semid.serving.SemidRuntime;
import dev.semid.serving.stream.BadItemException;
import dev.semid.serving.stream.Item;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.index.NotFoundException;
import dev.semid.index.SidEntry;
import dev.semid.tokenizer.sid.CodeTuple;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tokenize} (codes for embeddings, nothing written), {@code POST /items} (items into
 * the input topic, as a Kafka producer would) and {@code DELETE /items/{id}}. The last two need
 * the bearer token of {@code semid.auth-token}, and are refused when none is set unless
 * {@code semid.insecure-writes} is on ({@link BearerAuthFilter}).
 */
@Controller
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class WriteController {
    private final SemidRuntime runtime;
    private final ItemPublisher publisher;
    private final ItemDecoder decoder;
    private final int maxItems;

    WriteController(SemidRuntime runtime, ItemPublisher publisher, @Value("${semid.max-request-items:10000}") int maxItems) {
        this.runtime = runtime;
        this.publisher = publisher;
        this.maxItems = maxItems;
        this.decoder = new ItemDecoder(runtime.model().inputDim(), publisher.settings().maxItemBytes());
    }

    @Post("/tokenize")
    @Operation(summary = "Codes for one item or a batch; nothing is written",
            description = "Body: {\"id\"?, \"embedding\": [...]} or {\"items\": [...]}. Each result has the codes, the code tuple,"
                    + " and the item's assigned ID when the index has it.")
    @ApiResponse(responseCode = "200", description = "{\"model\", \"items\": [{\"id\", \"codes\", \"tuple\", \"sid\"}]}")
    @ApiResponse(responseCode = "400", description = "invalid item (the reason names the element and field)")
    @ApiResponse(responseCode = "413", description = "request body too large")
    MutableHttpResponse<String> tokenize(@Body byte[] body) {
        return JsonResponses.handle(() -> {
            List<Item> items = decode(body, false).stream().map(Map.Entry::getKey).toList();
            int d = runtime.model().inputDim();
            Matrix x = Matrix.zeros(items.size(), d);
            for (int i = 0; i < items.size(); i++) System.arraycopy(items.get(i).embedding(), 0, x.data(), i * d, d);
            int[][] codes = runtime.tokenizer().codes(x);
            List<Map<String, Object>> out = new ArrayList<>();
            runtime.index().read(l -> {
                for (int i = 0; i < items.size(); i++) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", items.get(i).id());
                    m.put("codes", codes[i]);
                    m.put("tuple", CodeTuple.text(codes[i]));
                    m.put("sid", l.item(items.get(i).id()).map(e -> e.sid().toString()).orElse(null));
                    out.add(m);
                }
                return null;
            });
            return JsonResponses.ok(Map.of("model", runtime.fingerprint(), "items", out));
        });
    }

    @Post("/items")
    @Operation(summary = "Send items to the input topic (the stream gives them IDs)",
            description = "Body as for /tokenize, with ids. Every item is validated first: one bad item refuses the request.")
    @ApiResponse(responseCode = "202", description = "{\"accepted\": n}")
    @ApiResponse(responseCode = "400", description = "invalid item")
    @ApiResponse(responseCode = "401", description = "missing or wrong bearer token")
    @ApiResponse(responseCode = "403", description = "no semid.auth-token is set and semid.insecure-writes is off")
    MutableHttpResponse<String> publish(@Body byte[] body) {
        return JsonResponses.handle(() -> {
            List<Map.Entry<String, byte[]>> records = decode(body, true).stream()
                    .map(e -> Map.entry(e.getKey().id(), e.getValue())).toList();
            publisher.send(publisher.settings().inputTopic(), records);
            return JsonResponses.json(HttpStatus.ACCEPTED, Map.of("accepted", records.size(), "topic", publisher.settings().inputTopic()));
        });
    }

    @Delete("/items/{id}")
    @Consumes(MediaType.ALL)
    @Operation(summary = "Delete an item: a tombstone on the output topic, and out of the index")
    @ApiResponse(responseCode = "200", description = "{\"deleted\": id, \"sid\": its former ID}")
    @ApiResponse(responseCode = "401", description = "missing or wrong bearer token")
    @ApiResponse(responseCode = "403", description = "no semid.auth-token is set and semid.insecure-writes is off")
    @ApiResponse(responseCode = "404", description = "the item is not in the index")
    MutableHttpResponse<String> delete(@PathVariable String id) {
        return JsonResponses.handle(() -> {
            SidEntry e = runtime.index().read(l -> l.item(id))
                    .orElseThrow(() -> new NotFoundException("item '" + id + "' is not in the index"));
            List<Map.Entry<String, byte[]>> tombstone = new ArrayList<>();
            tombstone.add(new java.util.AbstractMap.SimpleEntry<>(id, null));
            publisher.send(publisher.settings().outputTopic(), tombstone);
            runtime.index().delete(List.of(id)); // the stream applies the tombstone too, and commits it
            runtime.index().refresh(); // read-your-writes for this client
            return JsonResponses.ok(Map.of("deleted", id, "sid", e.sid().toString()));
        });
    }

    private List<Map.Entry<Item, byte[]>> decode(byte[] body, boolean requireId) {
        try {
            return decoder.decodeBody(body, requireId, maxItems);
        } catch (BadItemException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
