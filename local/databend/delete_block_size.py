"""How long a 10,000-key DELETE takes on the embedded Databend engine, by table block size.

Writes 100 batches of 10,000 rows (10 columns, as the applier benchmark's table) with REPLACE in
explicit transactions, then times eight 10,000-key DELETEs, once with Databend's default
row_per_block and once with row_per_block = 100000. Prints figures; asserts nothing.

    .stack/databend/venv/bin/python local/databend/delete_block_size.py
"""
import shutil
import tempfile
import time

from databend import databend as bendpy

COLUMNS = ("id Int64 NOT NULL, a Int64, b String, c Decimal(12,2), d Timestamp, e Timestamp, f String, "
           "g Float64, h Boolean, i Date")


def run(table, options):
    data = tempfile.mkdtemp(prefix="bendcdc-blocks-")
    try:
        ctx = bendpy.SessionContext(None, data)

        def q(sql):
            t = time.time()
            ctx.sql(sql).to_arrow_table()
            return time.time() - t

        q("CREATE OR REPLACE TABLE %s (%s) %s" % (table, COLUMNS, options))
        q("CREATE OR REPLACE TABLE s (k String, v Int64)")
        load = 0.0
        for i in range(100):
            lo = i * 10000 + 1
            q("BEGIN")
            load += q("REPLACE INTO " + table + " ON (id) SELECT number, number * 7, concat('name-', number::String), "
                      "number / 100, now(), now(), repeat('x', 50), number / 3, number %% 2 = 1, today() "
                      "FROM numbers(%d) WHERE number >= %d" % (lo + 10000, lo))
            q("REPLACE INTO s ON (k) VALUES ('x', %d)" % i)
            q("COMMIT")
        deletes = []
        for k in range(8):
            keys = ",".join(str(x) for x in range(k * 10000 + 1, k * 10000 + 10001))
            q("BEGIN")
            deletes.append(round(q("DELETE FROM %s WHERE id IN (%s)" % (table, keys)), 2))
            q("REPLACE INTO s ON (k) VALUES ('x', %d)" % k)
            q("COMMIT")
        print("%-28s load %.1f s; 10,000-key DELETEs (s): %s" % (options or "default row_per_block", load, deletes))
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    # The engine's metadata is shared by every session of the process, hence two table names.
    run("t_default", "")
    run("t_small_blocks", "row_per_block = 100000")
