#!/usr/bin/env python3
"""Robustness fuzzer for bigclient's scenario reader and simulation.

Takes every shipped scenario (scenarios/**/*.json5), produces mutated files (tree-level
mutations of a minimal JSON5 parse, and text/byte-level mutations), and runs the built binary
on each one:

    bigclient check FILE
    bigclient run FILE --replications 2 --horizon-days 30 --warmup-days 5 --jobs 1 --quiet --out TMP \
        --confirm-above TIMEOUT/2

(the "huge" family runs with the scenario's own horizon, to catch runaway simulations).

Asserts, for every process: it ends within --timeout seconds; it is not killed by a signal
(negative return code, or 128+n); its exit status is 0 or 65 (66 never: every file exists and is
readable; 64 from `run` only when our --horizon-days/--warmup-days override conflicts with the
file's own decisionDay/warmupDays, which is the documented usage error, or when a huge run is
refused with its work estimate until --yes confirms it: runs are given --confirm-above half the
time limit, so a timeout means the estimate was more than 2x too low); check and run agree
(except when check refuses only the `sweep` section, which run does not read);
on 65 stderr names the file and locates the problem (a field path, or line and column, or a
whole-file problem such as an empty file); on 0 `run` wrote replications.csv.

Deterministic: the same --seed and --count give the same files, whatever --jobs.
Python 3 standard library only.

    python3 fuzz/fuzz_scenarios.py                       # 10,000 cases, seed 20261127, 2 jobs
    python3 fuzz/fuzz_scenarios.py --count 300 --binary .build/release/bigclient   # CI
    python3 fuzz/fuzz_scenarios.py --probe-slow          # time each size field at its cap
    python3 fuzz/fuzz_scenarios.py --write-case 42       # write case 42's file, to look at it

Exit status: 0 when every assertion held, 1 when any failed, 2 on a usage or setup problem.
"""

from __future__ import annotations

import argparse
import collections
import copy
import fcntl
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEED = 20261127
DEFAULT_COUNT = 10000
DEFAULT_TIMEOUT = 20.0

# --------------------------------------------------------------------------------------------
# A minimal JSON5 model: objects keep their pairs in order and may hold a key twice.
# --------------------------------------------------------------------------------------------


class Obj:
    """A JSON5 object as an ordered list of [key, value] pairs (duplicates representable)."""

    __slots__ = ("items",)

    def __init__(self, items=None):
        self.items = items if items is not None else []

    def keys(self):
        return [k for k, _ in self.items]

    def get(self, key, default=None):
        for k, v in self.items:
            if k == key:
                return v
        return default

    def set(self, key, value):
        for pair in self.items:
            if pair[0] == key:
                pair[1] = value
                return
        self.items.append([key, value])

    def __deepcopy__(self, memo):
        return Obj([[k, copy.deepcopy(v, memo)] for k, v in self.items])


