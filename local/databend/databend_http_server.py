#!/usr/bin/env python3
"""Serve the embedded Databend engine (PyPI package ``databend``, "bendpy") over
Databend's HTTP query protocol, as used by databend-jdbc 0.2.8.

Every SQL statement runs in the engine. This server only does:
  * the protocol: POST /v1/query, GET /v1/query/<id>/page/<n>, GET|POST .../final and .../kill;
  * paging of results (``pagination.max_rows_per_page``) and Databend's text encoding of values;
  * one engine session per JDBC connection, carried in the ``session`` object the driver echoes;
  * stage files: PUT /v1/upload_to_stage (multipart), PRESIGN UPLOAD/DOWNLOAD with a local URL;
  * the stage-attachment rewrite of ``INSERT/REPLACE ... VALUES (?, ...)`` into engine statements
    (COPY INTO, or COPY INTO a scratch table + REPLACE/INSERT ... SELECT).

Usage: python databend_http_server.py --host 127.0.0.1 --port 8000 --data-dir DIR
"""

import argparse
import concurrent.futures
import email.parser
import email.policy
import json
import logging
import os
import re
import signal
import socket
import struct
import sys
import threading
import time
import uuid
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote, urlsplit

LOG = logging.getLogger("databend-http")

SESSION_KEY = "bendpy_session_id"  # unknown session field; databend-jdbc echoes it back
MAX_SESSIONS = 512
QUERY_TTL_SECS = 600
UPLOAD_PREFIX = "/_bendpy_stage/"


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------

class DatabendError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


_ERR_RE = re.compile(r"(?s)^(?:.*?: )?(\w+)\. Code: (\d+), Text = (.*)$")
_BACKTRACE_RE = re.compile(r"\n\s*\n\s*\d+: ")


def engine_error(exc):
    """Turn a bendpy RuntimeError ('Error: Name. Code: N, Text = msg.' + backtrace) into code+msg."""
    text = str(exc)
    m = _ERR_RE.match(text)
    if not m:
        return DatabendError(1001, text.strip())
    msg = m.group(3)
    bt = _BACKTRACE_RE.search(msg)
    if bt:
        msg = msg[:bt.start()]
    msg = msg.rstrip()
    if msg.endswith("."):
        msg = msg[:-1]
    return DatabendError(int(m.group(2)), msg.rstrip())


# ---------------------------------------------------------------------------------------------
# Databend types: parsed from the engine's DataSchema Debug text
# ---------------------------------------------------------------------------------------------

class _DebugParser:
    """Tiny parser for Rust Debug output: Ident, Ident(..), Ident { k: v }, "str", [..], {..}, numbers."""

    _TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?)|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<p>[()\[\]{}:,]))')

    def __init__(self, text):
        self.toks = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            m = self._TOKEN.match(text, pos)
            if not m:
                raise ValueError("cannot tokenize at %d: %r" % (pos, text[pos:pos + 30]))
            pos = m.end()
            kind = m.lastgroup
            self.toks.append((kind, m.group(kind)))
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, val=None):
        tok = self.toks[self.i]
        if val is not None and tok[1] != val:
            raise ValueError("expected %r got %r" % (val, tok))
        self.i += 1
        return tok

    def value(self):
        kind, val = self.take()
        if kind == "str":
            return _unescape_rust(val[1:-1])
        if kind == "num":
            return int(val) if re.fullmatch(r"-?\d+", val) else float(val)
        if kind == "id":
            nk, nv = self.peek()
            if nv == "(":
                self.take("(")
                args = self.seq(")")
                return (val, args)
            if nv == "{":
                self.take("{")
                fields = {}
                while self.peek()[1] != "}":
                    _, key = self.take()
                    self.take(":")
                    fields[key] = self.value()
                    if self.peek()[1] == ",":
                        self.take(",")
                self.take("}")
                return (val, fields)
            return (val, None)
        if val == "[":
            return self.seq("]")
        if val == "{":
            items = {}
            while self.peek()[1] != "}":
                k = self.value()
                self.take(":")
                items[str(k)] = self.value()
                if self.peek()[1] == ",":
                    self.take(",")
            self.take("}")
            return items
        if val == "(":
            return tuple(self.seq(")"))
        raise ValueError("unexpected %r" % val)

    def seq(self, close):
        items = []
        while self.peek()[1] != close:
            items.append(self.value())
            if self.peek()[1] == ",":
                self.take(",")
        self.take(close)
        return items


