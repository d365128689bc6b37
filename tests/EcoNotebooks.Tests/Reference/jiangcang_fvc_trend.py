"""Reference values for the Jiangcang FVC and trend pipeline tests, independent of the C# code.

Reads the committed synthetic sample (data-samples/jiangcang) with GDAL. The NDVI of each year comes from the
Sentinel-2 L2A products under sentinel2/: reflectance = (DN + BOA_ADD_OFFSET) / BOA_QUANTIFICATION_VALUE parsed from
each MTD_MSIL2A.xml (offset 0 when the list is absent), DN 0 = no data, the 20 m SCL repeated 2 x 2 onto the 10 m grid,
clear = SCL 4, 5, 6; per pixel the largest NDVI over the clear August scenes of the year (max-NDVI composite); float32
reflectance and NDVI as the C# reader stores them. (A folder with ndvi_YYYY.tif instead is read directly.) Then the
dimidiate-pixel FVC with the 5 %/95 % NDVI percentiles of each year (numpy's linear percentile = R type 7), the mean FVC (%) per region, and the
2021-2024 Sen slope + Mann-Kendall trend class of every pixel (tie-corrected variance; with and without the +-1
continuity correction), then counts the pixels per class in Pits 4 and 5.
Run from the repository root with Debian's python (numpy + GDAL):
  /usr/bin/python3 tests/EcoNotebooks.Tests/Reference/jiangcang_fvc_trend.py > tests/EcoNotebooks.Tests/Reference/jiangcang_fvc_trend.json
"""
import glob
import json
import os
import xml.etree.ElementTree as ET
import numpy as np
from osgeo import gdal

D = "data-samples/jiangcang/"
years = [2020, 2021, 2022, 2023, 2024]
regions = gdal.Open(D + "regions.tif").ReadAsArray().astype(int)
names = {1: "Pit4", 2: "Pit5", 3: "Pit2SouthDump", 4: "Background"}
fvc = {}
means = {}


def mtd(folder):
    root = ET.parse(os.path.join(folder, "MTD_MSIL2A.xml")).getroot()
    q = float(next(e.text for e in root.iter() if e.tag.endswith("BOA_QUANTIFICATION_VALUE")))
    offs = [float(e.text) for e in root.iter() if e.tag.endswith("BOA_ADD_OFFSET")]
    return q, (offs[0] if offs else 0.0)


def s2_ndvi(year):
    scenes = []
    for folder in sorted(glob.glob(D + f"sentinel2/*_MSIL2A_{year}08*")):
        q, off = mtd(folder)
        band = lambda b: glob.glob(os.path.join(folder, f"*_{b}_*m.tif"))[0]
        refl = []
        for b in ("B04", "B08"):
            dn = gdal.Open(band(b)).ReadAsArray().astype(np.float64)
            r = ((dn + off) / q).astype(np.float32).astype(np.float64)
            r[dn == 0] = np.nan
            refl.append(r)
        scl = np.repeat(np.repeat(gdal.Open(band("SCL")).ReadAsArray(), 2, axis=0), 2, axis=1)
        red, nir = refl
        ndvi = ((nir - red) / (nir + red)).astype(np.float32).astype(np.float64)
        ndvi[~np.isin(scl, [4, 5, 6]) | np.isnan(red) | np.isnan(nir)] = np.nan
        scenes.append(ndvi)
    assert scenes, f"no August products for {year}"
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return np.nanmax(np.stack(scenes), axis=0)


for y in years:
    if os.path.isdir(D + "sentinel2"):
        a = s2_ndvi(y)
    else:
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
