using EcoNotebooks.Permafrost.Numerics;

namespace EcoNotebooks.Permafrost;

/// <summary>
/// The implicit enthalpy solver of 1D heat conduction with freezing and thawing, generic over the number type so that
/// the same code computes temperatures (<see cref="Real"/>) and their exact parameter derivatives (<see cref="Dual4"/>).
/// <para>
/// Equation (finite volumes, cell i of thickness hᵢ, enthalpy per volume Hᵢ in J m⁻³):
/// hᵢ (Hᵢⁿ⁺¹ − Hᵢⁿ)/Δt = Kᵢ₋½ (Tᵢ₋₁ − Tᵢ)ⁿ⁺¹ − Kᵢ₊½ (Tᵢ − Tᵢ₊₁)ⁿ⁺¹ + Sᵢ, with interface conductances
/// K = 1/(hᵢ/2kᵢ + R + hᵢ₊₁/2kᵢ₊₁) (series resistances, exact for layered media), the surface temperature applied
/// through hₒ/2kₒ plus the snow/surface resistance, and the geothermal flux entering the bottom cell. H(T) = L ρw θ + ∫_Tm^T C dT'
/// + L ρw (θu(T) − θ) (see <see cref="FreezingCurve"/>). Time stepping is backward Euler (unconditionally stable).
/// </para>
/// <para>
/// The nonlinear system is solved by the Swaminathan–Voller (1992) enthalpy linearisation: with C = dH/dT at the current
/// iterate (a very large value on the isothermal plateau), solve the tridiagonal system for the increment δ (Thomas
/// algorithm), set H ← H + C·δ, then T ← T(H). Each iterate satisfies the discrete energy balance exactly with the
/// temperatures T* = T + δ, so the column's energy is conserved to round-off at every step, whether or not the
/// iteration has fully converged; convergence is declared when max |T(H) − T*| &lt; tolerance.
/// </para>
/// No allocation happens in <see cref="Step"/>.
/// </summary>
/// <typeparam name="TS">Number type.</typeparam>
public sealed class HeatSolver<TS> where TS : struct, IScalar<TS>
{
    private readonly GroundColumnOptions _opt;
    private readonly int _n;
    private readonly double[] _h;
    private readonly int[] _layer;
    private readonly double[] _faceR;       // extra resistance at interior faces (index i: between cell i-1 and i), [0] = surface
    private readonly double[] _source;      // W m⁻² per cell (extractors)
    private readonly int[] _layerTopCell;
    // per layer
    private readonly int _nl;
    private readonly TS[] _lv, _cf, _ct, _kf, _kt;
    private readonly double[] _tm, _t0, _b, _conv;
    private readonly bool[] _power;
    private readonly bool[] _convActive;
    // per cell
    private readonly TS[] _H, _T, _phi, _C, _k, _K, _lo, _di, _up, _rhs;
    private readonly double[] _extractorShare;

    /// <summary>Creates a solver; the temperatures start at 0 °C until <see cref="SetTemperatures(ReadOnlySpan{double})"/>.</summary>
    public HeatSolver(GroundColumnOptions options, PropertyScales<TS>? scales = null)
    {
        _opt = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        Grid = ColumnGrid.Build(options.Layers, options.Grid);
        _n = Grid.Count;
        _h = Grid.Thicknesses;
        _layer = Grid.LayerOfCell;
        _nl = options.Layers.Count;
        _lv = new TS[_nl]; _cf = new TS[_nl]; _ct = new TS[_nl]; _kf = new TS[_nl]; _kt = new TS[_nl];
        _tm = new double[_nl]; _t0 = new double[_nl]; _b = new double[_nl]; _conv = new double[_nl]; _power = new bool[_nl];
        _convActive = new bool[_nl];
        _layerTopCell = new int[_nl];
        for (int i = _n - 1; i >= 0; i--) _layerTopCell[_layer[i]] = i;
        _H = new TS[_n]; _T = new TS[_n]; _phi = new TS[_n]; _C = new TS[_n]; _k = new TS[_n];
        _K = new TS[_n + 1]; _lo = new TS[_n]; _di = new TS[_n]; _up = new TS[_n]; _rhs = new TS[_n];
        _faceR = new double[_n + 1];
        foreach (var r in options.Resistances)
        {
            int f = Array.BinarySearch(Grid.Faces, r.Depth);
            if (f < 0) { f = ~f; if (f > 0 && (f == Grid.Faces.Length || r.Depth - Grid.Faces[f - 1] < Grid.Faces[f] - r.Depth)) f--; }
            f = Math.Min(f, _n - 1);
            _faceR[f] += r.Resistance;
        }
        _source = new double[_n];
        _extractorShare = new double[_n];
        _hOld = new TS[_n];
        SetScales(scales ?? PropertyScales<TS>.One);
    }