class Raw:
    """Text emitted verbatim (numbers Python cannot hold, deep nesting, odd literals)."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __deepcopy__(self, memo):
        return self


class JSON5Error(ValueError):
    pass


_IDENT_START = re.compile(r"[A-Za-z_$]|[^\x00-\x7f]")
_IDENT_PART = re.compile(r"[A-Za-z0-9_$]|[^\x00-\x7f]")
_NUMBER = re.compile(
    r"[+-]?(?:Infinity|NaN|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


class JSON5Parser:
    """Enough JSON5 for the shipped scenarios: comments, unquoted keys, both quotes, trailing
    commas, hexadecimal, Infinity/NaN, leading or trailing points, explicit +."""

    def __init__(self, text):
        self.s = text
        self.i = 0

    def parse(self):
        if self.s.startswith("\ufeff"):
            self.i = 1
        self.ws()
        value = self.value()
        self.ws()
        if self.i != len(self.s):
            raise JSON5Error(f"trailing text at {self.i}")
        return value

    def ws(self):
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if c in " \t\r\n\v\f\u00a0\u2028\u2029\ufeff":
                self.i += 1
            elif s.startswith("//", self.i):
                end = s.find("\n", self.i)
                self.i = len(s) if end < 0 else end
            elif s.startswith("/*", self.i):
                end = s.find("*/", self.i + 2)
                if end < 0:
                    raise JSON5Error("unterminated comment")
                self.i = end + 2
            else:
                return

    def value(self):
        s = self.s
        if self.i >= len(s):
            raise JSON5Error("unexpected end")
        c = s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c in "\"'":
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if s.startswith(word, self.i):
                self.i += len(word)
                return val
        m = _NUMBER.match(s, self.i)
        if m:
            self.i = m.end()
            return _number(m.group(0))
        raise JSON5Error(f"unexpected {c!r} at {self.i}")

    def obj(self):
        self.i += 1
        out = Obj()
        while True:
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return out
            if self.s[self.i] in "\"'":
                key = self.string()
            else:
                start = self.i
                if not _IDENT_START.match(self.s, self.i):
                    raise JSON5Error(f"bad key at {self.i}")
                while self.i < len(self.s) and _IDENT_PART.match(self.s, self.i):
                    self.i += 1
                key = self.s[start:self.i]
            self.ws()
            if self.s[self.i] != ":":
                raise JSON5Error(f"expected ':' at {self.i}")
            self.i += 1
            self.ws()
            out.items.append([key, self.value()])
            self.ws()
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "}":
                raise JSON5Error(f"expected ',' or '}}' at {self.i}")

    def arr(self):
        self.i += 1
        out = []
        while True:
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return out
            out.append(self.value())
            self.ws()
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "]":
                raise JSON5Error(f"expected ',' or ']' at {self.i}")

    _ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0",
                "/": "/", "\\": "\\", "'": "'", '"': '"', "\n": ""}

    def string(self):
        quote = self.s[self.i]
        self.i += 1
        out = []
        while True:
            c = self.s[self.i]
            if c == quote:
                self.i += 1
                return "".join(out)
            if c == "\\":
                n = self.s[self.i + 1]
                if n == "u":
                    out.append(chr(int(self.s[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                out.append(self._ESCAPES.get(n, n))
                self.i += 2
                continue
            out.append(c)
            self.i += 1


def _number(text):
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    if body == "Infinity":
        return sign * math.inf
    if body == "NaN":
        return math.nan
    if body[:2] in ("0x", "0X"):
        return sign * int(body, 16)
    if re.fullmatch(r"\d+", body):
        return sign * int(body)
    return float(text)


def parse_json5(text):
    return JSON5Parser(text).parse()


_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")


def dump_json5(value, indent=0):
    """JSON5 text: unquoted keys where possible, one field per line (so line numbers mean
    something), NaN/Infinity as JSON5 writes them, Raw verbatim."""
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, Raw):
        return value.text
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (list, Obj)) for v in value) and len(value) <= 20:
            return "[" + ", ".join(dump_json5(v) for v in value) + "]"
        return "[\n" + "".join(inner + dump_json5(v, indent + 1) + ",\n" for v in value) + pad + "]"
    if isinstance(value, Obj):
        if not value.items:
            return "{}"
        lines = []
        for k, v in value.items:
            key = k if _PLAIN_KEY.match(k) else json.dumps(k, ensure_ascii=False)
            lines.append(inner + key + ": " + dump_json5(v, indent + 1) + ",\n")
        return "{\n" + "".join(lines) + pad + "}"
    raise TypeError(type(value))


# --------------------------------------------------------------------------------------------
# Walking the tree: every value with its path (a list of keys and indices) and its parent.
# --------------------------------------------------------------------------------------------


def walk(value, path=()):
    """Yields (path, value) for every value below (and including) the root."""
    yield path, value
    if isinstance(value, Obj):
        for index, (k, v) in enumerate(value.items):
            yield from walk(v, path + ((index, k),))
    elif isinstance(value, list):
        for index, v in enumerate(value):
            yield from walk(v, path + (index,))


def path_text(path):
    out = ""
    for step in path:
        if isinstance(step, tuple):
            out += ("." if out else "") + str(step[1])
        else:
            out += f"[{step}]"
    return out or "(root)"


def get_at(root, path):
    value = root
    for step in path:
        value = value.items[step[0]][1] if isinstance(step, tuple) else value[step]
    return value


def set_at(root, path, new):
    if not path:
        return new
    parent = get_at(root, path[:-1])
    step = path[-1]
    if isinstance(step, tuple):
        parent.items[step[0]][1] = new
    else:
        parent[step] = new
    return root


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def leaves(root):
    return [(p, v) for p, v in walk(root) if p and not isinstance(v, (Obj, list))]


def containers(root):
    return [(p, v) for p, v in walk(root) if isinstance(v, (Obj, list))]


def objects(root):
    return [(p, v) for p, v in walk(root) if isinstance(v, Obj)]


# --------------------------------------------------------------------------------------------
# Mutations. Each takes (rng, tree or text) and returns (bytes, description, run_mode).
# run_mode is "short" (run with --horizon-days 30) or "own" (the file's own horizon).
# --------------------------------------------------------------------------------------------

TWO_63 = 2 ** 63
NUMERIC_EXTREMES = [
    -1, 0, -0.0, 1, -1e-9, 1e-320, 5e-324, 0.5, 1.5, 1e308, -1e308, 1.7976931348623157e308,
    1e30, -1e30, TWO_63, TWO_63 - 1, -TWO_63, TWO_63 + 1, 2 ** 64, 2 ** 53 + 1, 9e15, 1e16,
    math.nan, math.inf, -math.inf, Raw("1e400"), Raw("-1e400"), Raw("1e-400"), Raw("0x7FFFFFFFFFFFFFFF"),
    Raw("0xFFFFFFFFFFFFFFFFFFFF"), Raw("+Infinity"), Raw("-NaN"), Raw(".5"), Raw("5."), Raw("+1"),
    Raw("00"), Raw("01"), Raw("1e"), Raw("--1"), Raw("1_000"), Raw("0b101"), Raw("1" * 400),
    Raw("0." + "0" * 400 + "1"), Raw("-0"), Raw("0e5"), Raw("0e999999999"), Raw("1e-999999999"),
    # The doubles next to the bounds of (0, 1) and of the caps: where rounding bites.
    0.9999999999999999, 1 - 2 ** -52, 1.0000000000000002, 2.220446049250313e-16, 1e-300,
    36499.999999999996, 36500.00000000001, 0.30000000000000004,
]
# Plausible extremes: values that are often valid somewhere, to push the simulation to its edges.
BOUNDARY_VALUES = [0, 1e-9, 1e-6, 0.001, 0.999999, 1, 1.0000001, 2, 7, 23.99, 24, 24.000001, 48, 100,
                   167.9, 168, 365, 366, 1000, 10000, 10001, 36500, 36501, 100000, 100001, 1e6, 1e7,
                   1e12, 0.5, 0.25, 0.9999999999999999, 1e-300, 0.30000000000000004]
UNKNOWN_KEYS = ["technicans", "horizonDay", "Count", "count ", "__proto__", "constructor", "", " ",
                "x" * 300, "clé", "日本語", "a.b", "a[0]", "$ref", "null", "true", "1", "-",
                "emoji😀", "tab\tkey", "newline\nkey", "nul\u0000key", "\u202eevil"]
LONG_STRING_LENGTHS = [101, 1000, 65, 100000, 1000000]
DEEP_LEVELS = [129, 130, 512, 513, 1000, 10000, 100000]
BYTE_SNIPPETS = [b"\xff", b"\xfe", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82",
                 b"\x80", b"\xc3", b"\x00", b"\xf8\x88\x80\x80\x80", b"\xef\xbf\xbe", b"\x1b[31m"]
BOMS = [b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff",
        b"\xff\xfe\x00\x00", b"\x2b\x2f\x76\x38"]
WEIRD_WHITESPACE = ["\u00a0", "\u2028", "\u2029", "\u3000", "\u200b", "\ufeff", "\x0b", "\x0c", "\x00",
                    "\x1c", "\r", "\u0085"]


def random_scalar(rng, not_type=None):
    choices = [
        ("string", lambda: rng.choice(["", "x", "12", "true", " 7 ", "NaN", "lognormal", "indulge",
                                       "regular", "key", "shifts", "∞", "1e308", "null"])),
        ("bool", lambda: rng.choice([True, False])),
        ("null", lambda: None),
        ("number", lambda: rng.choice([0, 1, -1, 12, 0.5, 1e308, math.nan, math.inf, TWO_63])),
        ("array", lambda: rng.choice([[], [1], [1, 2, 3], ["a"], [None], [[]], [Obj()]])),
        ("object", lambda: rng.choice([Obj(), Obj([["type", "constant"], ["value", 1]]), Obj([["a", 1]])])),
    ]
    choices = [c for c in choices if c[0] != not_type]
    name, make = rng.choice(choices)
    return name, make()


def type_name(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if is_number(v):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, Obj):
        return "object"
    return "raw"


def m_delete_key(rng, tree):
    objs = [(p, o) for p, o in objects(tree) if o.items]
    if not objs:
        return None
    # Sometimes delete several keys at once (one per object chosen).
    count = rng.choice([1, 1, 1, 2, 3, 5])
    done = []
    for _ in range(count):
        objs = [(p, o) for p, o in objects(tree) if o.items]
        if not objs:
            break
        p, o = rng.choice(objs)
        k = rng.randrange(len(o.items))
        done.append(path_text(p + ((k, o.items[k][0]),)))
        del o.items[k]
    return tree, "delete " + ", ".join(done)


def m_duplicate_key(rng, tree):
    objs = [(p, o) for p, o in objects(tree) if o.items]
    p, o = rng.choice(objs)
    k = rng.randrange(len(o.items))
    key, value = o.items[k]
    how = rng.choice(["same", "other", "adjacent"])
    if how == "same":
        o.items.append([key, copy.deepcopy(value)])
    elif how == "other":
        o.items.append([key, random_scalar(rng)[1]])
    else:
        o.items.insert(k + 1, [key, copy.deepcopy(value)])
    return tree, f"duplicate key {path_text(p + ((k, key),))} ({how})"


def m_wrong_type(rng, tree):
    nodes = [(p, v) for p, v in walk(tree) if p]
    p, v = rng.choice(nodes)
    name, new = random_scalar(rng, not_type=type_name(v))
    if is_number(v) and rng.random() < 0.4:
        new = rng.choice([str(v), json.dumps(v) if not isinstance(v, float) or math.isfinite(v) else "1",
                          [v], Obj([["value", v]])])
        name = type_name(new)
    return set_at(tree, p, new), f"wrong type at {path_text(p)}: {type_name(v)} -> {name}"


def m_numeric_extreme(rng, tree):
    nums = [(p, v) for p, v in leaves(tree) if is_number(v)]
    p, v = rng.choice(nums)
    new = rng.choice(NUMERIC_EXTREMES)
    shown = new.text if isinstance(new, Raw) else repr(new)
    return set_at(tree, p, new), f"number at {path_text(p)}: {v!r} -> {shown[:40]}"


def m_boundary(rng, tree):
    nums = [(p, v) for p, v in leaves(tree) if is_number(v)]
    changed = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        p, v = rng.choice(nums)
        new = rng.choice(BOUNDARY_VALUES)
        set_at(tree, p, new)
        changed.append(f"{path_text(p)}: {v!r} -> {new!r}")
    return tree, "boundary " + "; ".join(changed)


def m_empty_container(rng, tree):
    nodes = [(p, v) for p, v in walk(tree) if p]
    conts = [(p, v) for p, v in nodes if isinstance(v, (Obj, list))]
    if conts and rng.random() < 0.7:
        p, v = rng.choice(conts)
    else:
        p, v = rng.choice(nodes)
    new = rng.choice([Obj(), []])
    return set_at(tree, p, new), f"empty {type_name(new)} at {path_text(p)} (was {type_name(v)})"


def m_deep_nesting(rng, tree):
    levels = rng.choice(DEEP_LEVELS)
    kind = rng.choice(["array", "object", "mixed"])
    if kind == "array":
        inner = "[" * levels + "1" + "]" * levels
    elif kind == "object":
        inner = "{a:" * levels + "1" + "}" * levels
    else:
        inner = "[{a:" * (levels // 2) + "1" + "}]" * (levels // 2)
    where = rng.random()
    if where < 0.2:
        return Raw(inner), f"whole file = {levels} nested {kind}s"
    nodes = [(p, v) for p, v in walk(tree) if p]
    p, v = rng.choice(nodes)
    return set_at(tree, p, Raw(inner)), f"{levels} nested {kind}s at {path_text(p)}"


def m_long_string(rng, tree):
    length = rng.choice(LONG_STRING_LENGTHS)
    alphabet = rng.choice(["a", "é", "😀", "-", "\u0301", "a.b", "\\", "\"", "\u202e", "\u0000", "\n"])
    text = (alphabet * (length // len(alphabet) + 1))[:length]
    strs = [(p, v) for p, v in leaves(tree) if isinstance(v, str)]
    target = rng.random()
    if strs and target < 0.5:
        p, v = rng.choice(strs)
        return set_at(tree, p, text), f"string of {length} x {alphabet!r} at {path_text(p)}"
    # A long key: in an object, or as a client group / policy name.
    objs = [(p, o) for p, o in objects(tree) if o.items]
    p, o = rng.choice(objs)
    k = rng.randrange(len(o.items))
    old = o.items[k][0]
    o.items[k][0] = text
    return tree, f"key {path_text(p + ((k, old),))} renamed to {length} x {alphabet!r}"


def m_unknown_key(rng, tree):
    objs = objects(tree)
    p, o = rng.choice(objs)
    if o.items and rng.random() < 0.5:
        # A typo of a present key: drop, double or swap a letter, change case.
        k = rng.randrange(len(o.items))
        key = o.items[k][0]
        if len(key) > 1:
            i = rng.randrange(len(key))
            variants = [key[:i] + key[i + 1:], key[:i] + key[i] + key[i:], key.upper(), key.lower(),
                        key + "s", " " + key, key[:i] + key[i + 1:i + 2] + key[i:i + 1] + key[i + 2:]]
            new = rng.choice([x for x in variants if x != key] or [key + "x"])
        else:
            new = key + "x"
        o.items[k][0] = new
        return tree, f"key {path_text(p + ((k, key),))} misspelt as {new!r}"
    key = rng.choice(UNKNOWN_KEYS)
    o.items.insert(rng.randrange(len(o.items) + 1), [key, random_scalar(rng)[1]])
    return tree, f"unknown key {key[:30]!r} in {path_text(p)}"


def m_swap_values(rng, tree):
    nodes = [(p, v) for p, v in walk(tree) if p]
    (p1, v1), (p2, v2) = rng.sample(nodes, 2)
    # Swapping a node with one of its own descendants would nest it into itself.
    if p1 == p2[:len(p1)] or p2 == p1[:len(p2)]:
        new = copy.deepcopy(v2)
        set_at(tree, p1, new)
        return tree, f"copy value of {path_text(p2)} to {path_text(p1)}"
    a, b = copy.deepcopy(v1), copy.deepcopy(v2)
    set_at(tree, p1, b)
    set_at(tree, p2, a)
    return tree, f"swap values of {path_text(p1)} and {path_text(p2)}"


def m_array_elements(rng, tree):
    arrays = [(p, v) for p, v in walk(tree) if p and isinstance(v, list)]
    if not arrays:
        return m_empty_container(rng, tree)
    p, a = rng.choice(arrays)
    how = rng.choice(["dup", "many", "drop", "reverse", "extreme", "add"])
    if how == "dup" and a:
        a.append(copy.deepcopy(rng.choice(a)))
    elif how == "many":
        n = rng.choice([1000, 10000, 100000])
        a[:] = [copy.deepcopy(a[i % len(a)]) if a else i for i in range(n)]
    elif how == "drop" and a:
        del a[rng.randrange(len(a))]
    elif how == "reverse":
        a.reverse()
    elif how == "extreme":
        a.append(rng.choice([-1, 0, 7, 365, 366, 1e308, math.nan, 0.5, None, "1", [], Obj()]))
    else:
        a.insert(rng.randrange(len(a) + 1), random_scalar(rng)[1])
    return tree, f"array {path_text(p)}: {how}"


DISTRIBUTIONS = [
    lambda r: Obj([["type", "constant"], ["value", r.choice([0, 1e-12, 1e12, 1e300, 1e308])]]),
    lambda r: r.choice([0, 1e-300, 1e9, 1e12, 1e15, 1e300]),
    lambda r: Obj([["type", "uniform"], ["min", 0], ["max", r.choice([0, 1e-9, 1e12, 1e308])]]),
    lambda r: Obj([["type", "uniform"], ["min", -1e308], ["max", 1e308]]),
    lambda r: Obj([["type", "triangular"], ["min", 0], ["mode", 0], ["max", r.choice([0, 1e300])]]),
    lambda r: Obj([["type", "exponential"], ["mean", r.choice([1e-300, 5e-324, 1e300])]]),
    lambda r: Obj([["type", "normal"], ["mean", r.choice([0, -1e300, 1e300])], ["sd", r.choice([0, 1e-300, 1e300])],
                   ["truncatedAtZero", True]]),
    lambda r: Obj([["type", "normal"], ["mean", -29.9], ["sd", 1], ["truncatedAtZero", True]]),
    lambda r: Obj([["type", "lognormal"], ["mean", r.choice([1e-300, 5e-324, 1e300, 1e308])],
                   ["sd", r.choice([0, 1e-300, 1e150, 1e308])]]),
    lambda r: Obj([["type", "gamma"], ["mean", r.choice([1e-300, 1, 1e300])], ["sd", r.choice([1e-300, 1e-5, 1e150])]]),
    lambda r: Obj([["type", "erlang"], ["mean", r.choice([1e-300, 1, 1e300])], ["shape", r.choice([1, 1000, 1001])]]),
    lambda r: Obj([["type", "empirical"], ["values", r.choice([[], [0], [1e308], [1, 2]])],
                   ["weights", r.choice([[], [0], [1], [1e308, 1e308], [5e-324]])]]),
    lambda r: Obj([["type", "empirical"], ["values", list(range(r.choice([1000, 100000])))]]),
    lambda r: Obj([["type", "bernoulli"], ["probability", r.choice([0, 1, 0.5, 1.0000001])]]),
    lambda r: Obj([["type", "poisson"], ["mean", r.choice([0, 30, 30.0001, 1e9, 1e15, 1e300])]]),
    lambda r: Obj([["type", "lognormal"], ["mean", 12]]),
    lambda r: Obj([["type", "Lognormal"], ["mean", 12], ["sd", 8]]),
    lambda r: Obj([["mean", 12], ["sd", 8]]),
]


def m_distribution(rng, tree):
    """Replace a distribution (an object with a 'type', or a duration/work field) by an extreme one."""
    targets = [(p, v) for p, v in walk(tree)
               if p and isinstance(p[-1], tuple) and p[-1][1] in ("workHours", "durationDays")]
    if not targets:
        return m_numeric_extreme(rng, tree)
    p, _ = rng.choice(targets)
    new = rng.choice(DISTRIBUTIONS)(rng)
    return set_at(tree, p, new), f"distribution at {path_text(p)}: {dump_json5(new).replace(chr(10), ' ')[:120]}"


def _ensure_obj(tree, key):
    sub = tree.get(key)
    if not isinstance(sub, Obj):
        sub = Obj()
        tree.set(key, sub)
    return sub


def m_huge(rng, tree):
    """Large-but-valid sizes, simulated with the file's own horizon: the runaway guard."""
    if not isinstance(tree, Obj):
        tree = Obj()
    changed = []
    sim = _ensure_obj(tree, "simulation")
    options = ["horizon", "techs", "clients", "orders", "tinywork", "backlog", "warmup"]
    picks = rng.sample(options, rng.choice([1, 2, 3, 4]))
    if "horizon" in picks:
        sim.set("horizonDays", 36500)
        changed.append("simulation.horizonDays 36500")
    if "warmup" in picks:
        h = sim.get("horizonDays", 730)
        sim.set("warmupDays", max(0, (h if is_number(h) else 730) - 1))
        changed.append("simulation.warmupDays horizon-1")
    if "backlog" in picks:
        limit = rng.choice([1000000, 1000000, 10000000])  # the cap, and past it
        sim.set("maxBacklogOrders", limit)
        changed.append(f"simulation.maxBacklogOrders {limit:.0e}")
    if "techs" in picks:
        _ensure_obj(tree, "technicians").set("count", rng.choice([1000, 10000]))
        changed.append("technicians.count big")
    clients = tree.get("clients")
    groups = [g for g in (clients.items if isinstance(clients, Obj) else []) if isinstance(g[1], Obj)]
    ordinary = [g for g in groups if g[1].get("isKeyClient") is not True]
    if ordinary and ("clients" in picks or "orders" in picks or "tinywork" in picks):
        name, group = rng.choice(ordinary)
        if "clients" in picks:
            group.set("count", rng.choice([10000, 100000]))
            changed.append(f"clients.{name}.count big")
        if "orders" in picks:
            group.set("ordersPerWeek", rng.choice([100, 10000]))
            changed.append(f"clients.{name}.ordersPerWeek big")
        if "tinywork" in picks:
            group.set("workHours", rng.choice([0, 1e-6]))
            changed.append(f"clients.{name}.workHours tiny")
    return tree, "huge: " + ", ".join(changed or ["nothing applicable"])