def _unescape_rust(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n == "u" and s[i + 2] == "{":
            j = s.index("}", i)
            out.append(chr(int(s[i + 3:j], 16)))
            i = j + 1
            continue
        out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(n, n))
        i += 2
    return "".join(out)


def parse_schema(debug_text):
    """[(name, type_node)] from repr(DataFrame.schema())."""
    node = _DebugParser(debug_text).value()
    fields = node[1]["fields"]
    return [(f[1]["name"], f[1]["data_type"]) for f in fields]


def _tname(t):
    return t[0] if isinstance(t, tuple) else str(t)


def type_display(t):
    """DataType Display (nested form: 'X NULL')."""
    name, args = t if isinstance(t, tuple) else (str(t), None)
    if name == "Nullable":
        return type_display(args[0]) + " NULL"
    if name == "Number":
        return _tname(args[0])
    if name == "Decimal":
        size = args[0]
        if isinstance(size, tuple) and isinstance(size[1], dict):
            return "Decimal(%s, %s)" % (size[1]["precision"], size[1]["scale"])
        inner = size[1][0] if isinstance(size, tuple) and size[1] else size  # Decimal128(DecimalSize{..})
        return "Decimal(%s, %s)" % (inner[1]["precision"], inner[1]["scale"])
    if name == "Null":
        return "NULL"
    if name == "EmptyArray":
        return "Array(Nothing)"
    if name == "EmptyMap":
        return "Map(Nothing)"
    if name == "TimestampTz":
        return "Timestamp_Tz"
    if name == "Array":
        return "Array(%s)" % type_display(args[0])
    if name == "Map":
        inner = args[0]
        if _tname(inner) == "Tuple":
            kv = inner[1][0]
            return "Map(%s, %s)" % (type_display(kv[0]), type_display(kv[1]))
        return "Map(%s)" % type_display(inner)
    if name == "Tuple":
        return "Tuple(%s)" % ", ".join(type_display(x) for x in args[0])
    if name == "Vector":
        v = args[0]
        return "Vector(%s)" % (v[1][0] if isinstance(v, tuple) and v[1] else v)
    return name


def type_wrapped_display(t):
    """DataType::wrapped_display: top-level Nullable(X)."""
    if _tname(t) == "Nullable":
        return "Nullable(%s)" % type_wrapped_display(t[1][0])
    return type_display(t)


def _strip_nullable(t):
    while _tname(t) == "Nullable":
        t = t[1][0]
    return t


# Types whose text is produced by the engine itself (to_string) when the statement is a query,
# because the Arrow form is not the text form (Variant arrives as JSONB bytes, etc.).
ENGINE_TEXT_TYPES = {"Variant", "TimestampTz", "Interval", "Geometry", "Geography"}


# ---------------------------------------------------------------------------------------------
# Value encoding (Databend's HTTP text encoding)
# ---------------------------------------------------------------------------------------------

def _float_text(v, is_f32):
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    if is_f32:
        s = None
        for p in range(1, 10):
            cand = "%.*g" % (p, v)
            try:
                if struct.unpack("<f", struct.pack("<f", float(cand)))[0] == v:
                    s = cand
                    break
            except OverflowError:
                continue  # a short candidate near FLT_MAX rounds beyond the Float32 range
        s = repr(float(s)) if s is not None else repr(v)
    else:
        s = repr(v)
    if "e" in s:
        mant, exp = s.split("e")
        if mant.endswith(".0"):
            mant = mant[:-2]
        s = "%se%d" % (mant, int(exp))
    return s


def _ts_text(dt):
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (
        dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond)


def _quoted(s):
    return '"' + s.replace('"', '\\"') + '"'


def make_encoder(t, engine_text=False):
    """Function: arrow python value -> JSON value (str or None) for a top-level column."""
    if engine_text:
        return lambda v: v
    base = _strip_nullable(t)
    name = _tname(base)
    if name == "Null":
        return lambda v: None
    if name == "Boolean":
        return lambda v: None if v is None else ("1" if v else "0")
    if name == "Number":
        num = _tname(base[1][0])
        if num.startswith("Float"):
            f32 = num == "Float32"
            return lambda v: None if v is None else _float_text(v, f32)
        return lambda v: None if v is None else str(v)
    if name == "Decimal":
        return lambda v: None if v is None else format(v, "f")
    if name == "String":
        return lambda v: v
    if name == "Binary":
        return lambda v: None if v is None else v.hex().upper()
    if name == "Timestamp":
        return lambda v: None if v is None else _ts_text(v)
    if name == "Date":
        return lambda v: None if v is None else v.isoformat()
    if name == "Bitmap":
        return lambda v: None if v is None else "<bitmap binary>"
    if name in ("Array", "Map", "Tuple", "EmptyArray", "EmptyMap", "Vector"):
        return lambda v: None if v is None else _nested_text(base, v)
    if name == "Variant":  # only reached when the statement could not be wrapped
        return lambda v: None if v is None else v.hex().upper()
    return lambda v: None if v is None else str(v)


