"""Which text encoding a table file is in: UTF-8 (with or without a BOM) or Thai TIS-620/Windows-874.

Anything else is not guessed: a wrong guess turns Thai into mojibake that looks like data, so an
encoding we cannot tell is reported (`UnknownEncoding`) and the publisher is asked to re-save.
Pure functions, no CKAN.
"""
from __future__ import annotations

import codecs
import re
from typing import Iterator

UTF8_BOM = codecs.BOM_UTF8
SAMPLE_BYTES = 1024 * 1024

# Windows-874 is TIS-620 (Thai in 0xA1-0xFB) plus a few punctuation marks in 0x80-0x9F; reading
# every TIS-620 file as cp874 gives the same characters.
THAI = "cp874"
# Thai marks that sit on a consonant (above/below vowels, tone marks): never first in a word.
_THAI_MARKS = re.compile("(?:^|(?<=[^\u0e01-\u0e5b]))[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# A Thai letter glued to a Latin letter is what a Latin-1/cp1252 file read as Thai looks like
# ("café" -> "caf้"); real Thai text is separated from Latin words.
_GLUED = re.compile("[A-Za-z][\u0e01-\u0e5b]|[\u0e01-\u0e5b][A-Za-z]")


class UnknownEncoding(ValueError):
    """The bytes are neither UTF-8 nor plausible Thai Windows-874."""


def _valid_utf8_prefix(sample: bytes, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(sample, final=complete)  # a character cut at the sample's end is fine
    except UnicodeDecodeError:
        return False
    return True


def plausible_thai(text: str) -> bool:
    """Does text decoded as cp874 read as Thai rather than as another single-byte encoding?"""
    return bool(re.search("[\u0e01-\u0e2e]", text)) and not _THAI_MARKS.search(text) \
        and not _GLUED.search(text)


def detect(sample: bytes, complete: bool = False) -> str:
    """The codec name for a file's first bytes: 'utf-8-sig', 'utf-8' or 'cp874'.

    ``complete`` says the sample is the whole file. Raises UnknownEncoding.
    """
    if sample.startswith(UTF8_BOM):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnknownEncoding("utf-16")
    if _valid_utf8_prefix(sample, complete):
        return "utf-8"
    try:
        text = sample.decode(THAI)
    except UnicodeDecodeError as error:  # a byte cp874 leaves undefined (0xDB-0xDE, 0xFC-0xFF)
        raise UnknownEncoding(f"byte 0x{sample[error.start]:02X} at {error.start}") from error
    if not plausible_thai(text):
        raise UnknownEncoding("not Thai")
    return THAI


def decode_chunks(chunks: Iterator[bytes], codec: str) -> Iterator[str]:
    """Decode strictly: a byte that does not fit later in the file raises UnknownEncoding."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    position = 0
    try:
        for chunk in chunks:
            yield decoder.decode(chunk)
            position += len(chunk)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise UnknownEncoding(f"{codec}: byte {position + error.start}") from error