def m_clone_entries(rng, tree):
    """Many client groups or policies: copies of one under new names (the per-group caps hold,
    the totals are unchecked)."""
    if not isinstance(tree, Obj):
        return None
    section = rng.choice(["clients", "policies"])
    sub = tree.get(section)
    if not isinstance(sub, Obj) or not sub.items:
        return None
    candidates = [(k, v) for k, v in sub.items if isinstance(v, Obj) and v.get("isKeyClient") is not True]
    if not candidates:
        return None
    name, model = rng.choice(candidates)
    n = rng.choice([2, 3, 10, 100, 1000])
    for i in range(n):
        clone = copy.deepcopy(model)
        if section == "clients" and rng.random() < 0.5:
            clone.set("count", 100000)
        sub.items.append([f"{name}{i}", clone])
    return tree, f"{n} copies of {section}.{name}"


TREE_MUTATIONS = {
    "delete_key": m_delete_key,
    "duplicate_key": m_duplicate_key,
    "wrong_type": m_wrong_type,
    "numeric_extreme": m_numeric_extreme,
    "boundary": m_boundary,
    "empty_container": m_empty_container,
    "deep_nesting": m_deep_nesting,
    "long_string": m_long_string,
    "unknown_key": m_unknown_key,
    "swap_values": m_swap_values,
    "array_elements": m_array_elements,
    "distribution": m_distribution,
    "huge": m_huge,
    "clone_entries": m_clone_entries,
}


