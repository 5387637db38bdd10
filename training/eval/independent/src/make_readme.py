import os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
base = os.path.dirname(here)
stats = subprocess.run([sys.executable, os.path.join(here, "stats.py")], capture_output=True, text=True, check=True).stdout
head = open(os.path.join(here, "README.head.md"), encoding="utf-8").read()
tail = open(os.path.join(here, "README.tail.md"), encoding="utf-8").read()
open(os.path.join(base, "README.md"), "w", encoding="utf-8").write(head + stats + tail)
print("README.md written")
