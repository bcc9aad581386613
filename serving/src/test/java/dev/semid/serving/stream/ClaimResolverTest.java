package dev.semid.serving.stream;

import dev.semid.index.IndexModel;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.rq.ResidualQuantizer;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Token hand-out against a real index plus the recent writes laid over it. */
class ClaimResolverTest {
    @TempDir Path tmp;

    /** A claim without a latent: it cannot spill. */
    static Claim claim(String id, int... codes) { return new Claim(id, CodeTuple.of(codes), null, false, 0, null, 0); }

    /** 3 levels × 16 codes in 4-d, the shape of the index model below. */
    static final ResidualQuantizer QUANTIZER;
    static {
        java.util.Random rnd = new java.util.Random(5);
        List<Matrix> books = new java.util.ArrayList<>();
        for (int l = 0; l < 3; l++) {
            float[] c = new float[16 * 4];
            for (int j = 0; j < c.length; j++) c[j] = (float) (rnd.nextGaussian() / (l + 1));
            books.add(new Matrix(16, 4, c));
        }
        QUANTIZER = ResidualQuantizer.of(books);
    }

    /** Every tuple is this instance's to hand out. */
    static final java.util.function.Predicate<CodeTuple> ALL = t -> true;

    static SemanticId sid(String text) { return SemanticId.parse(text); }

    static ClaimResolver resolver(boolean retokenizeAll, int cachedTuples) {
        return new ClaimResolver(new SemanticIdAssigner(), QUANTIZER, retokenizeAll, new TupleTokens(cachedTuples));
    }

    static List<String> sids(List<ClaimResolver.Resolved> out) { return out.stream().map(x -> String.valueOf(x.sid())).toList(); }