    /// <summary>The grid.</summary>
    public ColumnGrid Grid { get; }
    /// <summary>Current scales.</summary>
    public PropertyScales<TS> Scales { get; private set; }
    /// <summary>Cell temperatures, °C (T(H) of the state).</summary>
    public ReadOnlySpan<TS> Temperatures => _T;
    /// <summary>Cell enthalpies, J m⁻³.</summary>
    public ReadOnlySpan<TS> Enthalpies => _H;
    /// <summary>Cell unfrozen fractions θu/θ (1 for dry cells above Tm).</summary>
    public ReadOnlySpan<TS> UnfrozenFractions => _phi;
    /// <summary>Energy that entered through the surface since the last reset, J m⁻².</summary>
    public double SurfaceEnergy { get; private set; }
    /// <summary>Energy that entered through the bottom (geothermal) since the last reset, J m⁻².</summary>
    public double BottomEnergy { get; private set; }
    /// <summary>Energy added by sources (negative: extracted by thermosyphons) since the last reset, J m⁻².</summary>
    public double SourceEnergy { get; private set; }
    /// <summary>Picard iterations of the last step.</summary>
    public int LastIterations { get; private set; }
    /// <summary>Steps that hit the iteration cap since construction.</summary>
    public int UnconvergedSteps { get; private set; }
    /// <summary>Heat flux into the ground at the surface in the last step, W m⁻² (positive downward).</summary>
    public double LastSurfaceFlux { get; private set; }

    /// <summary>Sets property multipliers (keeps the temperatures, recomputes the enthalpies).</summary>
    public void SetScales(PropertyScales<TS> scales)
    {
        Scales = scales;
        for (int l = 0; l < _nl; l++)
        {
            var s = _opt.Layers[l];
            TS theta = TS.Scale(scales.WaterContent, s.WaterContent);
            if (theta.Value > 1) theta = TS.FromDouble(1);
            _lv[l] = TS.Scale(theta, SoilLayer.LatentHeat * SoilLayer.WaterDensity);
            _cf[l] = TS.Scale(scales.HeatCapacity, s.CFrozen);
            _ct[l] = TS.Scale(scales.HeatCapacity, s.CThawed);
            _kf[l] = TS.Scale(scales.KFrozen, s.KFrozen);
            _kt[l] = TS.Scale(scales.KThawed, s.KThawed);
            _tm[l] = s.Freezing.MeltingPoint;
            _t0[l] = s.Freezing.OnsetDepression;
            _b[l] = s.Freezing.Exponent;
            _power[l] = s.Freezing.Kind == FreezingCurveKind.PowerLaw;
            _conv[l] = s.WinterConvectionMultiplier;
        }
        for (int i = 0; i < _n; i++) _H[i] = Enthalpy(_T[i], _layer[i]);
        for (int i = 0; i < _n; i++) UpdateState(i, _T[i].Value);
    }

    /// <summary>Sets all cell temperatures (°C) and recomputes enthalpies. On an isothermal curve, T = Tm is taken as fully thawed.</summary>
    public void SetTemperatures(ReadOnlySpan<double> temperatures)
    {
        if (temperatures.Length != _n) throw new ArgumentException($"Expected {_n} temperatures, got {temperatures.Length}.", nameof(temperatures));
        for (int i = 0; i < _n; i++)
        {
            if (!double.IsFinite(temperatures[i])) throw new ArgumentException($"Temperature {i} is {temperatures[i]}.", nameof(temperatures));
            _H[i] = Enthalpy(TS.FromDouble(temperatures[i]), _layer[i]);
            UpdateState(i, temperatures[i]);
        }
    }

