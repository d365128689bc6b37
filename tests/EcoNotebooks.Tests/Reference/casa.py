#!/usr/bin/python3
"""Independent reference values for the CASA formulas (Potter et al. 1993; Zhu et al. 2006), written from the papers'
equations without looking at the C# code. Run: /usr/bin/python3 casa.py > casa.json"""
import json, math

def sr(n): return (1 + n) / (1 - n)
def fpar(n, nmin, nmax, fmin=0.001, fmax=0.95, a=0.5):
    fn = min(max((n - nmin) / (nmax - nmin) * (fmax - fmin) + fmin, fmin), fmax)
    fs = min(max((sr(n) - sr(nmin)) / (sr(nmax) - sr(nmin)) * (fmax - fmin) + fmin, fmin), fmax)
    return min(max(a * fn + (1 - a) * fs, fmin), fmax)
def te1(topt): return 0.8 + 0.02 * topt - 0.0005 * topt ** 2
def te2(t, topt): return 1.1814 / (1 + math.exp(0.2 * (topt - 10 - t))) / (1 + math.exp(0.3 * (-topt - 10 + t)))
def eet(p, rn): return p * rn * (p * p + rn * rn + p * rn) / ((p + rn) * (p * p + rn * rn))
def thorn(t, I):
    if t <= 0: return 0.0
    a = 6.75e-7 * I ** 3 - 7.71e-5 * I ** 2 + 1.792e-2 * I + 0.49239
    return 16 * (10 * t / I) ** a
temps = [-6.1, -2.8, 3.9, 11.2, 16.8, 21.0, 23.4, 22.0, 16.9, 11.0, 3.7, -3.2]
I = sum((t / 5) ** 1.514 for t in temps if t > 0)
cases = []
for (ndvi, nmin, nmax, t, topt, p, sol, emax) in [
    (0.62, 0.08, 0.86, 21.0, 23.4, 95.0, 560.0, 0.542),
    (0.35, 0.05, 0.80, 11.2, 22.0, 30.0, 420.0, 0.692),
    (0.90, 0.10, 0.85, 23.4, 23.4, 140.0, 600.0, 0.389),
    (0.02, 0.05, 0.80, 3.9, 21.0, 12.0, 300.0, 0.542)]:
    f = fpar(ndvi, nmin, nmax)
    apar = sol * f * 0.5
    rn = 0.6 * sol / 2.45
    e = eet(p, rn)
    pet = 0.5 * (e + thorn(t, I))
    w = 0.5 + 0.5 * min(max(e / pet, 0), 1) if pet > 0 else 1.0
    eps = emax * te1(topt) * te2(t, topt) * w
    cases.append(dict(ndvi=ndvi, ndvi_min=nmin, ndvi_max=nmax, t=t, topt=topt, p=p, sol=sol, emax=emax,
                      fpar=f, apar=apar, eet=e, pet0=thorn(t, I), pet=pet, w=w, te1=te1(topt), te2=te2(t, topt), eps=eps, npp=apar * eps))
print(json.dumps(dict(heat_index=I, temps=temps, cases=cases), indent=1))