    @Test void keptTokensFollowItsOwnAssignmentsAndMovesUntilInvalidated() {
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("k"), new IndexModel("fp", 3, 16), false)) {
            w.upsert(List.of(new SidEntry("a", sid("1-2-3-0")), new SidEntry("b", sid("5-5-5-0"))));
            w.refresh();
            RecentAssignments nothing = new RecentAssignments(); // neither the index nor the overlay learns of the hand-outs below
            ClaimResolver r = resolver(false, 16);
            assertEquals(List.of("1-2-3-1"), sids(w.read(l -> r.resolve(List.of(claim("c", 1, 2, 3)), nothing.over(l), ALL))));
            assertEquals(List.of("1-2-3-2"), sids(w.read(l -> r.resolve(List.of(claim("d", 1, 2, 3)), nothing.over(l), ALL))),
                    "token 1 is held by c: the kept tokens know it although the index does not");
            r.invalidate(CodeTuple.of(1, 2, 3));
            assertEquals(List.of("1-2-3-1"), sids(w.read(l -> r.resolve(List.of(claim("e", 1, 2, 3)), nothing.over(l), ALL))),
                    "invalidated: read from the index again");

            ClaimResolver moving = resolver(true, 16);
            assertEquals(List.of("5-5-5-1"), sids(w.read(l -> moving.resolve(List.of(claim("x", 5, 5, 5)), nothing.over(l), ALL))));
            List<ClaimResolver.Resolved> moved = w.read(l -> moving.resolve(List.of(claim("b", 7, 7, 7)), nothing.over(l), ALL));
            assertEquals(sid("5-5-5-0"), moved.getFirst().previous());
            assertEquals(List.of("5-5-5-0"), sids(w.read(l -> moving.resolve(List.of(claim("y", 5, 5, 5)), nothing.over(l), ALL))),
                    "b moved away: its old token is free again");
            moving.forget();
            assertEquals(List.of("5-5-5-1"), sids(w.read(l -> moving.resolve(List.of(claim("z", 5, 5, 5)), nothing.over(l), ALL))),
                    "forgotten: the index says b holds 5-5-5-0");
        }
    }

    @Test void aTupleDroppedFromTheCacheMidBatchStillCountsThatBatchsTokens() {
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("e"), new IndexModel("fp", 3, 16), false)) {
            ClaimResolver r = resolver(false, 1); // room for one tuple: 2-2-2 pushes 1-1-1 out
            List<ClaimResolver.Resolved> out = w.read(l -> r.resolve(List.of(claim("a", 1, 1, 1), claim("b", 2, 2, 2), claim("c", 1, 1, 1)),
                    new RecentAssignments().over(l), ALL));
            assertEquals(List.of("1-1-1-0", "2-2-2-0", "1-1-1-1"), sids(out));
        }
    }

    @Test void keepsKnownIdsFillsTheSmallestFreeTokenAndSeesRecentWrites() {
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("i"), new IndexModel("fp", 3, 16), false)) {
            w.upsert(List.of(new SidEntry("a", sid("1-2-3-0")), new SidEntry("b", sid("1-2-3-2"))));
            w.refresh();
            RecentAssignments recent = new RecentAssignments();
            ClaimResolver r = resolver(false, 0); // nothing kept between batches: every batch reads the index and the overlay
            List<ClaimResolver.Resolved> out = w.read(l -> r.resolve(List.of(claim("a", 1, 2, 3), claim("c", 1, 2, 3), claim("d", 1, 2, 3),
                    claim("c", 1, 2, 3), claim("e", 4, 4, 4)), recent.over(l), ALL));
            assertEquals(List.of("1-2-3-0", "1-2-3-1", "1-2-3-3", "1-2-3-1", "4-4-4-0"), out.stream().map(x -> x.sid().toString()).toList());
            assertEquals(List.of(false, true, true, false, true), out.stream().map(ClaimResolver.Resolved::changed).toList());
            // written but not yet visible in the view: the overlay still makes the tokens taken
            out.stream().filter(ClaimResolver.Resolved::changed).forEach(x -> recent.record(x.claim().id(), x.sid()));
            List<ClaimResolver.Resolved> next = w.read(l -> r.resolve(List.of(claim("f", 1, 2, 3), claim("d", 1, 2, 3)), recent.over(l), ALL));
            assertEquals(List.of("1-2-3-4", "1-2-3-3"), next.stream().map(x -> x.sid().toString()).toList());
        }
    }

    @Test void retokenizingMovesAnItemOnlyWhenItsCodesChanged() {
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("r"), new IndexModel("fp", 3, 16), false)) {
            w.upsert(List.of(new SidEntry("a", sid("1-2-3-0")), new SidEntry("b", sid("5-5-5-0"))));
            w.refresh();
            ClaimResolver all = resolver(true, 0);
            RecentAssignments recent = new RecentAssignments();
            List<ClaimResolver.Resolved> out = w.read(l -> all.resolve(List.of(claim("a", 1, 2, 3), claim("b", 1, 2, 3)), recent.over(l), ALL));
            assertEquals("1-2-3-0", out.get(0).sid().toString());
            assertFalse(out.get(0).changed(), "same codes: same ID");
            assertEquals("1-2-3-1", out.get(1).sid().toString());
            assertTrue(out.get(1).changed());
            // b's old ID is free again once the move is recorded
            recent.record("b", out.get(1).sid());
            List<ClaimResolver.Resolved> back = w.read(l -> resolver(false, 0)
                    .resolve(List.of(claim("z", 5, 5, 5)), recent.over(l), ALL));
            assertEquals("5-5-5-0", back.getFirst().sid().toString());
        }
    }

    @Test void aFullTupleOfAClaimThatCannotSpillIsAnErrorForThatClaimOnly() {
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("o"), new IndexModel("fp", 3, 16), false)) {
            ClaimResolver r = new ClaimResolver(new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1)), QUANTIZER, false, new TupleTokens(16));
            RecentAssignments recent = new RecentAssignments();
            List<ClaimResolver.Resolved> out = w.read(l -> r.resolve(List.of(claim("x", 1, 1, 1), claim("y", 1, 1, 1),
                    claim("z", 1, 1, 1), claim("w", 2, 2, 2)), recent.over(l), ALL));
            assertEquals("1-1-1-1", out.get(1).sid().toString());
            assertNull(out.get(2).sid());
            assertTrue(out.get(2).error().contains("maxDedup is 1"), out.get(2).error());
            assertEquals("2-2-2-0", out.get(3).sid().toString(), "the batch goes on");
        }
    }

    @Test void recentWritesAreForgottenOnlyUpToTheMarkOfARefresh() {
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("m"), new IndexModel("fp", 3, 16), false)) {
            RecentAssignments recent = new RecentAssignments();
            recent.record("a", sid("1-1-1-0"));
            long mark = recent.mark();
            recent.record("b", sid("1-1-1-1"));
            recent.record("a", sid("2-2-2-0")); // a moved after the mark: its newer record must stay
            recent.dropUpTo(mark);
            w.read(l -> {
                AssignedIds ids = recent.over(l);
                assertEquals(sid("2-2-2-0"), ids.idOf("a"));
                assertEquals(sid("1-1-1-1"), ids.idOf("b"));
                assertEquals("b", ids.holderOf(sid("1-1-1-1")));
                assertNull(ids.holderOf(sid("1-1-1-0")), "a's old ID is free");
                assertEquals(java.util.BitSet.valueOf(new long[] {0b10}), ids.tokens(CodeTuple.of(1, 1, 1)));
                return null;
            });
            recent.dropUpTo(recent.mark());
            assertTrue(recent.isEmpty());
        }
    }

    @Test void anItemPastAFullTupleSpillsToItsNearestAlternativeAndKeepsThatIdWhenRedelivered() {
        float[] z = {0.3f, -0.2f, 0.9f, 0.1f};
        int[] own = QUANTIZER.encode(new Matrix(1, 4, z.clone()))[0];
        CodeTuple tuple = CodeTuple.of(own), nearest = CodeTuple.of(QUANTIZER.alternatives(z, own).tuple(1));
        java.util.function.Function<String, Claim> item = id -> new Claim(id, tuple, null, false, 0, z, 0);
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("s"), new IndexModel("fp", 3, 16), false)) {
            ClaimResolver r = new ClaimResolver(new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1)), QUANTIZER, false, new TupleTokens(16));
            RecentAssignments recent = new RecentAssignments();
            List<ClaimResolver.Resolved> out = w.read(l -> r.resolve(List.of(item.apply("x"), item.apply("y"), item.apply("z")), recent.over(l), ALL));
            assertEquals(List.of(new SemanticId(tuple, 0), new SemanticId(tuple, 1), new SemanticId(nearest, 0)), out.stream().map(ClaimResolver.Resolved::sid).toList());
            assertEquals(List.of(false, false, true), out.stream().map(ClaimResolver.Resolved::spilled).toList());
            assertEquals(tuple, out.get(2).spilledFrom(), "the output record names the tuple the quantizer chose");
            assertNull(out.get(1).spilledFrom());
            assertEquals(1, out.get(2).tokensLeft(), "1 of the 2 tokens left in the tuple it went to");
            out.forEach(x -> recent.record(x.claim().id(), x.sid()));

            List<ClaimResolver.Resolved> again = w.read(l -> r.resolve(List.of(item.apply("z")), recent.over(l), ALL));
            assertEquals(new SemanticId(nearest, 0), again.getFirst().sid(), "re-delivered: the same ID");
            assertFalse(again.getFirst().changed());
            assertEquals(tuple, again.getFirst().spilledFrom(), "and marked as spilled again");
            ClaimResolver retokenizing = new ClaimResolver(new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1)), QUANTIZER, true,
                    new TupleTokens(16));
            List<ClaimResolver.Resolved> moved = w.read(l -> retokenizing.resolve(List.of(item.apply("z")), recent.over(l), ALL));
            assertEquals(new SemanticId(nearest, 0), moved.getFirst().sid(), "re-tokenized with the same codes: its tuple is still full, it stays");
            assertFalse(moved.getFirst().changed());
        }
    }

    @Test void aSpillToAnotherOwnersTupleIsForwardedAndThatOwnerGoesOnFromThere() {
        float[] z = {-0.5f, 0.4f, 0.2f, -0.7f};
        int[] own = QUANTIZER.encode(new Matrix(1, 4, z.clone()))[0];
        CodeTuple tuple = CodeTuple.of(own), nearest = CodeTuple.of(QUANTIZER.alternatives(z, own).tuple(1));
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("f"), new IndexModel("fp", 3, 16), false)) {
            w.upsert(List.of(new SidEntry("a", new SemanticId(tuple, 0)), new SidEntry("b", new SemanticId(tuple, 1))));
            w.refresh();
            SemanticIdAssigner two = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
            ClaimResolver first = new ClaimResolver(two, QUANTIZER, false, new TupleTokens(16));
            List<ClaimResolver.Resolved> out = w.read(l -> first.resolve(List.of(new Claim("c", tuple, "{}", false, 7, z, 0)),
                    new RecentAssignments().over(l), t -> t.equals(tuple)));
            ClaimResolver.Resolved f = out.getFirst();
            assertNull(f.sid());
            assertEquals(nearest, f.forwardTo());
            assertEquals(1, f.claim().rank());
            assertEquals(tuple, f.claim().tuple(), "the claim still names the quantizer's tuple");
            ClaimResolver other = new ClaimResolver(two, QUANTIZER, false, new TupleTokens(16));
            ClaimResolver.Resolved there = w.read(l -> other.resolve(List.of(f.claim()), new RecentAssignments().over(l), t -> !t.equals(tuple))).getFirst();
            assertEquals(new SemanticId(nearest, 0), there.sid());
            assertTrue(there.spilled());
            assertEquals(1, there.rank());

            w.delete(List.of("a")); // a token of the full tuple is freed while c's claim is away
            w.refresh();
            first.forget();
            ClaimResolver.Resolved redelivered = w.read(l -> first.resolve(List.of(new Claim("c", tuple, "{}", false, 8, z, 0)),
                    new RecentAssignments().over(l), t -> t.equals(tuple))).getFirst();
            assertEquals(nearest, redelivered.forwardTo(), "c goes where its first claim went, not to the freed token");
            first.seen("c"); // c's ID came in from the other instance
            ClaimResolver.Resolved fresh = w.read(l -> first.resolve(List.of(new Claim("d", tuple, null, false, 9, z, 0)),
                    new RecentAssignments().over(l), t -> t.equals(tuple))).getFirst();
            assertEquals(new SemanticId(tuple, 0), fresh.sid(), "a new item takes the freed token");
        }
    }
}