    /// <summary>Sets cell temperatures given as numbers of type <typeparamref name="TS"/> (e.g. carrying derivatives).</summary>
    public void SetTemperatures(ReadOnlySpan<TS> temperatures)
    {
        if (temperatures.Length != _n) throw new ArgumentException($"Expected {_n} temperatures, got {temperatures.Length}.", nameof(temperatures));
        for (int i = 0; i < _n; i++) { _H[i] = Enthalpy(temperatures[i], _layer[i]); UpdateState(i, temperatures[i].Value); }
    }

    /// <summary>Sets the cell enthalpies directly (J m⁻³).</summary>
    public void SetEnthalpies(ReadOnlySpan<double> enthalpies)
    {
        if (enthalpies.Length != _n) throw new ArgumentException($"Expected {_n} enthalpies, got {enthalpies.Length}.", nameof(enthalpies));
        for (int i = 0; i < _n; i++) { _H[i] = TS.FromDouble(enthalpies[i]); UpdateState(i, _T[i].Value); }
    }

    /// <summary>Resets the boundary energy counters.</summary>
    public void ResetEnergyCounters() { SurfaceEnergy = 0; BottomEnergy = 0; SourceEnergy = 0; }

    /// <summary>Column enthalpy Σ hᵢ Hᵢ, J m⁻².</summary>
    public double TotalEnthalpy()
    {
        double s = 0;
        for (int i = 0; i < _n; i++) s += _h[i] * _H[i].Value;
        return s;
    }

    /// <summary>Enthalpy per volume of layer <paramref name="l"/> at temperature <paramref name="t"/>, J m⁻³ (reference: fully frozen at Tm for the isothermal curve).</summary>
    public TS Enthalpy(TS t, int l)
    {
        double tm = _tm[l];
        if (t.Value >= tm) return _lv[l] + _ct[l] * TS.AddConstant(t, -tm);
        if (!_power[l]) return _cf[l] * TS.AddConstant(t, -tm);
        TS x = TS.AddConstant(-t, tm);
        double t0 = _t0[l];
        if (x.Value <= t0) return _lv[l] - _ct[l] * x;
        return PowerEnthalpy(x, l, out _, out _);
    }

    private TS PowerEnthalpy(TS x, int l, out TS f, out TS dHdT)
    {
        double t0 = _t0[l], b = _b[l];
        TS r = TS.Scale(x, 1 / t0);
        f = TS.Pow(r, -b);
        TS g = TS.AddConstant(TS.Scale(TS.AddConstant(r * f, -1), t0 / (1 - b)), t0);
        TS dc = _ct[l] - _cf[l];
        dHdT = _cf[l] + dc * f + TS.Scale(_lv[l] * f / x, b);
        return _lv[l] * f - _cf[l] * x - dc * g;
    }

    private static double PowerEnthalpyValue(double x, double t0, double b, double lv, double cf, double ct, out double f, out double dHdT)
    {
        double r = x / t0;
        f = Math.Pow(r, -b);
        double g = t0 + t0 / (1 - b) * (r * f - 1);
        dHdT = cf + (ct - cf) * f + lv * b * f / x;
        return lv * f - cf * x - (ct - cf) * g;
    }

