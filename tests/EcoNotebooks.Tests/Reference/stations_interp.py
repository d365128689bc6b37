# Reference values for EcoNotebooks.Interpolation (run with Debian's /usr/bin/python3: numpy, scipy).
# Writes stations_interp.csv (inputs, deterministic) and prints stations_interp.json:
#  - thin-plate spline with elevation covariate: explicit (K + n*lam*I) w + T a = z, T^T w = 0 system, GCV by the
#    explicit influence matrix A (columns = solutions for unit vectors), minimised by scipy.optimize.minimize_scalar
#    on log(lam); predictions at the targets.
#  - the same without covariates at fixed lam vs scipy RBFInterpolator(thin_plate_spline, degree=1, smoothing=8*pi*n*lam).
import json, math
import numpy as np
from scipy.optimize import minimize_scalar
from scipy.interpolate import RBFInterpolator

rng = np.random.default_rng(20260525)
n = 40
x = 600000 + rng.uniform(0, 50000, n)
y = 3990000 + rng.uniform(0, 40000, n)
elev = 800 + rng.uniform(0, 1500, n)
value = 25 - 0.0065 * elev + 2e-5 * (x - 600000) - 1e-5 * (y - 3990000) + 0.8 * np.sin((x - 600000) / 9000) * np.cos((y - 3990000) / 7000) + rng.normal(0, 0.15, n)
with open("stations_interp.csv", "w") as f:
    f.write("station,x,y,elevation,date,value\n")
    for i in range(n):
        f.write(f"S{i:02d},{x[i]!r},{y[i]!r},{elev[i]!r},2020-07-15,{value[i]!r}\n")
tx = np.array([605000.0, 620000.0, 641234.5, 630000.0, 612345.0])
ty = np.array([3995000.0, 4010000.0, 4025000.0, 3992000.0, 4021000.0])
txk, tyk = tx / 1000, ty / 1000
te = np.array([900.0, 1500.0, 2100.0, 1200.0, 1750.0])

def E(r):
    with np.errstate(divide="ignore", invalid="ignore"):
        v = r * r * np.log(r) / (8 * math.pi)
    return np.where(r > 0, v, 0.0)

# The spline is fitted in kilometres (x/1000, y/1000): the explicit influence matrix is too ill-conditioned in metres.
# (In metres the same spline has lambda_m = lambda_km * 1e6.)
xk, yk = x / 1000, y / 1000
cx, cy = xk.mean(), yk.mean()
xs, ys = xk - cx, yk - cy
D = np.hypot(xs[:, None] - xs[None, :], ys[:, None] - ys[None, :])
K = E(D)

def system(T, lam):
    m = T.shape[1]
    A = np.zeros((n + m, n + m))
    A[:n, :n] = K + n * lam * np.eye(n)
    A[:n, n:] = T
    A[n:, :n] = T.T
    return A

def solve(T, z, lam):
    A = system(T, lam)
    sol = np.linalg.solve(A, np.concatenate([z, np.zeros(T.shape[1])]))
    return sol[:n], sol[n:]

def gcv(T, loglam):
    lam = math.exp(loglam)
    A = system(T, lam)
    rhs = np.vstack([np.eye(n), np.zeros((T.shape[1], n))])
    S = np.linalg.solve(A, rhs)
    Ainf = K @ S[:n] + T @ S[n:]          # influence matrix: fitted = Ainf @ z
    r = (np.eye(n) - Ainf) @ value
    return n * (r @ r) / np.trace(np.eye(n) - Ainf) ** 2

def predict(T_row_fn, w, a, px, py, cov):
    out = []
    for k in range(len(px)):
        r = np.hypot(px[k] - cx - xs, py[k] - cy - ys)
        out.append(float(E(r) @ w + T_row_fn(px[k] - cx, py[k] - cy, cov[k]) @ a))
    return out

T1 = np.column_stack([np.ones(n), xs, ys, elev])
grid = np.linspace(math.log(1e-12), math.log(1e3), 301)
vals = [gcv(T1, g) for g in grid]
k = int(np.argmin(vals))
res = minimize_scalar(lambda g: gcv(T1, g), bracket=(grid[max(k - 1, 0)], grid[k], grid[min(k + 1, 300)]), tol=1e-12)
lam_gcv = math.exp(res.x)
w, a = solve(T1, value, lam_gcv)
pred_gcv = predict(lambda px, py, e: np.array([1, px, py, e]), w, a, txk, tyk, te)

# fixed lambda, no covariate: ours vs scipy RBFInterpolator
T0 = np.column_stack([np.ones(n), xs, ys])
lam_fixed = 1e-3
w0, a0 = solve(T0, value, lam_fixed)
pred_fixed = predict(lambda px, py, e: np.array([1, px, py]), w0, a0, txk, tyk, te)
rbf = RBFInterpolator(np.column_stack([xk, yk]), value, kernel="thin_plate_spline", degree=1, smoothing=8 * math.pi * n * lam_fixed)
pred_scipy = rbf(np.column_stack([txk, tyk])).tolist()

print(json.dumps({
    "targets": {"x": tx.tolist(), "y": ty.tolist(), "elevation": te.tolist()},
    "tps_gcv": {"lambda_km": lam_gcv, "gcv": float(res.fun), "elevation_coefficient": float(a[3]), "predictions": pred_gcv},
    "tps_fixed_no_covariate": {"lambda_km": lam_fixed, "predictions": pred_fixed, "scipy_rbf_predictions": pred_scipy},
}, indent=1))
