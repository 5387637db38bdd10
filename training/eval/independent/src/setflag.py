import sys, glob
# usage: setflag.py LANG "text snippet" U|-
lang, snip, flag = sys.argv[1:4]
hits = 0
for fn in sorted(glob.glob(f"{lang}_*.txt")):
    lines = open(fn, encoding="utf-8").read().split("\n")
    hdr = None
    for i, l in enumerate(lines):
        if l.startswith("@@ "):
            hdr = i
        elif snip in l and hdr is not None:
            p = lines[hdr].split()
            p[4] = flag
            lines[hdr] = " ".join(p)
            hits += 1
            hdr = None
    open(fn, "w", encoding="utf-8").write("\n".join(lines))
print(lang, snip[:30], hits)
