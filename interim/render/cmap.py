"""Which characters a font file can draw: its `cmap` table, read directly.

The PDF is drawn only with the fonts interim ships (interim/fonts/), so a character none of
them has prints as an empty box. To warn about that instead of printing boxes silently, we
need each font's character map. fontTools could read it, but it is a large dependency for
one table: the two subtable formats every Unicode font carries are short to read (OpenType
spec, "cmap — Character to Glyph Index Mapping Table": format 4 for the Basic Multilingual
Plane, format 12 for all of Unicode).
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterable
from pathlib import Path

# (platform, encoding) of Unicode subtables, best first: full-repertoire ones (format 12)
# before BMP-only ones. Windows 3/10 and 3/1; Unicode 0/4, 0/6 and 0/3.
_UNICODE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3))


class FontFileError(ValueError):
    """Not a TrueType/OpenType file we can read a Unicode cmap from."""


def _table(data: bytes, tag: bytes) -> bytes:
    """The bytes of one table from the sfnt table directory."""
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise FontFileError("not a single TrueType/OpenType font")
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        name, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if name == tag:
            return data[offset : offset + length]
    raise FontFileError(f"no {tag.decode()} table")


def _format4(sub: bytes) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", sub, 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", sub, 14)
    starts = struct.unpack_from(f">{segs}H", sub, 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", sub, 16 + 2 * seg_x2)
    range_base = 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{segs}H", sub, range_base)
    chars: set[int] = set()
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        for code in range(start, min(end, 0xFFFE) + 1):
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:  # idRangeOffset is relative to its own position in the table
                at = range_base + 2 * i + offsets[i] + 2 * (code - start)
                (glyph,) = struct.unpack_from(">H", sub, at)
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:  # glyph 0 is .notdef: the empty box itself
                chars.add(code)
    return chars


def _format12(sub: bytes) -> set[int]:
    (groups,) = struct.unpack_from(">I", sub, 12)
    chars: set[int] = set()
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", sub, 16 + 12 * i)
        chars.update(range(start if glyph else start + 1, end + 1))
    return chars


def font_chars(data: bytes) -> set[int]:
    """The code points one font file maps to a real glyph."""
    cmap = _table(data, b"cmap")
    (count,) = struct.unpack_from(">H", cmap, 2)
    found: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        found[(platform, encoding)] = offset
    for key in _UNICODE:
        if key in found:
            sub = cmap[found[key] :]
            (fmt,) = struct.unpack_from(">H", sub, 0)
            if fmt == 12:
                return _format12(sub)
            if fmt == 4:
                return _format4(sub)
    raise FontFileError("no Unicode cmap subtable in format 4 or 12")


@functools.cache
def coverage(paths: tuple[Path, ...]) -> frozenset[int]:
    """Every code point at least one of the fonts can draw (Typst falls back from font to
    font, so the union is what prints)."""
    chars: set[int] = set()
    for path in paths:
        chars |= font_chars(path.read_bytes())
    return frozenset(chars)


def _drawn(ch: str) -> bool:
    """Line breaks, tabs, other controls and format characters (zero-width joiner) are
    layout, and variation selectors only pick a form of the character before them: none
    of them is a glyph of its own."""
    code = ord(ch)
    selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return ch.isprintable() and ch != " " and not selector


def missing(texts: Iterable[str], covered: frozenset[int]) -> list[str]:
    """The characters of `texts` no font covers, each once, in code-point order."""
    seen = {ch for text in texts for ch in text}
    return sorted(ch for ch in seen if _drawn(ch) and ord(ch) not in covered)
