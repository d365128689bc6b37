"""Reference values for the Jiangcang FVC and trend pipeline tests, independent of the C# code.

Reads the committed synthetic sample (data-samples/jiangcang) with GDAL, computes the dimidiate-pixel FVC with the
5 %/95 % NDVI percentiles of each year (numpy's linear percentile = R type 7), the mean FVC (%) per region, and the
2021-2024 Sen slope + Mann-Kendall trend class of every pixel (tie-corrected variance; with and without the +-1
continuity correction), then counts the pixels per class in Pits 4 and 5.
Run from the repository root with Debian's python (numpy + GDAL):
  /usr/bin/python3 tests/EcoNotebooks.Tests/Reference/jiangcang_fvc_trend.py > tests/EcoNotebooks.Tests/Reference/jiangcang_fvc_trend.json
"""
import json
import numpy as np
from osgeo import gdal

D = "data-samples/jiangcang/"
years = [2020, 2021, 2022, 2023, 2024]
regions = gdal.Open(D + "regions.tif").ReadAsArray().astype(int)
names = {1: "Pit4", 2: "Pit5", 3: "Pit2SouthDump", 4: "Background"}
fvc = {}
means = {}
for y in years:
    ds = gdal.Open(D + f"ndvi_{y}.tif")
    b = ds.GetRasterBand(1)
    a = b.ReadAsArray().astype(np.float64)
    nd = b.GetNoDataValue()
    a[(a == nd) | np.isnan(a)] = np.nan
    lo, hi = np.percentile(a[~np.isnan(a)], [5, 95])
    f = np.clip((a - lo) / (hi - lo), 0, 1).astype(np.float32).astype(np.float64)
    fvc[y] = f
    means[str(y)] = {names[k]: float(np.nanmean(f[regions == k]) * 100) for k in names}
    means[str(y)]["WholeArea"] = float(np.nanmean(f) * 100)

# Trend 2021-2024 (FVC in %).
x = np.stack([fvc[y] * 100 for y in [2021, 2022, 2023, 2024]], axis=-1)
n = x.shape[-1]
s = np.zeros(x.shape[:2])
slopes = []
for i in range(n - 1):
    for j in range(i + 1, n):
        s += np.sign(x[..., j] - x[..., i])
        slopes.append((x[..., j] - x[..., i]) / (j - i))
beta = np.median(np.stack(slopes, axis=-1), axis=-1)
# tie-corrected variance
srt = np.sort(x, axis=-1)
tie = np.zeros(x.shape[:2])
run = np.ones(x.shape[:2])
for k in range(1, n + 1):
    same = (srt[..., k] == srt[..., k - 1]) if k < n else np.zeros(x.shape[:2], bool)
    end = ~same
    tie += np.where(end & (run > 1), run * (run - 1) * (2 * run + 5), 0)
    run = np.where(same, run + 1, 1)
var = (n * (n - 1) * (2 * n + 5) - tie) / 18.0
out = {"region_means": means, "trend": {}}
for cc in (True, False):
    c = 1.0 if cc else 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(s > 0, (s - c) / np.sqrt(var), np.where(s < 0, (s + c) / np.sqrt(var), 0.0))
    az = np.abs(z)
    cls = np.where(beta == 0, 4,
          np.where(beta > 0, np.where(az >= 1.96, 7, np.where(az >= 1.645, 6, 5)),
                             np.where(az >= 1.96, 1, np.where(az >= 1.645, 2, 3))))
    key = "corrected" if cc else "uncorrected"
    out["trend"][key] = {}
    for k, name in [(1, "Pit4"), (2, "Pit5")]:
        m = regions == k
        out["trend"][key][name] = {str(code): int(np.sum(cls[m] == code)) for code in range(1, 8)}
print(json.dumps(out, indent=1))