def _nested_text(t, v):
    if v is None:
        return "NULL"
    t = _strip_nullable(t)
    name = _tname(t)
    if name == "Boolean":
        return "1" if v else "0"
    if name == "Number":
        num = _tname(t[1][0])
        return _float_text(v, num == "Float32") if num.startswith("Float") else str(v)
    if name == "Decimal":
        return format(v, "f")
    if name == "String":
        return _quoted(v)
    if name == "Binary":
        return v.hex().upper()
    if name == "Timestamp":
        return _quoted(_ts_text(v))
    if name == "Date":
        return _quoted(v.isoformat())
    if name in ("EmptyArray",):
        return "[]"
    if name in ("EmptyMap",):
        return "{}"
    if name == "Array":
        return "[" + ",".join(_nested_text(t[1][0], x) for x in v) + "]"
    if name == "Vector":
        return "[" + ",".join(str(x) for x in v) + "]"
    if name == "Map":
        kv = t[1][0][1][0]
        return "{" + ",".join(_nested_text(kv[0], k) + ":" + _nested_text(kv[1], x) for k, x in v) + "}"
    if name == "Tuple":
        vals = list(v.values()) if isinstance(v, dict) else list(v)
        return "(" + ",".join(_nested_text(ft, x) for ft, x in zip(t[1][0], vals)) + ")"
    if isinstance(v, (bytes, bytearray)):
        return v.hex().upper()
    return _quoted(str(v))


# ---------------------------------------------------------------------------------------------
# SQL helpers (lexing only: statements are executed by the engine)
# ---------------------------------------------------------------------------------------------

_LEX = re.compile(r"""
    (?P<ws>\s+|--[^\n]*|/\*.*?\*/)
  | (?P<str>'(?:[^'\\]|\\.|'')*')
  | (?P<qid>`(?:[^`]|``)*`|"(?:[^"\\]|\\.|"")*")
  | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
  | (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
  | (?P<stage>@[^\s,()';]*)
  | (?P<p>.)
""", re.S | re.X)


def lex(sql):
    toks = []
    pos = 0
    while pos < len(sql):
        m = _LEX.match(sql, pos)
        if not m:
            raise ValueError("cannot lex SQL at %d" % pos)
        if m.lastgroup != "ws":
            toks.append((m.lastgroup, m.group(), m.start(), m.end()))
        pos = m.end()
    return toks


def first_word(sql):
    try:
        for kind, text, _, _ in lex(sql):
            return text.lower() if kind == "word" else text
    except ValueError:
        pass
    return ""


def quote_ident(name):
    # Databend reads "" inside a double-quoted identifier as one "; a doubled backtick is not understood.
    return '"' + name.replace('"', '""') + '"'


def sql_string(value):
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


_STRING_OPTIONS = {"field_delimiter", "record_delimiter", "quote", "escape", "null_display", "nan_display",
                   "row_tag", "timestamp_format", "date_format"}


def _format_option(key, value):
    """FILE_FORMAT option value: enum-like options take bare words (EMPTY_FIELD_AS = FIELD_DEFAULT)."""
    if key not in _STRING_OPTIONS and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*|\d+", value):
        return value
    return sql_string(value)


