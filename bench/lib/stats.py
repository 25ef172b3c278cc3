#!/usr/bin/env python3
"""Tiny statistics helper for bench/run.

  stats.py median  < numbers      -> median
  stats.py pct P.. < numbers      -> percentiles (linear interpolation), space separated
  stats.py max COL < table        -> maximum of a whitespace-separated column (1-based)
Blank and non-numeric lines are ignored; prints "nan" when there is no number.
"""
import math
import sys


def numbers(col=1):
    out = []
    for line in sys.stdin:
        parts = line.split()
        if len(parts) < col:
            continue
        try:
            out.append(float(parts[col - 1]))
        except ValueError:
            pass
    return out


def percentile(sorted_values, p):
    if not sorted_values:
        return math.nan
    k = (len(sorted_values) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def main(argv):
    cmd = argv[1]
    if cmd == "median":
        print("%.6f" % percentile(sorted(numbers()), 50))
    elif cmd == "pct":
        values = sorted(numbers())
        print(" ".join("%.6f" % percentile(values, float(p)) for p in argv[2:]))
    elif cmd == "max":
        values = numbers(int(argv[2]))
        print("%.0f" % max(values) if values else "nan")
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)