# Text- and byte-level mutations work on the original file text (with its comments).

def t_truncate(rng, data):
    cut = rng.randrange(len(data))
    return data[:cut], f"truncated at byte {cut} of {len(data)}"


def t_random_bytes(rng, data):
    n = rng.choice([0, 1, 2, 16, 256, 4096, 65536])
    return bytes(rng.randrange(256) for _ in range(n)), f"{n} random bytes"


def t_flip_bytes(rng, data):
    b = bytearray(data)
    n = rng.choice([1, 1, 2, 4, 16])
    for _ in range(n):
        i = rng.randrange(len(b))
        op = rng.random()
        if op < 0.4:
            b[i] = rng.randrange(256)
        elif op < 0.7:
            del b[i]
        else:
            b.insert(i, rng.randrange(256))
    return bytes(b), f"{n} random byte edits"


def t_structural_char(rng, data):
    """Delete, double or insert one of the JSON5 structure characters."""
    text = data.decode("utf-8")
    positions = [i for i, c in enumerate(text) if c in "{}[],:\"'"]
    i = rng.choice(positions)
    op = rng.choice(["delete", "double", "insert"])
    if op == "delete":
        text = text[:i] + text[i + 1:]
    elif op == "double":
        text = text[:i] + text[i] + text[i:]
    else:
        text = text[:i] + rng.choice("{}[],:\"'/*\\") + text[i:]
    return text.encode("utf-8"), f"{op} structure character at {i}"


