#!/usr/bin/python3
"""numpy peer of the resilience composite: the same 17 tiled GeoTIFFs, min-max normalised by direction, weighted
sum, classified with the Lingbei breaks (left-closed), streamed in rows of tiles through GDAL, outputs written as tiled
DEFLATE GeoTIFFs. Prints one JSON line like econb-bench. Usage: composite.py STACK_DIR OUT_DIR"""
import json, os, sys, time
import numpy as np
from osgeo import gdal

gdal.UseExceptions()
stack, out = sys.argv[1], sys.argv[2]
meta = json.load(open(os.path.join(stack, "meta.json")))
count = meta["count"]
w = np.array(meta["weights"], dtype=np.float64)
pos = [d == "positive" for d in meta["directions"]]
breaks = np.array(meta["breaks"], dtype=np.float64)
os.makedirs(out, exist_ok=True)

t0 = time.perf_counter(); c0 = time.process_time()
ds = [gdal.Open(os.path.join(stack, "ind%02d.tif" % (j + 1))) for j in range(count)]
bands = [d.GetRasterBand(1) for d in ds]
nd = [b.GetNoDataValue() for b in bands]
W, H = ds[0].RasterXSize, ds[0].RasterYSize
bh = bands[0].GetBlockSize()[1]

def strip(j, y0, rows):
    a = bands[j].ReadAsArray(0, y0, W, rows).astype(np.float64)
    if nd[j] is not None:
        a[a == nd[j]] = np.nan
    return a

# pass 1: min and max of every indicator over its valid pixels
lo = np.full(count, np.inf); hi = np.full(count, -np.inf)
for j in range(count):
    for y0 in range(0, H, bh):
        a = strip(j, y0, min(bh, H - y0))
        lo[j] = min(lo[j], np.nanmin(a)); hi[j] = max(hi[j], np.nanmax(a))

drv = gdal.GetDriverByName("GTiff")
opts = ["TILED=YES", "BLOCKXSIZE=%d" % bh, "BLOCKYSIZE=%d" % bh, "COMPRESS=DEFLATE"]
oi = drv.Create(os.path.join(out, "resilience_index_np.tif"), W, H, 1, gdal.GDT_Float32, opts)
oc = drv.Create(os.path.join(out, "resilience_class_np.tif"), W, H, 1, gdal.GDT_Byte, opts)
for o in (oi, oc):
    o.SetGeoTransform(ds[0].GetGeoTransform()); o.SetProjection(ds[0].GetProjection())
oi.GetRasterBand(1).SetNoDataValue(float("nan")); oc.GetRasterBand(1).SetNoDataValue(0)

valid = 0; total = 0.0; counts = np.zeros(len(breaks) + 2, dtype=np.int64)
for y0 in range(0, H, bh):
    rows = min(bh, H - y0)
    acc = np.zeros((rows, W))
    for j in range(count):
        a = strip(j, y0, rows)
        span = hi[j] - lo[j]
        if not span > 0:
            acc += w[j] * np.where(np.isnan(a), np.nan, 0.0)
        elif pos[j]:
            acc += w[j] * ((a - lo[j]) / span)
        else:
            acc += w[j] * ((hi[j] - a) / span)
    cls = np.digitize(acc, breaks).astype(np.uint8) + 1
    cls[np.isnan(acc)] = 0
    oi.GetRasterBand(1).WriteArray(acc.astype(np.float32), 0, y0)
    oc.GetRasterBand(1).WriteArray(cls, 0, y0)
    counts += np.bincount(cls.ravel(), minlength=len(counts))
    ok = ~np.isnan(acc); valid += int(ok.sum()); total += float(acc[ok].sum())
oi = None; oc = None
secs = time.perf_counter() - t0; cpu = time.process_time() - c0
print(json.dumps({"workload": "composite", "seconds": secs, "cpu_seconds": cpu, "pixels": W * H, "mpix_per_s": W * H / 1e6 / secs,
                  "valid": valid, "mean_index": total / valid, "class_counts": counts.tolist(),
                  "min0": float(lo[0]), "max0": float(hi[0])}))
