# Writes the Parquet fixtures the tests read, with pyarrow (not a build dependency):
#   python make_fixtures.py   (pyarrow 25; files are committed beside this script)
import pyarrow as pa
import pyarrow.parquet as pq

ids = ["a1", "b2", "c3", "d4", "e5"]
emb = [[0.5, -1.25, 3.0, 1e-7], [1.0, 2.0, 3.0, 4.0], [-0.0, 0.1, 0.2, 0.3], [7.5, 8.5, 9.5, 10.5], [1.5, 2.5, 3.5, 4.5]]
pq.write_table(pa.table({"id": pa.array(ids), "embedding": pa.array(emb, type=pa.list_(pa.float32()))}),
               "embeddings-list-float.parquet", row_group_size=2)
pq.write_table(pa.table({"item_id": pa.array([11, 12, 13, 14, 15], type=pa.int64()),
                         "vector": pa.array(emb, type=pa.list_(pa.float64(), 4))}),
               "embeddings-fixed-size-double.parquet", compression="zstd")
pq.write_table(pa.table({
    "item_id": pa.array([1, 2, 3], type=pa.int64()),
    "title": pa.array(["argan oil shampoo", None, "red nail polish"]),
    "brand": pa.array(["Acme", "Glow", None]),
    "categories": pa.array([["Beauty", "Hair"], [], ["Beauty", None, "Nails"]], type=pa.list_(pa.string())),
    "price": pa.array([4.5, 12.0, None], type=pa.float64()),
    "in_stock": pa.array([True, False, True]),
}), "catalogue.parquet", compression="snappy")
