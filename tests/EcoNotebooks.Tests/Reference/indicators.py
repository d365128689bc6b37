#!/usr/bin/python3
"""Reference values for tests/EcoNotebooks.Tests/Indicators (Lingbei indicator library).

Independent numpy/scipy implementations of every indicator formula on small constructed inputs.
Run:  /usr/bin/python3 indicators.py > indicators.json   (numpy, scipy from Debian 12)
All inputs are defined here (seeded) and written into the JSON so the C# tests read the same inputs.
"""
import json
import math
import numpy as np
from scipy import ndimage

out = {}

# ---------------------------------------------------------------- spectral (reflectances 0-1)
# order: blue, green, red, nir, swir1, swir2
pixels = [
    [0.045, 0.071, 0.062, 0.318, 0.172, 0.089],   # vegetation
    [0.112, 0.141, 0.168, 0.215, 0.284, 0.231],   # bare red soil / tailings
    [0.061, 0.078, 0.055, 0.031, 0.012, 0.008],   # water
]
tm_b = [0.3037, 0.2793, 0.4743, 0.5585, 0.5082, 0.1863]
oli_b = [0.3029, 0.2786, 0.4733, 0.5599, 0.508, 0.1872]
tm_w85 = [0.0315, 0.2021, 0.3102, 0.1594, -0.6806, -0.6109]
tm_w84 = [0.1509, 0.1973, 0.3279, 0.3406, -0.7112, -0.4572]
oli_w = [0.1511, 0.1973, 0.3283, 0.3407, -0.7117, -0.4559]
red_min, nir_min = 0.021, 0.013
spec = []
for b, g, r, n, s1, s2 in pixels:
    x = np.array([b, g, r, n, s1, s2])
    si = ((s1 + r) - (n + b)) / ((s1 + r) + (n + b))
    t1 = 2 * s1 / (s1 + n); t2 = n / (n + r) + g / (g + s1)
    ibi = (t1 - t2) / (t1 + t2)
    spec.append(dict(
        bands=[b, g, r, n, s1, s2],
        albedo=(0.356 * b + 0.130 * r + 0.373 * n + 0.085 * s1 + 0.072 * s2 - 0.0018) / (0.356 + 0.130 + 0.373 + 0.085 + 0.072),
        ndvi=(n - r) / (n + r),
        ndmvi=((n - nir_min) - (r - red_min)) / ((n - nir_min) + (r - red_min)),
        brightness_tm=float(np.dot(tm_b, x)), brightness_oli=float(np.dot(oli_b, x)),
        wetness_tm_crist1985=float(np.dot(tm_w85, x)), wetness_tm_cristcicone1984=float(np.dot(tm_w84, x)),
        wetness_oli=float(np.dot(oli_w, x)), si=si, ibi=ibi, ndbsi=(si + ibi) / 2))
out["spectral"] = dict(red_min=red_min, nir_min=nir_min, pixels=spec)

# ---------------------------------------------------------------- FVC (dimidiate pixel model)
rng = np.random.default_rng(20240601)
ndvi = np.round(rng.uniform(-0.1, 0.85, 48), 4)
ndvi[[5, 17]] = np.nan
valid = ndvi[~np.isnan(ndvi)]
s0, s1 = np.percentile(valid, 5), np.percentile(valid, 95)   # numpy default = linear = R type 7
fvc = np.clip((ndvi - s0) / (s1 - s0), 0, 1)
out["fvc"] = dict(width=8, height=6, ndvi=[None if math.isnan(v) else v for v in ndvi],
                  soil=s0, veg=s1, fvc=[None if math.isnan(v) else v for v in fvc])

# ---------------------------------------------------------------- DDI (albedo-NDVI feature space)
n_px = 30
nd = np.round(rng.uniform(0.05, 0.8, n_px), 4)
al = np.round(0.32 - 0.28 * nd + rng.normal(0, 0.015, n_px), 4)
N = (nd - nd.min()) / (nd.max() - nd.min())
A = (al - al.min()) / (al.max() - al.min())
a, b = np.polyfit(N, A, 1)
k = -1 / a
ddi = k * N - A
r2 = np.corrcoef(N, A)[0, 1] ** 2
# un-normalised fit as well
a_raw, b_raw = np.polyfit(nd, al, 1)
out["ddi"] = dict(width=6, height=5, ndvi=nd.tolist(), albedo=al.tolist(), slope=a, intercept=b, k=k, r2=r2,
                  ddi=ddi.tolist(), slope_raw=a_raw, intercept_raw=b_raw)