    /// <summary>Sets T, φ and C of cell i from its enthalpy; <paramref name="guess"/> is a temperature near the answer.</summary>
    private void UpdateState(int i, double guess)
    {
        int l = _layer[i];
        TS H = _H[i];
        TS lv = _lv[l];
        double tm = _tm[l];
        if (H.Value >= lv.Value)
        {
            _T[i] = TS.AddConstant((H - lv) / _ct[l], tm);
            _phi[i] = TS.FromDouble(1);
            _C[i] = _ct[l];
            return;
        }
        if (!_power[l])
        {
            if (H.Value >= 0)
            {
                _T[i] = TS.FromDouble(tm);
                _phi[i] = H / lv;
                _C[i] = TS.FromDouble(Math.Max(lv.Value, 1) * 1e7);
            }
            else
            {
                _T[i] = TS.AddConstant(H / _cf[l], tm);
                _phi[i] = TS.FromDouble(0);
                _C[i] = _cf[l];
            }
            return;
        }
        double t0 = _t0[l];
        double hOnset = lv.Value - _ct[l].Value * t0;
        if (H.Value >= hOnset)
        {
            _T[i] = TS.AddConstant(-(lv - H) / _ct[l], tm);
            _phi[i] = TS.FromDouble(1);
            _C[i] = _ct[l];
            return;
        }
        // Safeguarded Newton on x = Tm − T > T0, H(x) decreasing in x.
        double b = _b[l], lvv = lv.Value, cf = _cf[l].Value, ct = _ct[l].Value, target = H.Value;
        double lo = t0, hi = double.PositiveInfinity;
        double x = tm - guess;
        if (!(x > t0)) x = t0 * 1.5;
        double f = 0, dhdt = 0;
        for (int it = 0; it < 100; it++)
        {
            double hx = PowerEnthalpyValue(x, t0, b, lvv, cf, ct, out f, out dhdt) - target;
            double dx = hx / dhdt;               // Newton: x_new = x − h/h', with h' = dH/dx = −dH/dT
            if (Math.Abs(dx) <= 1e-9 * (1 + x))
            {
                // Quadratic convergence: x + dx is exact to O(dx²) ≈ 1e-18. Update f to first order instead of
                // re-evaluating the power (df/dx = −b f / x); dH/dT is only used to linearise, so it may be stale.
                f *= 1 - b * dx / x;
                x += dx;
                break;
            }
            if (hx > 0) lo = x; else hi = x;
            double xn = x + dx;
            if (!(xn > lo && xn < hi)) xn = double.IsPositiveInfinity(hi) ? Math.Max(2 * x, lo * 2) : 0.5 * (lo + hi);
            x = xn;
        }
        if (typeof(TS) == typeof(Real))
        {
            _T[i] = TS.FromDouble(tm - x);
            _phi[i] = TS.FromDouble(f);
            _C[i] = TS.FromDouble(dhdt);
        }
        else
        {
            // One Newton step in dual arithmetic from the converged value gives exact first derivatives (implicit function theorem).
            TS xs = TS.FromDouble(x);
            TS hs = PowerEnthalpy(xs, l, out _, out TS dH);
            TS xd = xs + (hs - H) / TS.FromDouble(dH.Value);
            hs = PowerEnthalpy(xd, l, out TS fd, out TS dHd);
            _T[i] = TS.AddConstant(-xd, tm);
            _phi[i] = fd;
            _C[i] = dHd;
        }
    }