def t_non_utf8(rng, data):
    how = rng.random()
    if how < 0.3:
        try:
            return data.decode("utf-8").encode("latin-1", errors="replace"), "re-encoded as Latin-1"
        except UnicodeEncodeError:
            pass
    snippet = rng.choice(BYTE_SNIPPETS)
    where = rng.choice(["start", "end", "middle"])
    i = {"start": 0, "end": len(data)}.get(where, rng.randrange(len(data)))
    return data[:i] + snippet + data[i:], f"bytes {snippet!r} inserted at {where} ({i})"


def t_bom(rng, data):
    bom = rng.choice(BOMS)
    how = rng.random()
    text = data.decode("utf-8")
    if bom == b"\xff\xfe" and how < 0.5:
        return bom + text.encode("utf-16-le"), "UTF-16 LE with BOM"
    if bom == b"\xfe\xff" and how < 0.5:
        return bom + text.encode("utf-16-be"), "UTF-16 BE with BOM"
    if how < 0.15:
        return text.encode("utf-16-le"), "UTF-16 LE without BOM"
    if how < 0.8:
        return bom + data, f"BOM {bom!r} at the start"
    i = rng.randrange(len(data))
    return data[:i] + bom + data[i:], f"BOM {bom!r} in the middle ({i})"


def t_whitespace(rng, data):
    text = data.decode("utf-8")
    how = rng.choice(["crlf", "cr", "weird", "weird", "tabs", "nocomments"])
    if how == "crlf":
        return text.replace("\n", "\r\n").encode(), "CRLF line ends"
    if how == "cr":
        return text.replace("\n", "\r").encode(), "CR line ends"
    if how == "tabs":
        return text.replace("  ", "\t").encode(), "tabs for indentation"
    if how == "nocomments":
        return re.sub(r"//[^\n]*", "", text).encode(), "comments stripped"
    ws = rng.choice(WEIRD_WHITESPACE)
    spaces = [i for i, c in enumerate(text) if c == " "]
    i = rng.choice(spaces)
    return (text[:i] + ws + text[i + 1:]).encode(), f"space at {i} replaced by U+{ord(ws):04X}"


def t_comments(rng, data):
    text = data.decode("utf-8")
    how = rng.choice(["unterminated", "nested", "slash", "huge"])
    if how == "unterminated":
        i = rng.randrange(len(text))
        return (text[:i] + "/* " + text[i:]).encode(), f"unterminated /* at {i}"
    if how == "nested":
        return ("/* a /* b */ c */\n" + text).encode(), "nested block comments"
    if how == "slash":
        lines = text.split("\n")
        i = rng.randrange(len(lines))
        lines[i] = lines[i].replace("//", "/", 1)
        return "\n".join(lines).encode(), f"comment on line {i + 1} with one slash"
    return ("// " + "x" * 5_000_000 + "\n" + text).encode(), "5 MB comment line"