# ---------------------------------------------------------------- RUSLE factors
monthly = [
    [52.1, 98.4, 181.3, 233.0, 291.7, 310.2, 158.6, 170.4, 96.2, 48.8, 44.1, 35.0],   # Dingnan-like wet year
    [20.0, 30.0, 60.0, 120.0, 180.0, 200.0, 140.0, 150.0, 80.0, 40.0, 25.0, 15.0],
    [0, 0, 0, 100.0, 0, 0, 0, 0, 0, 0, 0, 0],
]
def r_ws(p):
    p = np.asarray(p, float); P = p.sum(); q = p[p > 0]
    return 17.02 * np.sum(1.735 * 10 ** (1.5 * np.log10(q ** 2 / P) - 0.8188))
def mfi(p):
    p = np.asarray(p, float); return np.sum(p ** 2) / p.sum()
textures = [[40.0, 40.0, 20.0, 1.5], [65.0, 20.0, 15.0, 0.8], [20.0, 35.0, 45.0, 2.5], [90.0, 5.0, 5.0, 0.2]]
def k_epic(san, sil, cla, c):
    sn1 = 1 - san / 100
    k = (0.2 + 0.3 * math.exp(-0.0256 * san * (1 - sil / 100))) * (sil / (cla + sil)) ** 0.3 \
        * (1 - 0.25 * c / (c + math.exp(3.72 - 2.95 * c))) * (1 - 0.7 * sn1 / (sn1 + math.exp(-5.51 + 22.9 * sn1)))
    return k
fvcs = [0.0, 0.0005, 0.001, 0.01, 0.1, 0.3, 0.5, 0.783, 0.7831, 0.9, 1.0]
def c_cai(f):
    f = f * 100
    if f == 0: return 1.0
    if f > 78.3: return 0.0
    return min(1.0, max(0.0, 0.6508 - 0.3436 * math.log10(f)))
out["rusle"] = dict(
    monthly=monthly, r=[r_ws(p) for p in monthly], mfi=[mfi(p) for p in monthly],
    textures=textures, k_us=[k_epic(*t) for t in textures], k_si=[0.1317 * k_epic(*t) for t in textures],
    fvc=fvcs, c=[c_cai(f) for f in fvcs])

# ---------------------------------------------------------------- terrain: Horn slope, D8 accumulation, LS
def pad(z):
    """One-cell border by linear extrapolation along rows, then along columns (replicate when no second cell)."""
    h, w = z.shape
    p = np.full((h + 2, w + 2), np.nan)
    p[1:-1, 1:-1] = z
    ext = lambda e, i: e if np.isnan(i) else 2 * e - i
    for r in range(h):
        p[r + 1, 0] = ext(z[r, 0], z[r, 1] if w > 1 else np.nan)
        p[r + 1, -1] = ext(z[r, -1], z[r, -2] if w > 1 else np.nan)
    for c in range(w + 2):
        p[0, c] = ext(p[1, c], p[2, c] if h > 1 else np.nan)
        p[-1, c] = ext(p[-2, c], p[-3, c] if h > 1 else np.nan)
    return p
def horn(z, cs):
    h, w = z.shape
    gx = np.full(z.shape, np.nan); gy = np.full(z.shape, np.nan)
    p = pad(z)
    for r in range(h):
        for c in range(w):
            if np.isnan(z[r, c]): continue
            nb = np.empty((3, 3))
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    v = p[r + 1 + dr, c + 1 + dc]
                    if np.isnan(v):
                        o = p[r + 1 - dr, c + 1 - dc]
                        v = z[r, c] if np.isnan(o) else 2 * z[r, c] - o
                    nb[dr + 1, dc + 1] = v
            gx[r, c] = ((nb[0, 2] + 2 * nb[1, 2] + nb[2, 2]) - (nb[0, 0] + 2 * nb[1, 0] + nb[2, 0])) / (8 * cs)
            gy[r, c] = ((nb[0, 0] + 2 * nb[0, 1] + nb[0, 2]) - (nb[2, 0] + 2 * nb[2, 1] + nb[2, 2])) / (8 * cs)
    return gx, gy
D8 = [(-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1)]
def d8acc(z, cs):
    h, w = z.shape
    rec = {}
    for r in range(h):
        for c in range(w):
            if np.isnan(z[r, c]): continue
            best, bi = 0.0, None
            for k, (dr, dc) in enumerate(D8):
                rr, cc = r + dr, c + dc
                if not (0 <= rr < h and 0 <= cc < w) or np.isnan(z[rr, cc]): continue
                d = cs * (math.sqrt(2) if dr and dc else 1)
                drop = (z[r, c] - z[rr, cc]) / d
                if drop > best: best, bi = drop, (rr, cc)
            rec[(r, c)] = bi
    acc = np.full(z.shape, np.nan)
    # brute force: acc = number of cells whose downstream path passes through the cell
    for r in range(h):
        for c in range(w):
            if np.isnan(z[r, c]): continue
            acc[r, c] = acc[r, c] if not np.isnan(acc[r, c]) else 0
    for (r, c) in rec:
        p = (r, c)
        while p is not None:
            acc[p] += 1
            p = rec[p]
    return acc