    /// <summary>
    /// Advances one time step with air temperature <paramref name="airTemperature"/> (°C) on forcing day
    /// <paramref name="day"/> (used for the snow series). Returns the number of Picard iterations.
    /// </summary>
    public int Step(double airTemperature, int day)
    {
        var opt = _opt;
        double dt = opt.TimeStep;
        double ts = opt.Surface.SurfaceTemperature(airTemperature);
        double rTop = opt.Surface.Resistance(day) + _faceR[0];

        // Lagged switches: winter convection in open-graded layers, heat extractors.
        for (int l = 0; l < _nl; l++) _convActive[l] = _conv[l] > 1 && airTemperature < _T[_layerTopCell[l]].Value;
        double sourceTotal = 0;
        Array.Clear(_source);
        var extractors = opt.Extractors;
        for (int x = 0; x < extractors.Count; x++)
        {
            var e = extractors[x];
            double sumH = 0, sumHT = 0;
            for (int i = 0; i < _n; i++)
            {
                double a = Math.Max(Grid.Faces[i], e.TopDepth), b = Math.Min(Grid.Faces[i + 1], e.BottomDepth);
                _extractorShare[i] = b > a ? b - a : 0;
                sumH += _extractorShare[i]; sumHT += _extractorShare[i] * _T[i].Value;
            }
            if (sumH <= 0) continue;
            double tg = sumHT / sumH;
            if (airTemperature < tg - e.ActivationThreshold)
            {
                double q = Math.Min(e.Capacity, e.Conductance * (tg - airTemperature));
                for (int i = 0; i < _n; i++) _source[i] -= q * _extractorShare[i] / sumH;
                sourceTotal -= q;
            }
        }

        int iterations = 0;
        TS topFlux = default;
        double tol = opt.Solver.Tolerance;
        Span<TS> hOld = _hOld;
        _H.AsSpan().CopyTo(hOld);
        while (true)
        {
            iterations++;
            for (int i = 0; i < _n; i++)
            {
                int l = _layer[i];
                TS k = _kf[l] + (_kt[l] - _kf[l]) * _phi[i];
                if (_convActive[l]) k = TS.Scale(k, _conv[l]);
                // After a few iterations the conductivity lag is damped (average with the previous iterate's value) to
                // stop Picard oscillations of cells near the onset of freezing; any symmetric K keeps the energy balance.
                _k[i] = iterations > 4 ? TS.Scale(k + _k[i], 0.5) : k;
            }
            _K[0] = TS.FromDouble(1) / (TS.FromDouble(rTop) + TS.Scale(TS.FromDouble(1) / _k[0], 0.5 * _h[0]));
            for (int i = 1; i < _n; i++)
                _K[i] = TS.FromDouble(1) / (TS.Scale(TS.FromDouble(1) / _k[i - 1], 0.5 * _h[i - 1]) + TS.Scale(TS.FromDouble(1) / _k[i], 0.5 * _h[i]) + TS.FromDouble(_faceR[i]));
            _K[_n] = default;
            for (int i = 0; i < _n; i++)
            {
                TS kw = _K[i], ke = i + 1 < _n ? _K[i + 1] : default;
                TS cap = TS.Scale(_C[i], _h[i] / dt);
                _lo[i] = -kw;
                _up[i] = -ke;
                _di[i] = cap + kw + ke;
                TS tw = i == 0 ? TS.FromDouble(ts) : _T[i - 1];
                TS r = kw * (tw - _T[i]) - TS.Scale(_H[i] - hOld[i], _h[i] / dt) + TS.FromDouble(_source[i]);
                if (i + 1 < _n) r = r + ke * (_T[i + 1] - _T[i]);
                else r = TS.AddConstant(r, opt.GeothermalFlux);
                _rhs[i] = r;
            }
            _lo[0] = default;
            Tridiagonal.Solve<TS>(_lo, _di, _up, _rhs);
            // _rhs now holds δ. Surface flux with T* = T + δ.
            topFlux = _K[0] * (TS.FromDouble(ts) - (_T[0] + _rhs[0]));
            double err = 0;
            bool limited = false, last = iterations >= opt.Solver.MaxIterations;
            for (int i = 0; i < _n; i++)
            {
                TS d = _rhs[i];
                TS tStar = _T[i] + d;
                TS hNew = _H[i] + _C[i] * d;
                int l = _layer[i];
                if (_power[l] && !last)
                {
                    // Kink limiter: H(T) is ~10³× steeper just below the onset of freezing than just above it, so a
                    // Newton step from one branch overshoots far into the other and the iteration can cycle. A step
                    // that crosses the kink stops just past it; the next iterate then linearises on the right branch.
                    // Such an iterate is never accepted as converged, so the accepted one keeps the exact energy balance.
                    double ho = _lv[l].Value - _ct[l].Value * _t0[l], h0 = _H[i].Value, h1 = hNew.Value, eps = 1e-12 * Math.Max(1, Math.Abs(ho));
                    if (h0 >= ho && h1 < ho - eps) { hNew = TS.FromDouble(ho - eps); limited = true; }
                    else if (h0 < ho && h1 > ho + eps) { hNew = TS.FromDouble(ho + eps); limited = true; }
                }
                _H[i] = hNew;
                UpdateState(i, tStar.Value);
                double e = TS.MaxAbs(_T[i] - tStar);
                if (e > err) err = e;
            }
            if (err < tol && !limited) break;
            if (iterations >= opt.Solver.MaxIterations) { UnconvergedSteps++; break; }
        }
        LastIterations = iterations;
        LastSurfaceFlux = topFlux.Value;
        SurfaceEnergy += topFlux.Value * dt;
        BottomEnergy += opt.GeothermalFlux * dt;
        SourceEnergy += sourceTotal * dt;
        return iterations;
    }