class AttachmentSql:
    """Pieces of `INSERT|REPLACE INTO t [(cols)] [ON [CONFLICT] (keys) [DELETE WHEN e]] VALUES (items)`."""

    def __init__(self, sql):
        toks = lex(sql)
        self.sql = sql
        i = 0

        def word(k):
            return k < len(toks) and toks[k][0] == "word" and toks[k][1].lower()

        verb = word(0)
        if verb not in ("insert", "replace"):
            raise DatabendError(1005, "stage attachment needs an INSERT or REPLACE statement")
        self.verb = verb
        i = 1
        self.overwrite = False
        if word(i) == "overwrite":
            self.overwrite = True
            i += 1
        if word(i) == "into":
            i += 1
        if word(i) == "table":
            i += 1
        start = toks[i][2]
        while i < len(toks) and toks[i][0] in ("word", "qid"):
            i += 1
            if i < len(toks) and toks[i][1] == ".":
                i += 1
            else:
                break
        self.table = sql[start:toks[i - 1][3]]
        self.table_parts = self._split_table(toks, start, toks[i - 1][3])
        self.columns = None
        if i < len(toks) and toks[i][1] == "(":
            i, group = self._group(toks, i)
            self.columns = [sql[g[0][2]:g[-1][3]] for g in group]
        self.on_clause = ""
        if word(i) == "on":
            j = i
            while i < len(toks) and word(i) != "values":
                i += 1
            self.on_clause = sql[toks[j][2]:toks[i - 1][3]]
        if word(i) != "values":
            raise DatabendError(1005, "stage attachment needs `VALUES (...)`: %s" % sql)
        i += 1
        i, group = self._group(toks, i)
        self.items = [sql[g[0][2]:g[-1][3]] for g in group]

    @staticmethod
    def _split_table(toks, start, end):
        parts = []
        for kind, text, s, e in toks:
            if s >= start and e <= end and kind in ("word", "qid"):
                parts.append(text)
        return parts

    @staticmethod
    def _group(toks, i):
        if toks[i][1] != "(":
            raise DatabendError(1005, "expected '('")
        depth = 0
        items, cur = [], []
        for k in range(i, len(toks)):
            t = toks[k]
            if t[1] in ("(", "["):
                depth += 1
                if depth == 1:
                    continue
            elif t[1] in (")", "]"):
                depth -= 1
                if depth == 0:
                    if cur:
                        items.append(cur)
                    return k + 1, items
            elif t[1] == "," and depth == 1:
                items.append(cur)
                cur = []
                continue
            cur.append(t)
        raise DatabendError(1005, "unbalanced parentheses")


# ---------------------------------------------------------------------------------------------
# Engine: one worker thread runs every engine call
# ---------------------------------------------------------------------------------------------

class Session:
    def __init__(self, sid, ctx):
        self.sid = sid
        self.ctx = ctx
        self.database = "default"
        self.txn_state = "AutoCommit"


class Result:
    def __init__(self, names, types, table, encoders, rows_hint=None, affect=None):
        self.names = names
        self.types = types
        self.table = table
        self.encoders = encoders
        self.num_rows = table.num_rows if table is not None else 0
        self.rows_hint = rows_hint
        self.affect = affect

    def schema_json(self):
        return [{"name": n, "type": t} for n, t in zip(self.names, self.types)]

    def page(self, offset, limit):
        if self.table is None or offset >= self.num_rows:
            return []
        chunk = self.table.slice(offset, limit)
        cols = []
        for idx, enc in enumerate(self.encoders):
            cols.append([enc(v) for v in chunk.column(idx).to_pylist()])
        return [list(r) for r in zip(*cols)] if cols else []


EMPTY = Result([], [], None, [])