def mccool_m(t):
    s = math.sin(t); beta = (s / 0.0896) / (3 * s ** 0.8 + 0.56); return beta / (1 + beta)
def s_liu(t):
    s = math.sin(t)
    if t < math.radians(5): return 10.8 * s + 0.03
    if t < math.radians(10): return 16.8 * s - 0.5
    return 21.91 * s - 0.96
def ls_maps(z, cs):
    gx, gy = horn(z, cs); acc = d8acc(z, cs)
    g = np.sqrt(gx ** 2 + gy ** 2); th = np.arctan(g)
    dg = np.full(z.shape, np.nan); mb = np.full(z.shape, np.nan)
    for idx in np.ndindex(z.shape):
        if np.isnan(z[idx]): continue
        t = th[idx]; m = mccool_m(t)
        x = (abs(gx[idx]) + abs(gy[idx])) / g[idx] if g[idx] > 0 else 1.0
        ain = (acc[idx] - 1) * cs * cs
        L = ((ain + cs * cs) ** (m + 1) - ain ** (m + 1)) / (cs ** (m + 2) * x ** m * 22.13 ** m)
        dg[idx] = L * s_liu(t)
        mb[idx] = (acc[idx] * cs / 22.13) ** 0.4 * (math.sin(t) / 0.0896) ** 1.3
    return np.degrees(th), acc, dg, mb
# a) a plane dipping south at 12 % (tan), 30 m cells, 7 x 6
cs = 30.0
h, w = 7, 6
tan = 0.12
plane = np.array([[500.0 - r * cs * tan for c in range(w)] for r in range(h)])
sl, acc, dg, mb = ls_maps(plane, cs)
out["terrain_plane"] = dict(width=w, height=h, cell=cs, dem=plane.ravel().tolist(), slope_deg=sl.ravel().tolist(),
                            acc=acc.ravel().tolist(), ls_dg=dg.ravel().tolist(), ls_mb=mb.ravel().tolist())
# b) a small bumpy DEM with one missing cell
h, w = 6, 7
zz = np.round(300 + 25 * rng.random((h, w)) + np.add.outer(np.arange(h) * -4.0, np.arange(w) * 2.5), 2)
zz[2, 3] = np.nan
sl, acc, dg, mb = ls_maps(zz, cs)
nn = lambda a: [None if math.isnan(v) else v for v in a.ravel()]
out["terrain_bumpy"] = dict(width=w, height=h, cell=cs, dem=nn(zz), slope_deg=nn(sl), acc=nn(acc), ls_dg=nn(dg), ls_mb=nn(mb))

# c) GDAL's own Horn slope (gdaldem slope, degrees) of the bumpy DEM without the hole: interior pixels are an
#    independent reference (GDAL leaves the border nodata unless -compute_edges, which uses a different edge rule).
from osgeo import gdal
zg = np.round(300 + 25 * np.random.default_rng(77).random((6, 7)) + np.add.outer(np.arange(6) * -4.0, np.arange(7) * 2.5), 2)
drv = gdal.GetDriverByName("MEM")
ds = drv.Create("", 7, 6, 1, gdal.GDT_Float64)
ds.SetGeoTransform([300000, 30, 0, 2770000, 0, -30])
ds.GetRasterBand(1).WriteArray(zg)
sl_ds = gdal.DEMProcessing("", ds, "slope", format="MEM", alg="Horn")
gs = sl_ds.GetRasterBand(1).ReadAsArray().astype(float)
nd = sl_ds.GetRasterBand(1).GetNoDataValue()
gs[gs == nd] = np.nan
out["terrain_gdal"] = dict(width=7, height=6, cell=30.0, dem=zg.ravel().tolist(), gdal_version=gdal.__version__,
                           gdaldem_slope_deg=nn(gs))

# ---------------------------------------------------------------- LST (radiative transfer equation)
def planck(T, K1, K2): return K1 / (np.exp(K2 / T) - 1)
def eps_sobrino(v, es=0.97, ev=0.99, n0=0.2, n1=0.5, F=0.55):
    if v < n0: return es
    if v > n1: return ev
    pv = ((v - n0) / (n1 - n0)) ** 2
    return ev * pv + es * (1 - pv) + (1 - es) * (1 - pv) * F * ev
atm = dict(tau=0.82, up=1.35, down=2.21)
lst = []
for sensor, K1, K2 in [("LandsatTM", 607.76, 1260.56), ("LandsatOli", 774.8853, 1321.0789)]:
    for Ts, ndvi_ in [(295.15, 0.65), (305.4, 0.35), (318.0, 0.1)]:
        e = eps_sobrino(ndvi_)
        L = (e * planck(Ts, K1, K2) + (1 - e) * atm["down"]) * atm["tau"] + atm["up"]
        lst.append(dict(sensor=sensor, ts=Ts, ndvi=ndvi_, emissivity=e, radiance=float(L),
                        bt=float(K2 / np.log(K1 / L + 1))))