    private readonly TS[] _hOld;

    /// <summary>
    /// Depth of the thaw front below the surface, m: the bottom of the contiguous thawed zone at the top of the column.
    /// In a layer with an isothermal curve the front lies in the first not fully thawed cell at its top face plus its
    /// unfrozen fraction of its thickness (the classical enthalpy-method front position); otherwise the Tm isotherm is
    /// interpolated linearly between cell centres.
    /// 0 when the top cell is frozen.
    /// </summary>
    public double ThawFrontDepth()
    {
        int i = 0;
        while (i < _n && _T[i].Value > _tm[_layer[i]]) i++;
        if (i == _n) return Grid.Depth;
        int l = _layer[i];
        double phi = _phi[i].Value;
        if (!_power[l] && _lv[l].Value > 0)
            return Grid.Faces[i] + phi * _h[i];
        if (i == 0) return 0;
        double ta = _T[i - 1].Value - _tm[_layer[i - 1]], tb = _T[i].Value - _tm[l];
        double za = Grid.Centres[i - 1], zb = Grid.Centres[i];
        return tb == ta ? zb : za + (zb - za) * ta / (ta - tb);
    }

    /// <summary>Depth of the freezing front from the surface, m (the contiguous frozen zone at the top; 0 when the top cell is thawed).</summary>
    public double FreezeFrontDepth()
    {
        int i = 0;
        while (i < _n && _T[i].Value <= _tm[_layer[i]] && (_power[_layer[i]] ? _T[i].Value < _tm[_layer[i]] : _phi[i].Value <= 0 || _lv[_layer[i]].Value <= 0)) i++;
        if (i == _n) return Grid.Depth;
        int l = _layer[i];
        if (!_power[l] && _lv[l].Value > 0)
            return Grid.Faces[i] + (1 - _phi[i].Value) * _h[i];
        if (i == 0) return 0;
        double ta = _T[i - 1].Value - _tm[_layer[i - 1]], tb = _T[i].Value - _tm[l];
        double za = Grid.Centres[i - 1], zb = Grid.Centres[i];
        return tb == ta ? za : za + (zb - za) * ta / (ta - tb);
    }

    /// <summary>Temperature at depth z (m) by linear interpolation between cell centres (the shallowest/deepest centre value outside).</summary>
    public double TemperatureAt(double z)
    {
        var c = Grid.Centres;
        if (z <= c[0]) return _T[0].Value;
        if (z >= c[_n - 1]) return _T[_n - 1].Value;
        int i = Array.BinarySearch(c, z);
        if (i >= 0) return _T[i].Value;
        i = ~i;
        double w = (z - c[i - 1]) / (c[i] - c[i - 1]);
        return _T[i - 1].Value + w * (_T[i].Value - _T[i - 1].Value);
    }

    /// <summary>Temperature at depth z (m) as a <typeparamref name="TS"/> number (carrying derivatives).</summary>
    public TS TemperatureAtScalar(double z)
    {
        var c = Grid.Centres;
        if (z <= c[0]) return _T[0];
        if (z >= c[_n - 1]) return _T[_n - 1];
        int i = Array.BinarySearch(c, z);
        if (i >= 0) return _T[i];
        i = ~i;
        double w = (z - c[i - 1]) / (c[i] - c[i - 1]);
        return _T[i - 1] + TS.Scale(_T[i] - _T[i - 1], w);
    }
}
