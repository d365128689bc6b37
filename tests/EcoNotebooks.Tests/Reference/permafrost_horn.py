#!/usr/bin/python3
"""Reference slope/aspect for EcoNotebooks.Permafrost.Spatial.Terrain (Horn 1981) from GDAL's gdaldem.

Run with Debian's python (GDAL 3.6): /usr/bin/python3 permafrost_horn.py > permafrost_horn.json
The DEM is 9 columns x 7 rows, 30 m pixels, EPSG:32648, z = 2300 + 0.8*x_m - 0.3*y_m + 40*sin(x_m/50)*cos(y_m/70)
(x_m, y_m: pixel-centre offsets from the upper-left corner in metres, y_m growing southwards), with a flat 3x3 patch
of 2500 m around pixel (col 6, row 4) so one interior pixel is exactly flat.
"""
import json, math, os, tempfile
import numpy as np
from osgeo import gdal, osr

W, H, PX = 9, 7, 30.0
z = np.zeros((H, W))
for r in range(H):
    for c in range(W):
        x = (c + 0.5) * PX
        y = (r + 0.5) * PX
        z[r, c] = 2300 + 0.8 * x - 0.3 * y + 40 * math.sin(x / 50) * math.cos(y / 70)
z[3:6, 5:8] = 2500.0

tmp = tempfile.mkdtemp()
src = os.path.join(tmp, "dem.tif")
drv = gdal.GetDriverByName("GTiff")
ds = drv.Create(src, W, H, 1, gdal.GDT_Float64)
ds.SetGeoTransform((500000.0, PX, 0, 4000000.0, 0, -PX))
srs = osr.SpatialReference(); srs.ImportFromEPSG(32648)
ds.SetProjection(srs.ExportToWkt())
ds.GetRasterBand(1).WriteArray(z)
ds = None

def run(kind):
    out = os.path.join(tmp, kind + ".tif")
    gdal.DEMProcessing(out, src, kind, alg="Horn", computeEdges=False)
    d = gdal.Open(out)
    b = d.GetRasterBand(1)
    a = b.ReadAsArray().astype(float)
    nd = b.GetNoDataValue()
    return [[None if (nd is not None and v == nd) else float(v) for v in row] for row in a]

print(json.dumps({
    "width": W, "height": H, "pixel_size": PX, "origin": [500000.0, 4000000.0], "epsg": 32648,
    "dem": z.tolist(),
    "slope_deg": run("slope"),
    "aspect_deg": run("aspect"),
    "gdal_version": gdal.__version__,
}, indent=1))