out["lst"] = dict(atmosphere=atm, cases=lst)

# ---------------------------------------------------------------- VHI
nd_years = np.array([[0.62, 0.55, 0.71], [0.30, 0.18, 0.25], [0.5, 0.5, 0.5]])   # pixel x year
t_years = np.array([[301.0, 303.5, 299.0], [312.0, 316.0, 309.5], [300.0, 305.0, 302.0]])
vhi = []
for p in range(3):
    for y in range(3):
        rn = nd_years[p].max() - nd_years[p].min(); rt = t_years[p].max() - t_years[p].min()
        vci = (nd_years[p, y] - nd_years[p].min()) / rn if rn > 0 else float("nan")
        tci = (t_years[p].max() - t_years[p, y]) / rt if rt > 0 else float("nan")
        vhi.append(dict(vci=vci, tci=tci, vhi=0.5 * vci + 0.5 * tci))
out["vhi"] = dict(ndvi=nd_years.tolist(), temperature=t_years.tolist(), values=[{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in d.items()} for d in vhi])

# ---------------------------------------------------------------- landscape metrics (brute force)
h, w = 11, 13
lc = rng.choice([1, 2, 4, 7, 8], size=(h, w), p=[0.2, 0.45, 0.15, 0.1, 0.1]).astype(float)
lc[3, 4] = np.nan; lc[9, 0] = np.nan
bai_w = {1: 0.11, 2: 0.35, 3: 0.35, 4: 0.21, 5: 0.28, 6: 0.01, 7: 0.01, 8: 0.04, 9: 0.28}
hai_w = {1: 0.6, 2: 0.1, 3: 0.2, 4: 0.3, 5: 0.1, 6: 0.0, 7: 0.8, 8: 1.0, 9: 0.1}
eco_w = {1: 6114.3, 2: 19334.0, 3: 19334.0, 4: 6406.5, 5: 40676.4, 6: 0.0, 7: 371.4, 8: 0.0, 9: 55489.0}
def metrics(block):
    v = block[~np.isnan(block)]
    if v.size == 0: return None
    cls, cnt = np.unique(v, return_counts=True)
    p = cnt / cnt.sum()
    shdi = float(-(p * np.log(p)).sum())
    bai = float(sum(bai_w[int(c)] * q for c, q in zip(cls, p)))
    hai = float(sum(hai_w[int(c)] * q for c, q in zip(cls, p)))
    eco = float(sum(eco_w[int(c)] * q for c, q in zip(cls, p)))
    # patches (8-connectivity) per class
    sizes = []
    for c in cls:
        lab, nlab = ndimage.label(block == c, structure=np.ones((3, 3)))
        sizes += list(np.bincount(lab.ravel())[1:])
    sizes = np.array(sizes, float)
    nf = len(sizes); amin = sizes.min(); ta = sizes.sum()
    mps = (ta / nf) / amin; nc = ta / amin
    fn = mps * (nf - 1) / nc
    return dict(shdi=shdi, bai=bai, hai=hai, eco=eco, fn=float(fn), patches=nf)
def window_maps(size, units):
    res = {k: np.full((h, w), np.nan) for k in ["shdi", "bai", "hai", "eco", "fn"]}
    half = size // 2
    for r in range(h):
        for c in range(w):
            if np.isnan(lc[r, c]): continue
            if units:
                r0, c0 = (r // size) * size, (c // size) * size
                blk = lc[r0:r0 + size, c0:c0 + size]
            else:
                blk = lc[max(0, r - half):r + half + 1, max(0, c - half):c + half + 1]
            m = metrics(blk)
            for k in res: res[k][r, c] = m[k]
    return {k: nn(v) for k, v in res.items()}
whole = metrics(lc)
out["landscape"] = dict(width=w, height=h, classes=nn(lc), window=5, moving=window_maps(5, False), unit=4,
                        units=window_maps(4, True), whole=whole)
# FN on a tiny hand-checkable map (4-connectivity and 8-connectivity patch counts)
tiny = np.array([[1, 2, 2, 3], [2, 1, 3, 3], [4, 4, 1, 1]])
for name, st in [("eight", np.ones((3, 3))), ("four", None)]:
    sizes = []
    for c in np.unique(tiny):
        lab, _ = ndimage.label(tiny == c, structure=st)
        sizes += list(np.bincount(lab.ravel())[1:])
    out.setdefault("fn_tiny", dict(map=tiny.ravel().tolist(), width=4, height=3))[name] = dict(patches=len(sizes), sizes=sorted(int(s) for s in sizes))

print(json.dumps(out, indent=1, allow_nan=False))
