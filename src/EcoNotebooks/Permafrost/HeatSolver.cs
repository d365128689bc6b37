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
/// iteration has fully converged; convergence is declared when max |T(H) − T*| &lt; tolerance. The conductivities of an
/// iteration come from the previous iterate (their lag is not part of that test).
/// </para>
/// <para>
/// Speed: the conductances, the matrix rows and the forward Thomas sweep are one pass (one division per row), and the
/// back substitution is fused with the state update. In T(H) of power-law cells, (x/T0)^−b is evaluated by a Taylor series
/// around the cell's last Math.Pow value while within 1 % of it (truncation below double rounding). With
/// <see cref="SolverOptions.PredictorDepth"/> &gt; 0 each step first converges the top sub-column (where freezing and
/// thawing make H(T) nonlinear) with the temperature below held, then iterates the whole column from there; the
/// whole-column iteration then usually converges in one iteration.
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
    private readonly TS[] _H, _T, _phi, _C, _k, _gamma, _y;
    private readonly double[] _extractorShare;
    private readonly double[] _halfH, _hdt;   // hᵢ/2 and hᵢ/Δt
    // Power law: coefficients of the Taylor series of (1 + u)^−b per layer, and per cell an anchor x_ref with f_ref = (x_ref/T0)^−b.
    private readonly double[] _taylor, _invT0, _invOneMinusB;
    private readonly double[] _invXRef, _fRef;
    private readonly int _predictorRows;      // cells of the predictor sub-column (0 = no predictor)

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
        _gamma = new TS[_n]; _y = new TS[_n];
        _halfH = new double[_n]; _hdt = new double[_n];
        for (int i = 0; i < _n; i++) { _halfH[i] = 0.5 * _h[i]; _hdt[i] = _h[i] / options.TimeStep; }
        _invXRef = new double[_n]; _fRef = new double[_n];   // x·0 − 1 = −1 lies outside the anchor radius: the first evaluation calls Math.Pow
        _taylor = new double[_nl * TaylorTerms]; _invT0 = new double[_nl]; _invOneMinusB = new double[_nl];
        for (int l = 0; l < _nl; l++)
        {
            var fc = options.Layers[l].Freezing;
            if (fc.Kind != FreezingCurveKind.PowerLaw) continue;
            double b = fc.Exponent, c = 1;
            for (int k = 1; k <= TaylorTerms; k++) { c *= (-b - k + 1) / k; _taylor[l * TaylorTerms + k - 1] = c; }   // binom(−b, k)
            _invT0[l] = 1 / fc.OnsetDepression;
            _invOneMinusB[l] = 1 / (1 - b);
        }
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
        double pd = options.Solver.PredictorDepth;
        int pr = 0;
        while (pr < _n && Grid.Faces[pr + 1] <= pd + 1e-12) pr++;
        _predictorRows = pr >= 2 && pr <= _n / 2 ? pr : 0;   // only worth it when the rest of the column is at least as large
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
    /// <summary>Whole-column Newton iterations of the last step (the accepted iterate is the last of them).</summary>
    public int LastIterations { get; private set; }
    /// <summary>Iterations of the top-sub-column predictor in the last step (0 without predictor; see <see cref="SolverOptions.PredictorDepth"/>).</summary>
    public int LastPredictorIterations { get; private set; }
    /// <summary>Cells of the predictor sub-column (0 = no predictor; see <see cref="SolverOptions.PredictorDepth"/>).</summary>
    public int PredictorCells => _predictorRows;
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

    /// <summary>Terms of the Taylor series of (1 + u)^−b kept by <see cref="PowerFraction"/>.</summary>
    private const int TaylorTerms = 7;
    /// <summary>Anchor radius |u| = |x/x_ref − 1| within which the series replaces Math.Pow: the first omitted term is
    /// |binom(−b, 8)|·u⁸ &lt; 0.3·10⁻¹⁶ for 0 &lt; b &lt; 1 (below double rounding), &lt; 10⁻¹⁵ for b ≤ 3.</summary>
    private const double AnchorRadius = 0.01;

    /// <summary>
    /// f = (x/T0)^−b for cell i of power-law layer l. Deep cells change by far less than 1 % per step, so instead of
    /// Math.Pow (the solver's dominant cost) f is taken from the cell's last exact value f_ref at x_ref through the
    /// series f = f_ref·(1 + u)^−b = f_ref·Σ binom(−b, k) uᵏ, u = x/x_ref − 1, while |u| ≤ <see cref="AnchorRadius"/>
    /// (truncation below double rounding); farther away Math.Pow is called and the cell re-anchored.
    /// </summary>
    private double PowerFraction(int i, int l, double x)
    {
        double u = x * _invXRef[i] - 1;
        if (Math.Abs(u) <= AnchorRadius)
        {
            // Estrin's scheme with fused multiply-adds: Σ_{k=1..7} c_k u^(k−1), then 1 + u·(…).
            var c = _taylor.AsSpan(l * TaylorTerms, TaylorTerms);
            double u2 = u * u;
            double p01 = Math.FusedMultiplyAdd(c[1], u, c[0]), p23 = Math.FusedMultiplyAdd(c[3], u, c[2]), p45 = Math.FusedMultiplyAdd(c[5], u, c[4]);
            double q = Math.FusedMultiplyAdd(p23, u2, p01) + u2 * u2 * Math.FusedMultiplyAdd(c[6], u2, p45);
            return _fRef[i] * Math.FusedMultiplyAdd(u, q, 1);
        }
        double f = Math.Pow(x / _t0[l], -_b[l]);
        _invXRef[i] = 1 / x;
        _fRef[i] = f;
        return f;
    }

    /// <summary>H(x) of a power-law cell below the onset (x = Tm − T &gt; T0), with f = (x/T0)^−b and dH/dT (J m⁻³ K⁻¹); the value path of <see cref="PowerEnthalpy"/>.</summary>
    private double PowerEnthalpyValue(int i, int l, double x, double invX, double lv, double cf, double ct, out double f, out double dHdT)
    {
        double t0 = _t0[l];
        f = PowerFraction(i, l, x);
        double g = t0 + t0 * _invOneMinusB[l] * (x * _invT0[l] * f - 1);
        dHdT = cf + (ct - cf) * f + lv * _b[l] * f * invX;
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
            double invX = 1 / x;
            double hx = PowerEnthalpyValue(i, l, x, invX, lvv, cf, ct, out f, out dhdt) - target;
            double dx = hx / dhdt;               // Newton: x_new = x − h/h', with h' = dH/dx = −dH/dT
            if (Math.Abs(dx) <= 1e-9 * (1 + x))
            {
                // Quadratic convergence: x + dx is exact to O(dx²) ≈ 1e-18. Update f to first order instead of
                // re-evaluating the power (df/dx = −b f / x); dH/dT is only used to linearise, so it may be stale.
                f *= 1 - b * dx * invX;
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
    /// <paramref name="day"/> (used for the snow series). Returns the number of whole-column Newton iterations (predictor
    /// iterations are in <see cref="LastPredictorIterations"/>).
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

        _H.AsSpan().CopyTo(_hOld);
        double tol = opt.Solver.Tolerance;
        // Predictor: converge the top sub-column (the zone of freezing and thawing, where the linearisation of H(T) is
        // poor) with the temperature below it held, as the starting iterate of the whole-column iteration. The accepted
        // iterate is always one of the whole column, so the energy balance and the convergence test are unchanged.
        int predictorIterations = 0;
        if (_predictorRows > 0)
        {
            TS ignored = default;
            while (true)
            {
                predictorIterations++;
                double e = Iterate(_predictorRows, predictorIterations, false, ts, rTop, ref ignored, out bool lim);
                if ((e < tol && !lim) || predictorIterations >= opt.Solver.MaxIterations) break;
            }
        }
        int iterations = 0;
        TS topFlux = default;
        while (true)
        {
            iterations++;
            double err = Iterate(_n, iterations, iterations >= opt.Solver.MaxIterations, ts, rTop, ref topFlux, out bool limited);
            if (err < tol && !limited) break;
            if (iterations >= opt.Solver.MaxIterations) { UnconvergedSteps++; break; }
        }
        LastIterations = iterations;
        LastPredictorIterations = predictorIterations;
        LastSurfaceFlux = topFlux.Value;
        SurfaceEnergy += topFlux.Value * dt;
        BottomEnergy += opt.GeothermalFlux * dt;
        SourceEnergy += sourceTotal * dt;
        return iterations;
    }

    /// <summary>
    /// One Newton iteration on cells 0…rows−1 (rows = n: the whole column with the geothermal flux at the bottom; rows &lt; n:
    /// the top sub-column with cell <paramref name="rows"/> held at its temperature). Returns max |T(H) − T*| over the
    /// updated cells; <paramref name="limited"/> tells whether the kink limiter cut a step.
    /// </summary>
    private double Iterate(int rows, int iteration, bool last, double ts, double rTop, ref TS topFlux, out bool limited)
    {
        int n = _n;
        Span<TS> hOld = _hOld, H = _H, T = _T, C = _C, phi = _phi, kc = _k, gamma = _gamma, y = _y;
        TS one = TS.FromDouble(1), tsS = TS.FromDouble(ts);
        bool damp = iteration > 4;
        // Forward pass: conductivities, face conductances Kᵢ (between cells i−1 and i; K₀ couples the surface), and the
        // Thomas elimination of row i−1 as soon as both of its faces are known. Row j of the Newton system for δ:
        // −Kⱼ δⱼ₋₁ + (Cⱼhⱼ/Δt + Kⱼ + Kⱼ₊₁) δⱼ − Kⱼ₊₁ δⱼ₊₁ = Kⱼ(Tⱼ₋₁ − Tⱼ) + Kⱼ₊₁(Tⱼ₊₁ − Tⱼ) − hⱼ(Hⱼ − Hⱼⁿ)/Δt + Sⱼ.
        TS wPrev = default, kWest = default, gPrev = default, yPrev = default, k0 = default;
        for (int i = 0; i <= rows; i++)
        {
            TS kEast;
            if (i < n)
            {
                int l = _layer[i];
                TS k = _kf[l] + (_kt[l] - _kf[l]) * phi[i];
                if (_convActive[l]) k = TS.Scale(k, _conv[l]);
                if (i < rows)
                {
                    // After a few iterations the conductivity lag is damped (average with the previous iterate's value) to
                    // stop Picard oscillations of cells near the onset of freezing; any symmetric K keeps the energy balance.
                    if (damp) k = TS.Scale(k + kc[i], 0.5);
                    kc[i] = k;
                }
                TS w = TS.FromDouble(_halfH[i]) / k;     // half-cell resistance hᵢ/(2kᵢ)
                kEast = i == 0 ? one / TS.AddConstant(w, rTop) : one / TS.AddConstant(wPrev + w, _faceR[i]);
                wPrev = w;
                if (i == 0) { k0 = kEast; kWest = kEast; continue; }
            }
            else kEast = default;
            int j = i - 1;
            double hdt = _hdt[j];
            TS tj = T[j];
            TS r = kWest * ((j == 0 ? tsS : T[j - 1]) - tj) - TS.Scale(H[j] - hOld[j], hdt) + TS.FromDouble(_source[j]);
            r = i < n ? r + kEast * (T[i] - tj) : TS.AddConstant(r, _opt.GeothermalFlux);
            TS inv = one / (TS.Scale(C[j], hdt) + kWest + kEast + kWest * gPrev);
            yPrev = (r + kWest * yPrev) * inv;
            gPrev = -kEast * inv;
            y[j] = yPrev; gamma[j] = gPrev;
            kWest = kEast;
        }
        // Backward pass: δⱼ = yⱼ − γⱼ δⱼ₊₁ (δ = 0 below the rows), then the enthalpy update Hⱼ ← Hⱼ + Cⱼ δⱼ and the new
        // state T(Hⱼ) of each cell.
        double err = 0;
        limited = false;
        TS dNext = default;
        for (int i = rows - 1; i >= 0; i--)
        {
            TS d = y[i] - gamma[i] * dNext;
            dNext = d;
            TS tStar = T[i] + d;
            if (i == 0) topFlux = k0 * (tsS - tStar);    // surface flux with T* = T + δ
            TS hNew = H[i] + C[i] * d;
            int l = _layer[i];
            if (_power[l] && !last)
            {
                // Kink limiter: H(T) is ~10³× steeper just below the onset of freezing than just above it, so a
                // Newton step from one branch overshoots far into the other and the iteration can cycle. A step
                // that crosses the kink stops just past it; the next iterate then linearises on the right branch.
                // Such an iterate is never accepted as converged, so the accepted one keeps the exact energy balance.
                double ho = _lv[l].Value - _ct[l].Value * _t0[l], h0 = H[i].Value, h1 = hNew.Value, eps = 1e-12 * Math.Max(1, Math.Abs(ho));
                if (h0 >= ho && h1 < ho - eps) { hNew = TS.FromDouble(ho - eps); limited = true; }
                else if (h0 < ho && h1 > ho + eps) { hNew = TS.FromDouble(ho + eps); limited = true; }
            }
            H[i] = hNew;
            UpdateState(i, tStar.Value);
            double e = TS.MaxAbs(T[i] - tStar);
            if (e > err) err = e;
        }
        return err;
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
