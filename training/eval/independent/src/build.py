#!/usr/bin/env python3
"""Build the JSONL eval files from the hand-written source files in src/.

Source format (src/<lang>_*.txt, read in sorted order):
  %% <industry>                      starts an industry section
  @@ <channel> <cat> <sent> <U|-> [alt_cat]   starts a message
  S: <subject>                       optional, first line after header (email only)
  <text lines ...>                   message text (newlines kept)
Blank lines at the start/end of a message are stripped.
"""
import json, glob, os, sys, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
LANGS = ["nl", "en", "de", "fr"]
INDUSTRIES = ["retail", "banking", "telecom", "energy", "travel", "insurance", "software", "transport"]
CH = {"email": "email", "wa": "whatsapp", "msg": "messenger", "ig": "instagram"}
CAT = {"order": "order", "bill": "billing", "tech": "technical", "compl": "complaint", "other": "other"}
SENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}


def parse(lang):
    records = []
    industry = None
    cur = None

    def flush():
        nonlocal cur
        if cur is None:
            return
        lines = cur.pop("_lines")
        while lines and not lines[0].strip():
            lines.pop(0)
        subject = None
        if lines and lines[0].startswith("S: "):
            subject = lines.pop(0)[3:].strip()
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        text = "\n".join(l.rstrip() for l in lines)
        if not text:
            sys.exit(f"empty text in {lang} {cur}")
        if subject is not None:
            if cur["channel"] != "email":
                sys.exit(f"subject on non-email: {lang} {text[:60]}")
            cur["subject"] = subject
        cur["text"] = text
        records.append(cur)
        cur = None

    files = sorted(glob.glob(os.path.join(HERE, f"{lang}_*.txt")))
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if line.startswith("%% "):
                    flush()
                    industry = line[3:].strip()
                    if industry not in INDUSTRIES:
                        sys.exit(f"{fn}:{lineno} bad industry {industry}")
                elif line.startswith("@@ "):
                    flush()
                    parts = line[3:].split()
                    if len(parts) not in (4, 5):
                        sys.exit(f"{fn}:{lineno} bad header {line}")
                    ch, cat, sent, urg = parts[:4]
                    alt = parts[4] if len(parts) == 5 else None
                    try:
                        rec = {
                            "language": lang,
                            "industry": industry,
                            "channel": CH[ch],
                            "category": CAT[cat],
                            "sentiment": SENT[sent],
                            "urgent": {"U": True, "-": False}[urg],
                            "ambiguous": alt is not None,
                            "alt_category": CAT[alt] if alt else None,
                        }
                    except KeyError as e:
                        sys.exit(f"{fn}:{lineno} bad value {e} in {line}")
                    if rec["alt_category"] == rec["category"]:
                        sys.exit(f"{fn}:{lineno} alt == category")
                    rec["_lines"] = []
                    cur = rec
                else:
                    if cur is None:
                        if line.strip():
                            sys.exit(f"{fn}:{lineno} text outside message: {line}")
                        continue
                    cur["_lines"].append(line)
    flush()
    return records


def main():
    for lang in LANGS:
        recs = parse(lang)
        counters = {}
        out = []
        for r in recs:
            counters[r["industry"]] = counters.get(r["industry"], 0) + 1
            rid = f"{lang}-{r['industry']}-{counters[r['industry']]:03d}"
            o = {"id": rid, "language": lang, "industry": r["industry"], "channel": r["channel"]}
            if "subject" in r:
                o["subject"] = r["subject"]
            o.update({k: r[k] for k in ["text", "category", "sentiment", "urgent", "ambiguous", "alt_category"]})
            out.append(o)
        with open(os.path.join(OUT, f"{lang}.jsonl"), "w", encoding="utf-8") as f:
            for o in out:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        print(lang, len(out), dict(sorted(counters.items())))


if __name__ == "__main__":
    main()
