#!/usr/bin/env python3
"""Writes the bad inputs of tests/data/bad that are too long, binary or
repetitive to write by hand (hostile-input cases of issue 10). Run from this
directory; the files are committed, so the tests do not need Python."""

MINIMAL = """parley: 1
title: "{title}"
issues:
  - id: land
    range: {range}
actors:
  - id: {actor}
    veto: true
    reservation: 0.4
    positions:
      land: {{ideal: 2, source: s1}}
sources:
  - id: s1
    outlet: "handout"
proposals:
  - id: p
    terms: {{land: 3}}
"""


def write(name, text, header=None):
    """The stray-comma files are the exact bytes the fuzzer found: no header."""
    data = text if isinstance(text, bytes) else text.encode()
    with open(name, "wb") as f:
        if header:
            f.write(b"# " + header.encode() + b" (written by generate.py)\n")
        f.write(data)


def scenario(title="Minimal", range_="[0, 10]", actor="a"):
    return MINIMAL.format(title=title, range=range_, actor=actor)


for name, text in {",": ",", "space_comma": " ,", "comma_dash": ",- ", "tag_comma": "!t  ,"}.items():
    file = "stray_comma.yaml" if name == "," else f"stray_{name}.yaml"
    write(file, text)  # a stray flow separator: yaml-cpp 0.7's LoadAll loops forever

write("long_id.yaml", scenario(actor="a" * 30000), "a 30,000-character id (std::regex_match overflowed the stack)")

bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
for level in range(1, 10):
    bomb += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]\n"
write("alias_bomb.yaml", bomb, "nine levels of nine-element alias lists: 9^10 nodes when expanded")

write("self_alias.yaml", "parley: &x [1, *x]\n", "an alias inside the list it refers to")

write("deep_nesting.yaml", "parley: 1\ntitle: " + "[" * 100000 + "\n", "100,000 nested lists")

write("huge_range.yaml", scenario(range_="[-1e308, 1e308]"), "a range whose width overflows to infinity")

write("nul_in_title.yaml", scenario(title="a\\0b"), "a NUL character (escaped) in the title")
write("nul_byte.yaml", scenario(title="a\0b"), "a raw NUL byte in the file")

write("long_dangling_reference.yaml",
      scenario().replace("source: s1}", "source: " + "s" * 20000 + "}"),
      "a dangling 20,000-character reference (did-you-mean built a 20k x 20k matrix)")

write("second_document.yaml", scenario() + "---\n" + scenario(), "two YAML documents")

# Thousands of dangling references to thousands of long ids: suggestions were
# errors x ids edit distances (a minute for 20,000 of each).
actors = "".join(
    f"  - {{id: {'a' * 50}{k:05d}, reservation: 0.4, positions: {{land: {{ideal: 2, source: s1}}}}}}\n"
    for k in range(3000))
dangling = "".join(f"  - {{from: {'b' * 50}{k:05d}, to: {'a' * 50}{k:05d}, weight: 0.1}}\n" for k in range(3000))
many = scenario().replace("actors:\n", "actors:\n" + actors).replace("proposals:", "relations:\n" + dangling + "proposals:")
write("many_dangling_references.yaml", many, "3,000 relations from 3,000 unknown 55-character ids")

# One map of 400 positions shared by alias among 2,400 actors: 7.7 million
# nodes once expanded, from a file of 170 KB.
issues = "".join(f"  - {{id: i{k}, range: [0, 1]}}\n" for k in range(400))
shared = "positions: &P {" + ", ".join(f"i{k}: {{ideal: 0.5, source: s1}}" for k in range(400)) + "}"
amplified = ("parley: 1\ntitle: amplified\nsources:\n  - {id: s1, outlet: x}\nissues:\n" + issues + "actors:\n"
             + f"  - {{id: a0, veto: true, reservation: 0.4, {shared}}}\n"
             + "".join(f"  - {{id: a{k}, reservation: 0.4, positions: *P}}\n" for k in range(1, 2400))
             + "proposals:\n  - {id: p, terms: {i0: 0.5}}\n")
write("alias_amplified.yaml", amplified, "a map of 400 positions shared by alias among 2,400 actors")
