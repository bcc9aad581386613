package dev.semid.cli;

import dev.semid.index.NotFoundException;
import dev.semid.index.PrefixChild;
import dev.semid.index.PrefixPage;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidLookup;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.ModelFingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "lookup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Query an index; prints JSON.",
                "  item ID        the semantic ID of an item",
                "  sid SID        the item of a full ID (12-201-7-0), or every item of a code tuple (12-201-7)",
                "  prefix P       items under a prefix (12 or 12-201; \"\" = all), paged in ID order (--limit, --after)",
                "  children [P]   the next level under P with item counts (no P = the first level)",
                "Exit code 7 when the item or ID is not in the index."})
final class LookupCommand implements Callable<Integer> {
    enum Kind { item, sid, prefix, children }

    @Parameters(index = "0", paramLabel = "KIND", description = "item, sid, prefix or children.") Kind kind;
    @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE") String value;
    @Option(names = "--index", required = true, paramLabel = "DIR") Path index;
    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "Refuse the index unless it was built for this model.")
    Path model;
    @Option(names = "--limit", defaultValue = "100", description = "prefix: page size (default ${DEFAULT-VALUE}).") int limit;
    @Option(names = "--after", paramLabel = "SID", description = "prefix: the `next` cursor of the previous page.") String after;
    @Option(names = "--payload", description = "Include stored payloads.") boolean payload;

    @Override public Integer call() {
        if (value == null && kind != Kind.children) throw new IllegalArgumentException("lookup " + kind + " needs a VALUE");
        String fingerprint = model == null ? null : ModelFingerprint.of(ModelArtifact.load(model));
        try (SidIndexReader r = SidIndexReader.open(index, fingerprint)) {
            Object result = r.read(this::query);
            System.out.println(Json.text(result));
        }
        return 0;
    }

    private Object query(SidLookup l) {
        String v = value == null ? "" : value;
        return switch (kind) {
            case item -> l.item(v, payload).orElseThrow(() -> new NotFoundException("item '" + v + "' is not in index " + index)).view();
            case sid -> {
                List<SidEntry> items = l.sid(v, payload);
                if (items.isEmpty()) throw new NotFoundException("no item has semantic ID '" + v + "' in index " + index);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sid", v);
                m.put("items", items.stream().map(SidEntry::view).toList());
                yield m;
            }
            case prefix -> {
                PrefixPage p = l.prefix(v, after, limit, payload);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("prefix", p.prefix());
                m.put("total", p.total());
                m.put("items", p.items().stream().map(SidEntry::view).toList());
                m.put("next", p.next());
                yield m;
            }
            case children -> {
                List<PrefixChild> kids = l.children(v);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("prefix", v);
                m.put("count", kids.stream().mapToLong(PrefixChild::count).sum());
                m.put("children", kids);
                yield m;
            }
        };
    }
}