class Engine:
    def __init__(self, data_dir):
        self.data_dir = os.path.abspath(data_dir)
        os.makedirs(self.data_dir, exist_ok=True)
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self.sessions = OrderedDict()
        self.pool.submit(self._init).result()

    # -- worker-thread only ------------------------------------------------------------------
    def _init(self):
        t0 = time.time()
        from databend import databend as bendpy  # noqa: imported in the engine thread
        self._bendpy = bendpy
        bendpy.init_embedded(data_path=self.data_dir)
        self.helper = bendpy.SessionContext(None, self.data_dir)
        self.storage_root = os.path.join(self.data_dir, "data")
        LOG.info("engine initialised in %.0f ms, data dir %s", 1000 * (time.time() - t0), self.data_dir)

    def _session(self, req_session):
        sid = (req_session or {}).get(SESSION_KEY)
        sess = self.sessions.get(sid) if sid else None
        if sess is None:
            sid = uuid.uuid4().hex
            sess = Session(sid, self._bendpy.SessionContext(None, self.data_dir))
            self.sessions[sid] = sess
            for key, value in ((req_session or {}).get("settings") or {}).items():
                try:
                    self._run(sess.ctx, "SET %s = %s" % (key, sql_string(value)))
                except DatabendError as e:
                    LOG.warning("ignored session setting %s: %s", key, e.message)
            self._evict()
        self.sessions.move_to_end(sid)
        wanted = (req_session or {}).get("database") or "default"
        if wanted != sess.database:
            self._run(sess.ctx, "USE " + quote_ident(wanted))
            sess.database = wanted
        return sess

    def _evict(self):
        while len(self.sessions) > MAX_SESSIONS:
            for sid, s in self.sessions.items():
                if s.txn_state != "Active":
                    del self.sessions[sid]
                    break
            else:
                return

    @staticmethod
    def _run(ctx, sql):
        try:
            return ctx.sql(sql).to_arrow_table()
        except RuntimeError as e:
            raise engine_error(e) from None

    def _plan(self, ctx, sql):
        try:
            return ctx.sql(sql)
        except RuntimeError as e:
            raise engine_error(e) from None

    def _execute(self, ctx, sql):
        """Plan once, execute once; returns a Result with Databend types and encoders."""
        df = self._plan(ctx, sql)
        fields = parse_schema(repr(df.schema()))
        engine_text = [_tname(_strip_nullable(t)) in ENGINE_TEXT_TYPES for _, t in fields]
        if any(engine_text) and first_word(sql) in ("select", "with"):
            body = sql.strip().rstrip(";").rstrip()
            aliases = ["c%d" % k for k in range(len(fields))]
            exprs = [("to_string(%s)" % a) if et else a for a, et in zip(aliases, engine_text)]
            wrapped = "SELECT %s FROM (%s) AS _bendpy_q(%s)" % (", ".join(exprs), body, ", ".join(aliases))
            try:
                df = self._plan(ctx, wrapped)
            except DatabendError as e:
                LOG.warning("could not wrap query for text conversion (%s); Variant values sent as hex", e.message)
                engine_text = [False] * len(fields)
        else:
            engine_text = [False] * len(fields)
        try:
            table = df.to_arrow_table()
        except RuntimeError as e:
            raise engine_error(e) from None
        names = [n for n, _ in fields]
        types = [type_wrapped_display(t) for _, t in fields]
        encoders = [make_encoder(t, et) for (_, t), et in zip(fields, engine_text)]
        rows_hint = None
        lowered = [n.lower() for n in names]
        for key in ("number of rows inserted", "number of rows deleted", "number of rows updated", "rows_loaded"):
            if key in lowered and table.num_rows:
                rows_hint = sum(v or 0 for v in table.column(lowered.index(key)).to_pylist())
        return Result(names, types, table, encoders, rows_hint)

    def _stage_dir(self, stage):
        if stage == "~":
            return os.path.join(self.storage_root, "stage", "user", "root")
        if not re.fullmatch(r"[A-Za-z0-9_]+", stage):
            raise DatabendError(1005, "unsupported stage name %r" % stage)
        # must exist (the engine says so) and is assumed internal
        self._run(self.helper, "DESC STAGE " + stage)
        return os.path.join(self.storage_root, "stage", "internal", stage)

    def stage_path(self, stage, relpath):
        parts = [p for p in relpath.replace("\\", "/").split("/") if p not in ("", ".")]
        if any(p == ".." for p in parts):
            raise DatabendError(1005, "invalid stage path %r" % relpath)
        base = self._stage_dir(stage)
        return os.path.join(base, *parts) if parts else base

    def _query(self, body, host):
        sess = None
        try:
            sess = self._session(body.get("session"))
            return sess, self._statement(sess, body, host), None
        except DatabendError as e:
            return sess, EMPTY, e

    def _statement(self, sess, body, host):
        sql = body.get("sql") or ""
        attach = body.get("stage_attachment")
        word = first_word(sql)
        if attach:
            result = self._attachment(sess, sql, attach)
        elif word == "presign":
            result = self._presign(sql, host)
        else:
            result = self._execute(sess.ctx, sql)
            if word in ("begin",) or (word == "start" and "transaction" in sql.lower()):
                sess.txn_state = "Active"
            elif word in ("commit", "rollback", "abort"):
                sess.txn_state = "AutoCommit"
            elif word == "use":
                table = self._run(sess.ctx, "SELECT currentDatabase()")
                sess.database = table.column(0)[0].as_py()
                result.affect = {"type": "UseDB", "name": sess.database}
        return result

    def _presign(self, sql, host):
        m = re.match(r"(?is)^\s*presign\s+(?:(upload|download)\s+)?@([^/\s]+)/?(\S*)", sql)
        if not m:
            raise DatabendError(1005, "unsupported PRESIGN statement: %s" % sql)
        method = "PUT" if (m.group(1) or "").lower() == "upload" else "GET"
        stage, path = m.group(2), m.group(3).strip("'\"")
        self.stage_path(stage, path)  # validates
        url = "http://%s%s%s/%s" % (host, UPLOAD_PREFIX, quote(stage, safe=""), quote(path))
        import pyarrow as pa
        table = pa.table({"method": [method], "headers": ["{}"], "url": [url]})
        enc = make_encoder("String")
        return Result(["method", "headers", "url"], ["String", "Variant", "String"], table, [enc, enc, enc])

    def _attachment(self, sess, sql, attach):
        stmt = AttachmentSql(sql)
        location = attach.get("location") or ""
        m = re.match(r"^@([^/]+)/?(.*)$", location)
        if not m:
            raise DatabendError(1005, "unsupported stage attachment location %r" % location)
        stage, path = m.group(1), m.group(2)
        self.stage_path(stage, path)
        directory, _, filename = path.rpartition("/")
        src = "@%s/%s" % (stage, directory + "/" if directory else "")
        opts = {str(k).lower(): str(v) for k, v in (attach.get("file_format_options") or {}).items()}
        opts.setdefault("type", "CSV")
        if opts["type"].upper() == "CSV" and opts.get("empty_field_as", "null").lower() == "null":
            opts["empty_field_as"] = "FIELD_DEFAULT"
        file_format = " ".join("%s = %s" % (k, _format_option(k, v)) for k, v in opts.items())
        copy_from = "FROM %s FILES = (%s) FILE_FORMAT = (%s) FORCE = TRUE" % (src, sql_string(filename), file_format)

        if stmt.columns is not None and len(stmt.columns) != len(stmt.items):
            raise DatabendError(1006, "need %d fields in values, got only %d"
                                % (len(stmt.columns), len(stmt.items)))
        placeholders = [it.strip() == "?" for it in stmt.items]
        if stmt.verb == "insert" and not stmt.overwrite and all(placeholders):
            cols = "(%s)" % ", ".join(stmt.columns) if stmt.columns is not None else ""
            res = self._execute(sess.ctx, "COPY INTO %s%s %s" % (stmt.table, cols, copy_from))
            return Result([], [], None, [], rows_hint=res.rows_hint)

        # REPLACE (or INSERT with constants): load the file with the engine's COPY into a scratch
        # table shaped like the target, then let the engine run the statement from it.
        if len(stmt.table_parts) == 1:
            db_sql, target = quote_ident(sess.database), "%s.%s" % (quote_ident(sess.database), stmt.table)
        else:
            db_sql, target = stmt.table_parts[-2], stmt.table
        scratch = "%s.%s" % (db_sql, quote_ident("_bendpy_attach_" + uuid.uuid4().hex))
        columns = stmt.columns
        if columns is None:
            desc = self._run(self.helper, "DESC " + target)
            columns = [quote_ident(n) for n in desc.column(0).to_pylist()]
            if len(columns) != len(stmt.items):
                raise DatabendError(1006, "need %d fields in values, got only %d" % (len(columns), len(stmt.items)))
        loaded = [c for c, ph in zip(columns, placeholders) if ph]
        select = ", ".join(c if ph else it for c, ph, it in zip(columns, placeholders, stmt.items))
        self._run(self.helper, "CREATE TABLE %s LIKE %s" % (scratch, target))
        try:
            res = self._execute(self.helper, "COPY INTO %s(%s) %s" % (scratch, ", ".join(loaded), copy_from))
            head = "%s %s %s" % ("INSERT OVERWRITE" if stmt.overwrite else stmt.verb.upper(),
                                 "" if stmt.overwrite else "INTO", stmt.table)
            col_list = "(%s)" % ", ".join(stmt.columns) if stmt.columns is not None else ""
            self._execute(sess.ctx, "%s%s %s SELECT %s FROM %s" % (head, col_list, stmt.on_clause, select, scratch))
        finally:
            try:
                self._run(self.helper, "DROP TABLE IF EXISTS %s ALL" % scratch)
            except DatabendError as e:
                LOG.warning("could not drop scratch table %s: %s", scratch, e.message)
        return Result([], [], None, [], rows_hint=res.rows_hint)

    # -- callable from HTTP threads --------------------------------------------------------------
    def query(self, body, host):
        return self.pool.submit(self._query, body, host).result()

    def resolve_stage_path(self, stage, path):
        return self.pool.submit(self.stage_path, stage, path).result()

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------