def t_lines(rng, data):
    lines = data.decode("utf-8").split("\n")
    how = rng.choice(["delete", "duplicate", "swap", "shuffle"])
    if how == "delete":
        i = rng.randrange(len(lines))
        del lines[i]
        d = f"line {i + 1} deleted"
    elif how == "duplicate":
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
        d = f"line {i + 1} duplicated"
    elif how == "swap":
        i, j = rng.sample(range(len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
        d = f"lines {i + 1} and {j + 1} swapped"
    else:
        i = rng.randrange(len(lines))
        j = min(len(lines), i + rng.randrange(2, 12))
        chunk = lines[i:j]
        rng.shuffle(chunk)
        lines[i:j] = chunk
        d = f"lines {i + 1}-{j} shuffled"
    return "\n".join(lines).encode(), d


def t_whole_file(rng, data):
    text = rng.choice(["", " ", "\n\n", "// only a comment\n", "/* */", "null", "true", "1", "\"x\"", "[]",
                       "{}", "[{}]", "{}{}", "{,}", "{a:1,,}", "{\"\":1}", "{'a':1}", "{a:1}}", "{{}}",
                       "\ufeff", "\ufeff{}", "{\u0000}", "{ name: 'x' }", "{ name: \"x\\q\" }",
                       "{ name: \"\\ud800\" }", "{ name: \"\\u0000\" }", "{ name: \"\\x41\" }",
                       "{ simulation: { horizonDays: 1e400 } }", "{ simulation: { horizonDays: 0e5 } }",
                       "{ simulation: { horizonDays: -0 } }", "{ technicians: { count: 0x10 } }",
                       "{ technicians: { count: 1e1 } }", "{ technicians: { count: 10.0 } }",
                       " " * 1_000_000 + "{}", "{" + "a:1," * 0 + "}" + " " * 10,
                       "{ clients: { '': {} } }", "{ policies: { 'a b': {} } }",
                       "{ clients: { regular: null } }", "{ policies: { x: null } }"])
    return text.encode("utf-8"), f"whole file {text[:40]!r}"


TEXT_MUTATIONS = {
    "truncate": t_truncate,
    "random_bytes": t_random_bytes,
    "flip_bytes": t_flip_bytes,
    "structural_char": t_structural_char,
    "non_utf8": t_non_utf8,
    "bom": t_bom,
    "whitespace": t_whitespace,
    "comments": t_comments,
    "lines": t_lines,
    "whole_file": t_whole_file,
}

# Relative weights: tree mutations reach the validation and the simulation; text mutations the
# syntax layer. "huge" is rare because each case may take the whole time limit.
WEIGHTS = {
    "delete_key": 8, "duplicate_key": 5, "wrong_type": 10, "numeric_extreme": 12, "boundary": 12,
    "empty_container": 5, "deep_nesting": 3, "long_string": 4, "unknown_key": 5, "swap_values": 6,
    "array_elements": 4, "distribution": 8, "huge": 1, "clone_entries": 1,
    "truncate": 5, "random_bytes": 2, "flip_bytes": 4, "structural_char": 4, "non_utf8": 3, "bom": 2,
    "whitespace": 2, "comments": 2, "lines": 4, "whole_file": 2,
}
FAMILIES = list(WEIGHTS)


def _family_of(seed, index):
    rng = random.Random(f"{seed}:{index}")
    return rng.choices(FAMILIES, weights=[WEIGHTS[f] for f in FAMILIES])[0]


def make_case(seed, index, bases):
    """The mutated file number `index`: (family, base name, bytes, description, run mode)."""
    rng = random.Random(f"{seed}:{index}")
    family = rng.choices(FAMILIES, weights=[WEIGHTS[f] for f in FAMILIES])[0]
    base_name, base_text, base_tree = rng.choice(bases)
    run_mode = {"huge": "own", "boundary": "medium", "distribution": "medium"}.get(family, "short")
    if family in TREE_MUTATIONS:
        tree = copy.deepcopy(base_tree)
        result = TREE_MUTATIONS[family](rng, tree)
        if result is None:
            tree, description = m_wrong_type(rng, tree)
        else:
            tree, description = result
        data = (dump_json5(tree) + "\n").encode("utf-8", errors="surrogatepass")
    else:
        data, description = TEXT_MUTATIONS[family](rng, base_text.encode("utf-8"))
    return family, base_name, data, description, run_mode


def load_bases():
    files = sorted((REPO / "scenarios").rglob("*.json5"))
    bases = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        bases.append((str(f.relative_to(REPO)), text, parse_json5(text)))
    return bases


# --------------------------------------------------------------------------------------------
# Running the binary and judging the outcome.
# --------------------------------------------------------------------------------------------

# "error: FILE: line 3, column 7: ..." or "error: FILE: clients.key.count must ...".
_LOCATION = re.compile(r"line \d+, column \d+")
_FIELD = re.compile(
    r"(?:unknown field '[^']*'|(?:[^\s:]+(?:\.[^\s.:]+|\[\d+\])*|the top level) "
    r"(?:must|is required)|duplicate key)")
_WHOLE_FILE_OK = ("the file is empty",)


def run_process(argv, timeout, cwd):
    """Runs argv in its own process group; returns (status, stdout, stderr, seconds, max_rss_kb,
    timed_out). status is -N when killed by signal N (Python's convention)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                                start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the group we created for this one child
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, raw_status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(raw_status)  # so Popen does not reap again
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                seconds, usage.ru_maxrss, timed_out.is_set())


def judge(command, file_name, result, timeout, out_dir=None):
    """(problems, notes) of one process. Problems are assertion failures; notes are message
    quality issues worth a look that do not fail the run (an echoed key that spans lines or holds control characters, a huge message)."""
    status, stdout, stderr, seconds, rss, timed_out = result
    problems, notes = [], []
    if timed_out:
        problems.append(f"{command}: timeout (> {timeout:g} s)")
        return problems, notes
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = "?"
        problems.append(f"{command}: killed by signal {-status} ({name})")
        return problems, notes
    if status > 128:
        problems.append(f"{command}: exit {status} (a signal?)")
        return problems, notes
    if "Fatal error" in stderr:
        problems.append(f"{command}: Swift fatal error in stderr")
    first_error = next((line for line in stderr.splitlines() if line.startswith("error:")), stderr.strip()[:300])
    if status == 64 and command == "run" and ("--horizon-days" in first_error or "--warmup-days" in first_error):
        return problems, notes  # our overrides conflict with the file's warm-up or decision day: a usage error
    if status == 64 and command == "run" and "--yes" in first_error:
        return problems, notes  # a huge run refused with its work estimate until --yes confirms it: the goal
    if status not in (0, 65):
        problems.append(f"{command}: exit {status}")
    if status == 65:
        if file_name not in stderr:
            problems.append(f"{command}: 65 without the file name")
        else:
            after = stderr.split(file_name + ": ", 1)[-1]
            if not (_LOCATION.search(after) or _FIELD.match(after) or after.startswith(_WHOLE_FILE_OK)):
                problems.append(f"{command}: 65 without a field path or line:column")
        if len(stderr) > 10_000:
            notes.append(f"{command}: error message of {len(stderr)} characters")
        elif stderr.count("\n") > 1 or re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", stderr):
            notes.append(f"{command}: error message spans lines or holds control characters")
    if status == 0 and command == "run" and out_dir is not None:
        if not (Path(out_dir) / "replications.csv").exists():
            problems.append("run: exit 0 but no replications.csv")
    if rss > 4 * 1024 * 1024:
        problems.append(f"{command}: peak memory {rss // 1024} MB")
    return problems, notes


def confirm_above(args):
    """`run --confirm-above` in core-hours: half the time limit. A run the binary estimates
    below it must finish within the limit, so a timeout means the work estimate was more than
    2x too low; a run estimated above it is refused (exit 64, "--yes"), which is the goal."""
    return f"{args.timeout / 2 / 3600:.6g}"


def run_case(args, index, bases, workdir):
    family, base, data, description, run_mode = make_case(args.seed, index, bases)
    name = f"case-{index:05d}-{family}.json5"
    path = Path(workdir) / name
    path.write_bytes(data)
    record = {"index": index, "family": family, "base": base, "description": description, "file": name,
              "bytes": len(data), "problems": [], "notes": []}
    # The file is named relative to the working directory, as a user would type it.
    check = run_process([args.binary, "check", name], args.timeout, workdir)
    record["check"] = {"status": check[0], "seconds": round(check[3], 3), "stderr": check[2][-600:],
                       "rss_kb": check[4], "timed_out": check[5]}
    problems, notes = judge("check", name, check, args.timeout)
    record["problems"] += problems
    record["notes"] = notes
    if not args.check_only:
        out_dir = Path(workdir) / f"out-{index:05d}"
        argv = [args.binary, "run", name, "--replications", "2", "--jobs", "1", "--quiet", "--out", str(out_dir),
                "--confirm-above", confirm_above(args)]
        if run_mode == "short":
            argv += ["--horizon-days", "30", "--warmup-days", "5"]
        elif run_mode == "medium":  # long enough for month ends (churn, new clients) and the weekly rules
            argv += ["--horizon-days", "120", "--warmup-days", "20"]
        run = run_process(argv, args.timeout, workdir)
        record["run"] = {"status": run[0], "seconds": round(run[3], 3), "stderr": run[2][-600:],
                         "rss_kb": run[4], "timed_out": run[5], "mode": run_mode}
        problems, notes = judge("run", name, run, args.timeout, out_dir)
        record["problems"] += problems
        record["notes"] += notes
        # `check` also validates the `sweep` section, which only `bigclient sweep` reads: a file
        # whose only fault is there is refused by check and run by run.
        sweep_only = check[0] == 65 and run[0] == 0 and re.search(r"\.json5: (?:unknown field ')?sweep", check[2])
        if (not check[5] and not run[5] and check[0] in (0, 65) and run[0] in (0, 65) and check[0] != run[0]
                and not sweep_only):
            record["problems"].append(f"check exit {check[0]} but run exit {run[0]}")
        # Our overrides are judged only on a file that is valid as written: a file that check
        # refuses must be refused for its own fault (65), never blamed on --horizon-days (64).
        if not check[5] and not run[5] and check[0] == 65 and run[0] == 64 and not sweep_only and "-days'" in run[2]:
            record["problems"].append("run blamed our --horizon-days/--warmup-days (64) for a file check refuses (65)")
        if run[0] == 0 and out_dir.exists():
            record["nonfinite_results"] = _nonfinite(out_dir)
        shutil.rmtree(out_dir, ignore_errors=True)
    if record["problems"]:
        args.failures_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, args.failures_dir / name)
    path.unlink()
    return record


def _nonfinite(out_dir):
    """True when summary.csv holds nan or inf: not an assertion, a hint of numeric blow-up."""
    summary = Path(out_dir) / "summary.csv"
    if not summary.exists():
        return False
    text = summary.read_text(errors="replace").lower()
    return bool(re.search(r"(^|,)(-?nan|-?inf(inity)?)(,|$)", text, re.M))


def signature(record):
    """Groups failures that are probably one bug: family and problem kinds with the message
    stripped of numbers and file names."""
    parts = []
    for p in record["problems"]:
        parts.append(re.sub(r"\d+", "N", p))
    msg = ""
    for cmd in ("check", "run"):
        if cmd in record and record[cmd]["status"] not in (0,):
            lines = [l for l in record[cmd]["stderr"].splitlines() if l.strip()]
            if lines:
                msg = re.sub(r"case-\d+-\w+\.json5", "FILE", lines[0])
                msg = re.sub(r"[-+]?\d[\d.e+-]*", "N", msg)[:120]
                break
    return " | ".join(sorted(set(parts))) + " || " + msg


def main_fuzz(args):
    bases = load_bases()
    if not bases:
        print("no scenarios under scenarios/", file=sys.stderr)
        return 2
    started = time.monotonic()
    # One run at a time per failures folder: a second run would delete this one's files.
    args.failures_dir.mkdir(parents=True, exist_ok=True)
    lock = open(args.failures_dir / ".lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print(f"another fuzz run is using {args.failures_dir}; wait for it or pass --failures-dir DIR",
              file=sys.stderr)
        return 2
    # Stale files of an earlier run would be mistaken for this run's.
    if args.failures_dir.is_dir():
        for old in list(args.failures_dir.glob("case-*.json5")) + [args.failures_dir / "cases.jsonl"]:
            old.unlink(missing_ok=True)
    workdir = tempfile.mkdtemp(prefix="bigclient-fuzz-")
    try:
        # Self-test: the unmutated round trip of every base must pass check and a short run.
        for base_name, _, tree in bases:
            p = Path(workdir) / "roundtrip.json5"
            p.write_text(dump_json5(tree) + "\n", encoding="utf-8")
            r = run_process([args.binary, "check", p.name], args.timeout, workdir)
            if r[0] != 0:
                print(f"self-test: the round trip of {base_name} fails check: {r[2]}", file=sys.stderr)
                return 2
        records = []
        done = 0
        indices = [i for i in range(args.start, args.start + args.count)
                   if not args.exclude_family or _family_of(args.seed, i) not in args.exclude_family]
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for record in pool.map(lambda i: run_case(args, i, bases, workdir), indices):
                records.append(record)
                done += 1
                if record["problems"] and not args.quiet:
                    print(f"FAIL case {record['index']} [{record['family']}] {record['description'][:100]}: "
                          + "; ".join(record["problems"]), file=sys.stderr, flush=True)
                if args.progress and done % args.progress == 0:
                    print(f"... {done}/{args.count} cases, {time.monotonic() - started:.0f} s",
                          file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - started
    return report(args, records, elapsed)


def report(args, records, elapsed):
    by_family = collections.Counter(r["family"] for r in records)
    check_status = collections.Counter(_status_label(r["check"]) for r in records)
    run_status = collections.Counter(_status_label(r["run"]) for r in records if "run" in r)
    failing = [r for r in records if r["problems"]]
    groups = collections.OrderedDict()
    for r in failing:
        groups.setdefault(signature(r), []).append(r)
    note_groups = collections.OrderedDict()
    for r in records:
        for n in sorted({re.sub(r"\d+", "N", n) for n in r.get("notes", [])}):
            note_groups.setdefault(n, []).append(r)
    slowest = sorted((r for r in records if "run" in r), key=lambda r: -r["run"]["seconds"])[:10]
    summary = {
        "seed": args.seed, "count": args.count, "start": args.start, "jobs": args.jobs, "timeout_s": args.timeout,
        "binary": str(args.binary), "seconds": round(elapsed, 1),
        # The cases depend on this list: a scenario added under scenarios/ changes them.
        "base_scenarios": [b[0] for b in load_bases()],
        "cases_by_family": dict(sorted(by_family.items())),
        "check_exit_status": dict(sorted(check_status.items())),
        "run_exit_status": dict(sorted(run_status.items())),
        "nonfinite_results": sum(1 for r in records if r.get("nonfinite_results")),
        "failing_cases": len(failing),
        "failure_groups": [
            {"signature": sig, "cases": len(rs), "families": sorted({r["family"] for r in rs}),
             "examples": [{"file": r["file"], "description": r["description"], "problems": r["problems"],
                           "check": r["check"]["status"], "run": r.get("run", {}).get("status"),
                           "stderr": (r.get("run") or r["check"])["stderr"].strip()[-300:]} for r in rs[:3]]}
            for sig, rs in groups.items()],
        "notes": [{"note": n, "cases": len(rs), "examples": [
            {"file": r["file"], "description": r["description"],
             "stderr": (r.get("run") or r["check"])["stderr"].strip()[:300]} for r in rs[:3]]}
            for n, rs in note_groups.items()],
        "slowest_runs": [{"file": r["file"], "description": r["description"], "seconds": r["run"]["seconds"],
                          "status": r["run"]["status"]} for r in slowest],
    }
    if failing:
        args.failures_dir.mkdir(parents=True, exist_ok=True)
        with open(args.failures_dir / "cases.jsonl", "w", encoding="utf-8") as f:
            for r in failing:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.summary:
        Path(args.summary).parent.mkdir(parents=True, exist_ok=True)
        Path(args.summary).write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"bigclient fuzz: seed {args.seed}, cases {args.start}..{args.start + args.count - 1}, "
          f"{args.jobs} jobs, {elapsed:.1f} s")
    print("  check exit status: " + ", ".join(f"{k}: {v}" for k, v in sorted(check_status.items())))
    if run_status:
        print("  run exit status:   " + ", ".join(f"{k}: {v}" for k, v in sorted(run_status.items())))
    print(f"  results with nan/inf in summary.csv: {summary['nonfinite_results']}")
    print(f"  failing cases: {len(failing)} in {len(groups)} groups"
          + (f" (files in {args.failures_dir})" if failing else ""))
    for g in summary["failure_groups"]:
        ex = g["examples"][0]
        print(f"  - {g['cases']} x [{', '.join(g['families'])}] {'; '.join(ex['problems'])}")
        print(f"      e.g. {ex['file']}: {ex['description'][:110]}")
        if ex["stderr"]:
            print(f"      stderr: {ex['stderr'].splitlines()[-1][:200]}")
    for n, rs in note_groups.items():
        print(f"  note: {len(rs)} x {n}, e.g. {rs[0]['file']}: {rs[0]['description'][:90]}")
    print("  slowest runs: " + ", ".join(f"{r['file']} {r['run']['seconds']:.1f} s" for r in slowest[:3]))
    return 1 if failing else 0


def _status_label(result):
    if result.get("timed_out"):
        return "timeout"
    if result["status"] < 0:
        return f"signal {-result['status']}"
    return str(result["status"])


# --------------------------------------------------------------------------------------------
# --probe-slow: one field at a time at its cap, on the default scenario, with its own horizon.
# --------------------------------------------------------------------------------------------

SLOW_PROBES = [
    ("baseline (historic-client as shipped)", []),
    ("simulation.horizonDays 36500", [("simulation", "horizonDays", 36500)]),
    ("technicians.count 10000", [("technicians", "count", 10000)]),
    ("technicians.count 1000", [("technicians", "count", 1000)]),
    ("clients.regular.count 100000", [("clients.regular", "count", 100000)]),
    ("clients.regular.ordersPerWeek 10000", [("clients.regular", "ordersPerWeek", 10000)]),
    ("clients.regular.ordersPerWeek 10000 + maxBacklogOrders 1e6",
     [("clients.regular", "ordersPerWeek", 10000), ("simulation", "maxBacklogOrders", 1000000)]),
    ("clients.regular.count 100000 + workHours 0",
     [("clients.regular", "count", 100000), ("clients.regular", "workHours", 0)]),
    ("clients.regular.ordersPerWeek 10000 + workHours 0",
     [("clients.regular", "ordersPerWeek", 10000), ("clients.regular", "workHours", 0)]),
    ("technicians.count 10000 + horizonDays 36500",
     [("technicians", "count", 10000), ("simulation", "horizonDays", 36500)]),
    ("newClients.baseRatePerMonth 10000", [("newClients", "baseRatePerMonth", 10000)]),
    ("2 regular groups, 199999 clients (200000 in all, the cap)",
     [("clients.regular", "count", 100000), ("clients.regular2", "count", 99999)]),
    ("technicians.count 10000 + clients.regular.count 100000",
     [("technicians", "count", 10000), ("clients.regular", "count", 100000)]),
    ("100 policies (copies of 'standard')", [("policies.standard" + str(i), "discipline", "edd")
                                            for i in range(100)]),
    ("workHours empirical of 100000 values",
     [("clients.regular", "workHours", Obj([["type", "empirical"], ["values", [i / 5000 for i in range(1, 100001)]]]))]),
    ("workHours erlang shape 1000",
     [("clients.regular", "workHours", Obj([["type", "erlang"], ["mean", 12], ["shape", 1000]]))]),
    ("workHours poisson mean 10000", [("clients.regular", "workHours", Obj([["type", "poisson"], ["mean", 10000]]))]),
    ("sickLeave.durationDays poisson mean 1e15 (refused since 566deaf)",
     [("technicians.sickLeave", "durationDays", Obj([["type", "poisson"], ["mean", 1e15]]))]),
]


def _obj_at(tree, dotted):
    node = tree
    for part in dotted.split("."):
        node = _ensure_obj(node, part)
    return node


def main_probe(args):
    base = parse_json5((REPO / "scenarios" / "historic-client.json5").read_text(encoding="utf-8"))
    workdir = tempfile.mkdtemp(prefix="bigclient-probe-")
    rows = []
    try:
        for label, edits in SLOW_PROBES:
            tree = copy.deepcopy(base)
            for where, key, value in edits:
                _obj_at(tree, where).set(key, value)
            p = Path(workdir) / "probe.json5"
            p.write_text(dump_json5(tree) + "\n", encoding="utf-8")
            argv = [args.binary, "run", p.name, "--replications", "2", "--jobs", "1", "--quiet", "--out",
                    str(Path(workdir) / "out")]
            # The binary's own estimate: --confirm-above 0 makes it refuse and print it.
            e = run_process(argv + ["--confirm-above", "0"], args.timeout, workdir)
            found = re.search(r"≈ ([0-9.]+) core-(seconds|minutes|hours)", e[2])
            estimate = float(found.group(1)) * {"seconds": 1, "minutes": 60, "hours": 3600}[found.group(2)] if found else float("nan")
            r = run_process(argv + ["--yes"], args.timeout, workdir)
            status = "timeout" if r[5] else str(r[0])
            rows.append((label, status, r[3], r[4] // 1024, r[2].strip().splitlines()[-1][:100] if r[2].strip() else ""))
            print(f"{label:60s} exit {status:8s} {r[3]:7.2f} s (estimate {estimate:8.2f} s) {r[4] // 1024:6d} MB  {rows[-1][4]}",
                  flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


# --------------------------------------------------------------------------------------------


def default_binary():
    for candidate in (".build-fuzz/release/bigclient", ".build/release/bigclient", ".build/debug/bigclient"):
        if (REPO / candidate).exists():
            return str(REPO / candidate)
    return str(REPO / ".build/release/bigclient")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"master seed (default {DEFAULT_SEED})")
    p.add_argument("--count", type=int, default=DEFAULT_COUNT, help=f"mutated files (default {DEFAULT_COUNT})")
    p.add_argument("--start", type=int, default=0, help="first case index (to replay a range)")
    p.add_argument("--jobs", type=int, default=2, help="parallel cases (default 2)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per process (default 20)")
    p.add_argument("--binary", default=default_binary(), help="the bigclient executable")
    p.add_argument("--failures-dir", type=Path, default=REPO / "fuzz" / "failures",
                   help="where failing files are copied (default fuzz/failures)")
    p.add_argument("--summary", default=None, help="write the summary as JSON here "
                   "(default: FAILURES_DIR/summary.json)")
    p.add_argument("--exclude-family", action="append", default=[], metavar="F",
                   help="skip the cases of family F (repeatable); the other cases stay the same")
    p.add_argument("--check-only", action="store_true", help="run only 'check', not 'run'")
    p.add_argument("--progress", type=int, default=0, metavar="N", help="print progress every N cases")
    p.add_argument("--quiet", action="store_true", help="do not print each failing case as it happens")
    p.add_argument("--probe-slow", action="store_true",
                   help="time one size field at a time at its cap (historic-client, its own horizon) and exit")
    p.add_argument("--write-case", type=int, metavar="I", help="write case I's file to stdout and exit")
    args = p.parse_args(argv)
    args.binary = str(Path(args.binary).resolve())
    if args.summary is None:
        args.summary = str(args.failures_dir / "summary.json")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.write_case is not None:
        family, base, data, description, mode = make_case(args.seed, args.write_case, load_bases())
        print(f"case {args.write_case}: {family} on {base}: {description} (run mode {mode})", file=sys.stderr)
        sys.stdout.buffer.write(data)
        return 0
    if not Path(args.binary).is_file():
        print(f"no binary at {args.binary}: build it first (swift build -c release)", file=sys.stderr)
        return 2
    if args.jobs < 1 or args.count < 1:
        print("--jobs and --count must be ≥ 1", file=sys.stderr)
        return 2
    unknown = [f for f in args.exclude_family if f not in FAMILIES]
    if unknown:
        print(f"unknown families {unknown}; known: {', '.join(FAMILIES)}", file=sys.stderr)
        return 2
    if args.probe_slow:
        return main_probe(args)
    return main_fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
