#!/usr/bin/env python3
"""Validate the four JSONL files and print count tables (markdown).

Also writes counts.csv: the full language x industry x channel x category x sentiment cross-tab
(only non-zero cells).
Exit code 1 if any validation fails.
"""
import json, os, sys, csv, collections

BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ["nl", "en", "de", "fr"]
INDUSTRIES = ["retail", "banking", "telecom", "energy", "travel", "insurance", "software", "transport"]
CHANNELS = ["email", "whatsapp", "messenger", "instagram"]
CATS = ["order", "billing", "technical", "complaint", "other"]
SENTS = ["positive", "neutral", "negative"]
FIELDS = ["id", "language", "industry", "channel", "text", "category", "sentiment", "urgent", "ambiguous", "alt_category"]
MIN_PER_CELL = 22

errors = []
rows = []
ids = set()
for lang in LANGS:
    path = os.path.join(BASE, f"{lang}.jsonl")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{lang}.jsonl:{n}"
            try:
                r = json.loads(line)
            except Exception as e:
                errors.append(f"{where}: JSON error {e}")
                continue
            for k in FIELDS:
                if k not in r:
                    errors.append(f"{where}: missing field {k}")
            extra = set(r) - set(FIELDS) - {"subject"}
            if extra:
                errors.append(f"{where}: unexpected fields {extra}")
            if r.get("id") in ids:
                errors.append(f"{where}: duplicate id {r.get('id')}")
            ids.add(r.get("id"))
            if r.get("language") != lang:
                errors.append(f"{where}: language {r.get('language')} in {lang} file")
            if r.get("industry") not in INDUSTRIES:
                errors.append(f"{where}: bad industry")
            if r.get("channel") not in CHANNELS:
                errors.append(f"{where}: bad channel")
            if r.get("category") not in CATS:
                errors.append(f"{where}: bad category")
            if r.get("sentiment") not in SENTS:
                errors.append(f"{where}: bad sentiment")
            if not isinstance(r.get("urgent"), bool) or not isinstance(r.get("ambiguous"), bool):
                errors.append(f"{where}: urgent/ambiguous not bool")
            if r.get("ambiguous"):
                if r.get("alt_category") not in CATS or r.get("alt_category") == r.get("category"):
                    errors.append(f"{where}: ambiguous but bad alt_category")
            elif r.get("alt_category") is not None:
                errors.append(f"{where}: alt_category set but not ambiguous")
            if "subject" in r and (r.get("channel") != "email" or not isinstance(r["subject"], str) or not r["subject"].strip()):
                errors.append(f"{where}: subject on non-email or empty")
            if not isinstance(r.get("text"), str) or not r["text"].strip():
                errors.append(f"{where}: empty text")
            exp_prefix = f"{lang}-{r.get('industry')}-"
            if not str(r.get("id", "")).startswith(exp_prefix):
                errors.append(f"{where}: id {r.get('id')} does not match {exp_prefix}NNN")
            rows.append(r)

# duplicate texts
tc = collections.Counter(r["text"].strip().lower() for r in rows)
for t, c in tc.items():
    if c > 1:
        errors.append(f"duplicate text x{c}: {t[:60]}")

cell = collections.Counter((r["language"], r["industry"]) for r in rows)
for l in LANGS:
    for i in INDUSTRIES:
        if cell[(l, i)] < MIN_PER_CELL:
            errors.append(f"{l}/{i}: only {cell[(l, i)]} messages (< {MIN_PER_CELL})")


def table(title, rkey, rvals, ckey, cvals, pct=False):
    c = collections.Counter((rkey(r), ckey(r)) for r in rows)
    out = [f"### {title}", "", "| | " + " | ".join(str(v) for v in cvals) + " | total |",
           "|---" * (len(cvals) + 2) + "|"]
    for rv in rvals:
        vals = [c[(rv, cv)] for cv in cvals]
        out.append(f"| {rv} | " + " | ".join(str(v) for v in vals) + f" | {sum(vals)} |")
    tot = [sum(c[(rv, cv)] for rv in rvals) for cv in cvals]
    out.append("| **total** | " + " | ".join(str(v) for v in tot) + f" | {sum(tot)} |")
    if pct:
        n = sum(tot)
        out.append("| **%** | " + " | ".join(f"{100*v/n:.1f}" for v in tot) + " | 100 |")
    return "\n".join(out) + "\n"


L = lambda r: r["language"]
md = []
md.append(f"Total messages: **{len(rows)}**\n")
md.append(table("Language × industry", L, LANGS, lambda r: r["industry"], INDUSTRIES))
md.append(table("Language × channel", L, LANGS, lambda r: r["channel"], CHANNELS, pct=True))
md.append(table("Language × category", L, LANGS, lambda r: r["category"], CATS, pct=True))
md.append(table("Language × sentiment", L, LANGS, lambda r: r["sentiment"], SENTS, pct=True))
md.append(table("Language × urgent", L, LANGS,
                lambda r: ("urgent" if r["urgent"] else "not urgent"), ["urgent", "not urgent"], pct=True))
md.append(table("Language × ambiguous", L, LANGS,
                lambda r: ("ambiguous" if r["ambiguous"] else "clear"), ["ambiguous", "clear"], pct=True))
md.append(table("Industry × category (all languages)", lambda r: r["industry"], INDUSTRIES, lambda r: r["category"], CATS))
md.append(table("Channel × category (all languages)", lambda r: r["channel"], CHANNELS, lambda r: r["category"], CATS))
md.append(table("Category × sentiment (all languages)", lambda r: r["category"], CATS, lambda r: r["sentiment"], SENTS))
md.append(table("Category × urgent (all languages)", lambda r: r["category"], CATS,
                lambda r: ("urgent" if r["urgent"] else "not urgent"), ["urgent", "not urgent"]))
md.append(table("Ambiguous: category × alt_category", lambda r: r["category"], CATS,
                lambda r: r["alt_category"] or "-", CATS))
print("\n".join(md))

with open(os.path.join(BASE, "counts.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["language", "industry", "channel", "category", "sentiment", "count"])
    c5 = collections.Counter((r["language"], r["industry"], r["channel"], r["category"], r["sentiment"]) for r in rows)
    for k in sorted(c5, key=lambda k: (LANGS.index(k[0]), INDUSTRIES.index(k[1]), CHANNELS.index(k[2]),
                                       CATS.index(k[3]), SENTS.index(k[4]))):
        w.writerow(list(k) + [c5[k]])

if errors:
    print("VALIDATION ERRORS:", file=sys.stderr)
    for e in errors:
        print("  " + e, file=sys.stderr)
    sys.exit(1)
print(f"<!-- validation OK: {len(rows)} lines, {len(ids)} unique ids -->", file=sys.stderr)
