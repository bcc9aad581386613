package dev.semid.serving.http;

import dev.semid.serving.SemidRuntime;
import dev.semid.index.NotFoundException;
import dev.semid.index.PrefixChild;
import dev.semid.index.PrefixPage;
import dev.semid.index.SidEntry;
import dev.semid.index.SidLookup;
import dev.semid.tokenizer.engine.Tokenizers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read endpoints over the index (the stream writer's near-real-time view) and the model. */
@Controller
@Produces(MediaType.APPLICATION_JSON)
class LookupController {
    private final SemidRuntime runtime;

    LookupController(SemidRuntime runtime) { this.runtime = runtime; }

    @Get("/items/{id}")
    @Operation(summary = "The semantic ID of an item", description = "{\"id\",\"sid\",\"codes\",\"payload\"?,\"model\"}")
    @ApiResponse(responseCode = "200", description = "the item's ID")
    @ApiResponse(responseCode = "404", description = "the item is not in the index")
    MutableHttpResponse<String> item(@PathVariable String id) {
        return JsonResponses.handle(() -> {
            SidEntry e = runtime.index().read(l -> l.item(id, true))
                    .orElseThrow(() -> new NotFoundException("item '" + id + "' has no semantic ID (not in the index)"));
            return JsonResponses.ok(JsonResponses.entry(e, runtime.fingerprint()));
        });
    }

    @Get("/sids/{sid}")
    @Operation(summary = "The item(s) of a semantic ID",
            description = "A full ID (12-201-7-0) gives its item; the codes alone (12-201-7) give every item of that tuple.")
    @ApiResponse(responseCode = "200", description = "{\"sid\", \"items\": [...]}")
    @ApiResponse(responseCode = "400", description = "malformed ID")
    @ApiResponse(responseCode = "404", description = "no item has this ID")
    MutableHttpResponse<String> sid(@PathVariable String sid) {
        return JsonResponses.handle(() -> {
            List<SidEntry> items = runtime.index().read(l -> l.sid(sid, true));
            if (items.isEmpty()) throw new NotFoundException("no item has semantic ID '" + sid + "'");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sid", sid);
            m.put("items", items.stream().map(e -> JsonResponses.entry(e, runtime.fingerprint())).toList());
            return JsonResponses.ok(m);
        });
    }

    @Get("/prefixes")
    @Operation(summary = "The top of the ID tree: all items (paged) and the first level's codes with counts")
    MutableHttpResponse<String> root(@QueryValue(defaultValue = "100") int limit, @Nullable @QueryValue String after) {
        return prefix("", limit, after);
    }

    @Get("/prefixes/{prefix}")
    @Operation(summary = "Items under a prefix, paged in ID order, with the next level's codes and counts",
            description = "{\"prefix\",\"total\",\"items\",\"next\",\"children\":[{\"code\",\"prefix\",\"count\"}]}; pass `next` as `after` for the next page.")
    @ApiResponse(responseCode = "200", description = "one page")
    @ApiResponse(responseCode = "400", description = "malformed prefix, code outside the model, or bad page size")
    MutableHttpResponse<String> prefix(@PathVariable String prefix,
                                       @Parameter(description = "page size, 1..10000") @QueryValue(defaultValue = "100") int limit,
                                       @Parameter(description = "the `next` of the previous page") @Nullable @QueryValue String after) {
        return JsonResponses.handle(() -> runtime.index().read(l -> {
            PrefixPage p = l.prefix(prefix, after, limit, true);
            List<PrefixChild> children = l.children(prefix);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("prefix", p.prefix());
            m.put("total", p.total());
            m.put("items", p.items().stream().map(e -> JsonResponses.entry(e, runtime.fingerprint())).toList());
            m.put("next", p.next());
            m.put("children", children);
            return JsonResponses.ok(m);
        }));
    }

    @Get("/model")
    @Operation(summary = "The model the service tokenizes with, and the index it serves")
    MutableHttpResponse<String> model() {
        var m = runtime.model();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fingerprint", runtime.fingerprint());
        out.put("method", m.method());
        out.put("inputDim", m.inputDim());
        out.put("latentDim", m.latentDim());
        out.put("levels", m.levels());
        out.put("codebookSize", m.codebookSize());
        out.put("idFormat", runtime.indexModel().idFormat());
        out.put("engine", Tokenizers.engine(runtime.tokenizer()));
        out.put("indexItems", runtime.index().read(SidLookup::size));
        return JsonResponses.ok(out);
    }
}