class Query:
    def __init__(self, qid, result, session_json, page_size, error=None, started=None):
        self.qid = qid
        self.result = result
        self.session_json = session_json
        self.page_size = max(1, page_size)
        self.error = error
        self.created = time.time()
        self.start = started or time.time()
        self.elapsed_ms = round(1000 * (time.time() - self.start), 3)
        self.pages = 1 if error else max(1, -(-result.num_rows // self.page_size))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr, engine):
        super().__init__(addr, Handler)
        self.engine = engine
        self.queries = {}
        self.lock = threading.Lock()
        self.node_id = uuid.uuid4().hex[:12]


def _uri(qid, what):
    return "/v1/query/%s%s" % (qid, what)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bendpy-http"

    def setup(self):
        super().setup()
        # headers and body go out in separate writes; without NODELAY the client's delayed ACK
        # adds ~40 ms to every reply
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # http.server access log -> our own
        pass

    # -- plumbing -----------------------------------------------------------------------------
    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            return self.rfile.read(length)
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        return b""

    def _send(self, status, obj):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self._status = status

    def _error(self, status, code, message):
        self._send(status, {"error": {"code": code, "message": message}})

    def _dispatch(self, method):
        t0 = time.time()
        self._status = 0
        self._note = ""
        path = urlsplit(self.path).path
        try:
            if method == "POST" and path == "/v1/query":
                self._post_query()
            elif path.startswith("/v1/query/"):
                self._query_route(method, path[len("/v1/query/"):])
            elif method == "PUT" and path == "/v1/upload_to_stage":
                self._upload_to_stage()
            elif path.startswith(UPLOAD_PREFIX) and method in ("PUT", "GET"):
                self._presigned(method, path[len(UPLOAD_PREFIX):])
            elif method == "GET" and path in ("/health", "/v1/health"):
                self._send(200, {"status": "ok"})
            else:
                self._error(404, 404, "not found: %s %s" % (method, path))
        except DatabendError as e:
            self._error(400, e.code, e.message)
        except (BrokenPipeError, ConnectionResetError):
            self._note += " (client went away)"
            self.close_connection = True
        except Exception as e:  # noqa: keep serving
            LOG.exception("internal error on %s %s", method, path)
            if not self._status:
                self._error(500, 500, "internal error: %s" % e)
        LOG.info("%s %s -> %s %.1fms%s", method, path, self._status, 1000 * (time.time() - t0), self._note)

    def do_POST(self):
        self._dispatch("POST")

    def do_GET(self):
        self._dispatch("GET")

    def do_PUT(self):
        self._dispatch("PUT")

    # -- queries ------------------------------------------------------------------------------
    def _post_query(self):
        started = time.time()
        try:
            body = json.loads(self._body() or b"{}")
        except ValueError as e:
            return self._error(400, 400, "invalid JSON body: %s" % e)
        sql = body.get("sql") or ""
        self._note = " sql=%r" % (sql[:200] + ("..." if len(sql) > 200 else ""))
        qid = self.headers.get("X-DATABEND-QUERY-ID") or uuid.uuid4().hex
        page_size = int(((body.get("pagination") or {}).get("max_rows_per_page")) or 10000)
        req_session = body.get("session") or {}
        host = self.headers.get("Host") or "%s:%s" % self.server.server_address[:2]
        sess, result, error = self.server.engine.query(body, host)
        if error is not None:
            self._note += " error=%d" % error.code
        if sess is not None:
            session_json = dict(req_session)
            session_json.update({"database": sess.database, "settings": req_session.get("settings") or {},
                                 "txn_state": sess.txn_state, "need_sticky": False,
                                 "need_keep_alive": False, SESSION_KEY: sess.sid})
        else:
            session_json = req_session or None
        q = Query(qid, result, session_json, page_size, error, started)
        with self.server.lock:
            self._expire()
            self.server.queries[qid] = q
        self._send(200, self._page_json(q, 0))

    def _expire(self):
        now = time.time()
        for qid in [k for k, v in self.server.queries.items() if now - v.created > QUERY_TTL_SECS]:
            del self.server.queries[qid]

    def _page_json(self, q, n):
        r = q.result
        data = [] if q.error else r.page(n * q.page_size, q.page_size)
        last = n + 1 >= q.pages
        rows = r.rows_hint if r.rows_hint is not None else r.num_rows
        progress = {"rows": rows, "bytes": 0}
        zero = {"rows": 0, "bytes": 0}
        return {
            "id": q.qid,
            "session_id": "",
            "node_id": self.server.node_id,
            "state": "Failed" if q.error else "Succeeded",
            "session": q.session_json,
            "error": {"code": q.error.code, "message": q.error.message} if q.error else None,
            "warnings": [],
            "has_result_set": bool(r.names),
            "schema": r.schema_json(),
            "data": data,
            "affect": r.affect,
            "result_timeout_secs": 60,
            "stats": {
                "scan_progress": progress,
                "write_progress": progress if r.rows_hint is not None else zero,
                "result_progress": {"rows": r.num_rows, "bytes": 0},
                "total_scan": progress,
                "spill_progress": {"file_nums": 0, "bytes": 0},
                "running_time_ms": q.elapsed_ms,
            },
            "stats_uri": _uri(q.qid, ""),
            "final_uri": _uri(q.qid, "/final"),
            "next_uri": _uri(q.qid, "/final") if last else _uri(q.qid, "/page/%d" % (n + 1)),
            "kill_uri": _uri(q.qid, "/kill"),
        }

    def _query_route(self, method, rest):
        self._body()
        parts = rest.split("/")
        qid = parts[0]
        with self.server.lock:
            q = self.server.queries.get(qid)
            if q is not None and len(parts) == 2 and parts[1] in ("final", "kill"):
                del self.server.queries[qid]
        if q is None:
            return self._error(404, 404, "query id %s not found or closed" % qid)
        if len(parts) == 2 and parts[1] in ("final", "kill"):
            reply = self._page_json(q, q.pages)
            reply.update({"data": [], "next_uri": None, "session": None, "affect": None,
                          "state": "Failed" if q.error else "Succeeded"})
            return self._send(200, reply)
        if len(parts) == 1:
            return self._send(200, self._page_json(q, 0))
        if len(parts) == 3 and parts[1] == "page" and parts[2].isdigit() and int(parts[2]) < q.pages:
            return self._send(200, self._page_json(q, int(parts[2])))
        return self._error(404, 404, "bad page request for query %s" % qid)

    # -- stage files --------------------------------------------------------------------------
    def _write_file(self, target, data):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = target + ".part-" + uuid.uuid4().hex
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, target)

    def _upload_to_stage(self):
        stage = self.headers.get("x-databend-stage-name") or self.headers.get("stage_name") or "~"
        rel = self.headers.get("x-databend-relative-path") or self.headers.get("relative_path") or ""
        body = self._body()
        ctype = self.headers.get("Content-Type") or ""
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + body)
        if not msg.is_multipart():
            return self._error(400, 400, "upload_to_stage expects multipart/form-data")
        files = []
        for part in msg.iter_parts():
            name = part.get_filename()
            if not name:
                continue
            target = self.server.engine.resolve_stage_path(stage, "%s/%s" % (rel, name))
            self._write_file(target, part.get_payload(decode=True) or b"")
            files.append(name)
        self._note = " stage=%s path=%s files=%d" % (stage, rel, len(files))
        self._send(200, {"id": uuid.uuid4().hex, "stage_name": stage, "state": "SUCCESS", "files": files})

    def _presigned(self, method, rest):
        stage, _, path = rest.partition("/")
        target = self.server.engine.resolve_stage_path(unquote(stage), unquote(path))
        if method == "PUT":
            self._write_file(target, self._body())
            self._note = " stage=%s path=%s" % (unquote(stage), unquote(path))
            return self._send(200, {"state": "SUCCESS"})
        if not os.path.isfile(target):
            return self._error(404, 404, "no such stage file")
        with open(target, "rb") as f:
            data = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self._status = 200


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--log-level", default="INFO")
    args = ap.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The engine reports telemetry at init; on a closed network make that fail at once.
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        os.environ.setdefault(var, "http://127.0.0.1:9")
    engine = Engine(args.data_dir)
    httpd = Server((args.host, args.port), engine)

    def stop(signum, _frame):
        LOG.info("signal %d: shutting down", signum)
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    LOG.info("listening on http://%s:%d", args.host, args.port)
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        httpd.server_close()
        engine.close()
        LOG.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
