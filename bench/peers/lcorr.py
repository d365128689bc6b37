#!/usr/bin/python3
"""numpy/scipy peer of local correlation: Pearson r, its two-sided p-value and the pair count n in a W x W moving
window, via running sums (scipy.ndimage.uniform_filter of x, y, x², y², xy and the valid mask; zeros outside the
raster), the same centring on the global mean of valid pairs and the same rules (n >= 3, non-constant window) as the
library. Usage: lcorr.py DIR W"""
import json, os, sys, time
import numpy as np
from scipy.ndimage import uniform_filter
from scipy.special import betainc

d, win = sys.argv[1], int(sys.argv[2])
size = json.load(open(os.path.join(d, "lcorr.json")))["size"]
x = np.fromfile(os.path.join(d, "x.f32"), dtype=np.float32).astype(np.float64).reshape(size, size)
y = np.fromfile(os.path.join(d, "y.f32"), dtype=np.float32).astype(np.float64).reshape(size, size)

t0 = time.perf_counter(); c0 = time.process_time()
valid = np.isfinite(x) & np.isfinite(y)
u = np.where(valid, x - x[valid].mean(), 0.0)
v = np.where(valid, y - y[valid].mean(), 0.0)
area = win * win
S = lambda a: uniform_filter(a, size=win, mode="constant", cval=0.0) * area
n = np.rint(S(valid.astype(np.float64)))
s1, s2, s11, s22, s12 = S(u), S(v), S(u * u), S(v * v), S(u * v)
with np.errstate(invalid="ignore", divide="ignore"):
    sxx = s11 - s1 * s1 / n; syy = s22 - s2 * s2 / n; sxy = s12 - s1 * s2 / n
    ok = (n >= 3) & (sxx > 1e-11 * s11) & (syy > 1e-11 * s22)
    r = np.where(ok, np.clip(sxy / np.sqrt(sxx * syy), -1, 1), np.nan)
    df = n - 2
    p = np.where(ok, betainc(df / 2, 0.5, np.clip(1 - r * r, 0, 1)), np.nan)
secs = time.perf_counter() - t0; cpu = time.process_time() - c0
good = ~np.isnan(r)
print(json.dumps({"workload": "lcorr", "seconds": secs, "cpu_seconds": cpu, "size": size, "window": win,
                  "valid": int(good.sum()), "mean_r": float(r[good].mean()), "significant": int((p[good] < 0.05).sum()),
                  "n_centre": int(n[size // 2, size // 2])}))
