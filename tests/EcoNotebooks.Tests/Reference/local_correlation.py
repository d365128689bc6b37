"""Reference values for EcoNotebooks.Spatial.LocalCorrelation (moving-window Pearson r with two-sided p).

Run with Debian's python (numpy, scipy):  /usr/bin/python3 local_correlation.py  -> local_correlation.json
Inputs are generated here (seeded) and stored in the JSON so the C# test reads exactly the same numbers.
For every pixel the k x k window (clipped at the edges) is taken, pairs with a NaN in either raster dropped, and
scipy.stats.pearsonr is called when at least 3 pairs remain (brute force, no running sums).
"""
import json
import warnings

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(2024)
H, W = 19, 23
yy, xx = np.mgrid[0:H, 0:W]
a = np.sin(xx / 4.0) + 0.5 * np.cos(yy / 3.0) + rng.normal(0, 0.3, (H, W)) + 100.0   # offset tests centring
b = 0.8 * np.sin(xx / 4.0) - 0.6 * np.cos(yy / 3.0) + rng.normal(0, 0.4, (H, W)) + 5.0
a = np.round(a, 6)
b = np.round(b, 6)
a[rng.random((H, W)) < 0.08] = np.nan
b[rng.random((H, W)) < 0.08] = np.nan
a[0:3, 0:4] = np.nan                       # a corner with no data at all
b[10:13, 15:18] = 7.25                     # constant patch in b


def brute(k):
    h = k // 2
    r = np.full((H, W), np.nan)
    p = np.full((H, W), np.nan)
    n = np.zeros((H, W), dtype=int)
    for i in range(H):
        for j in range(W):
            wa = a[max(0, i - h):i + h + 1, max(0, j - h):j + h + 1].ravel()
            wb = b[max(0, i - h):i + h + 1, max(0, j - h):j + h + 1].ravel()
            ok = ~np.isnan(wa) & ~np.isnan(wb)
            n[i, j] = ok.sum()
            if ok.sum() >= 3 and np.ptp(wa[ok]) > 0 and np.ptp(wb[ok]) > 0:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    res = stats.pearsonr(wa[ok], wb[ok])
                r[i, j], p[i, j] = res[0], res[1]
    return r, p, n


def tolist(m):
    return [None if np.isnan(v) else float(v) for v in np.asarray(m, dtype=float).ravel()]


out = {"scipy_version": scipy.__version__, "width": W, "height": H, "a": tolist(a), "b": tolist(b), "windows": {}}
for k in (3, 7):
    r, p, n = brute(k)
    out["windows"][str(k)] = {"r": tolist(r), "p": tolist(p), "n": [int(v) for v in n.ravel()]}
with open("local_correlation.json", "w") as f:
    json.dump(out, f, indent=1)
print("ok", scipy.__version__)
