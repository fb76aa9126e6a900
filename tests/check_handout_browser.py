#!/usr/bin/env python3
"""Renders a scenario's handout (`parley report`) in headless Chromium and
checks what a reader would see:

  - the screenshot is not blank (a PNG of more than one colour),
  - the printed PDF has at least one page per section of the page (each
    section starts a printed page),
  - the text of the DOM (--dump-dom) holds the HYPOTHETICAL label, every
    actor's name, every proposal's label and every quote of the scenario.

Usage: check_handout_browser.py PARLEY SCENARIO WORK_DIR [report options...]
Exit status 77 (CTest's SKIP_RETURN_CODE) when Chromium is not installed.
"""

import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import yaml

LABEL = "HYPOTHETICAL \u2014 model output from the stated assumptions; not a prediction."
TIMEOUT = 240  # seconds per Chromium run: it can be slow to start on a busy machine


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(browser, args, profile):
    # --no-sandbox: required as root (CI containers); a profile per run, so
    # that tests running in parallel do not share one.
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--user-data-dir=" + profile, "--virtual-time-budget=5000"] + args
    return subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)


def png_colours(path):
    """The number of distinct pixel values in a PNG (8-bit, any colour type)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    at, idat, width, height, bpp = 8, b"", 0, 0, 4
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour, 4) * max(1, depth // 8)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    colours = set()
    previous = bytearray(stride)
    for row in range(height):
        at = row * (stride + 1)
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        for i in range(stride):  # undo the row's filter (PNG spec, section 9)
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        for i in range(0, stride, bpp):
            colours.add(bytes(line[i:i + bpp]))
        if len(colours) > 1:
            return len(colours)
        previous = line
    return len(colours)


class TextOf(html.parser.HTMLParser):
    """The text content of a page, as a reader sees it (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(text):
    return " ".join(str(text).split())


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    parley, scenario, work = sys.argv[1], sys.argv[2], sys.argv[3]
    options = sys.argv[4:]
    browser = chromium()
    if browser is None:
        print("chromium is not installed (make deps installs it): skipped")
        return 77
    os.makedirs(work, exist_ok=True)
    page = os.path.join(work, "handout.html")
    made = subprocess.run([parley, "report", scenario, "--out", page, "--no-progress"] + options,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if made.returncode != 0:
        raise SystemExit(f"parley report failed ({made.returncode}):\n{made.stderr}")
    source = open(page, encoding="utf-8").read()
    sections = source.count("<section")
    failures = []

    with tempfile.TemporaryDirectory() as profile:
        shot = os.path.join(work, "handout.png")
        run_browser(browser, ["--window-size=1000,1400", "--screenshot=" + shot, page], profile)
        if not os.path.exists(shot):
            failures.append("no screenshot was written")
        elif png_colours(shot) < 2:
            failures.append(f"the screenshot is blank ({os.path.getsize(shot)} bytes)")

    with tempfile.TemporaryDirectory() as profile:
        pdf = os.path.join(work, "handout.pdf")
        run_browser(browser, ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, page], profile)
        if not os.path.exists(pdf):
            failures.append("no PDF was written")
        else:
            pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", open(pdf, "rb").read()))
            print(f"{pages} printed pages for {sections} sections")
            if pages < sections:
                failures.append(f"the PDF has {pages} pages: expected at least {sections} (one per section)")

    with tempfile.TemporaryDirectory() as profile:
        dom = run_browser(browser, ["--dump-dom", page], profile)
        parser = TextOf()
        parser.feed(dom.stdout.decode("utf-8", errors="replace"))
        text = words(" ".join(parser.parts))
        data = yaml.safe_load(open(scenario, encoding="utf-8"))
        expected = [LABEL]
        for actor in data.get("actors", []):
            expected.append(actor.get("name", actor["id"]))
            for position in (actor.get("positions") or {}).values():
                if isinstance(position, dict) and position.get("quote"):
                    expected.append(position["quote"])
        for proposal in data.get("proposals", []):
            expected.append(proposal.get("label", proposal["id"]))
        missing = [e for e in expected if words(e) not in text]
        print(f"{len(expected) - len(missing)} of {len(expected)} expected texts found in the DOM")
        for m in missing:
            failures.append(f"the DOM text lacks: {m!r}")

    for f in failures:
        print("FAILED: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
