using System.Text.Json;
using EcoNotebooks.IO;
using EcoNotebooks.Rasters;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace EcoNotebooks.Vector;

/// <summary>
/// A study-area boundary: the union of the polygons of a GeoJSON file or a shapefile, with its CRS.
/// GeoJSON is WGS 84 longitude/latitude (RFC 7946) unless it carries a legacy <c>"crs"</c> member
/// (<c>{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32649"}}</c> or <c>"EPSG:32649"</c>); a shapefile's CRS
/// comes from its <c>.prj</c> (ESRI WKT), identified against <see cref="EpsgRegistry"/> where possible.
/// Python equivalent: <c>geopandas.read_file(path).union_all()</c>.
/// </summary>
public sealed class Boundary
{
    /// <summary>Creates a boundary from a polygonal geometry in <paramref name="crs"/>.</summary>
    public Boundary(Geometry geometry, SpatialReference crs, string source = "boundary")
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(crs);
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
            throw new ArgumentException($"{source}: the boundary must be a non-empty Polygon or MultiPolygon, got {geometry.GeometryType}.", nameof(geometry));
        Geometry = geometry; Crs = crs; Source = source;
    }

    /// <summary>Polygon or MultiPolygon, coordinates in <see cref="Crs"/> (x = easting/longitude).</summary>
    public Geometry Geometry { get; }
    /// <summary>CRS of <see cref="Geometry"/>.</summary>
    public SpatialReference Crs { get; }
    /// <summary>The file it came from (for messages).</summary>
    public string Source { get; }

    /// <summary>Reads a boundary from .geojson/.json or .shp (with .prj). Errors name the file.</summary>
    public static Boundary Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: boundary file not found.", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".shp" => ReadShapefile(path),
            ".geojson" or ".json" => ReadGeoJson(path),
            var e => throw new FileFormatException(path, $"unsupported boundary format '{e}'; use .geojson/.json or .shp."),
        };
    }

    private static Boundary ReadGeoJson(string path)
    {
        var text = File.ReadAllText(path);
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        SpatialReference crs = SpatialReference.Wgs84;
        var polys = new List<Geometry>();
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.TryGetProperty("crs", out var crsEl)) crs = ParseGeoJsonCrs(path, crsEl);
            string type = root.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            switch (type)
            {
                case "FeatureCollection":
                    foreach (var f in JsonSerializer.Deserialize<FeatureCollection>(text, options)!) if (f.Geometry is not null) polys.Add(f.Geometry);
                    break;
                case "Feature":
                    var feat = JsonSerializer.Deserialize<IFeature>(text, options)!;
                    if (feat.Geometry is not null) polys.Add(feat.Geometry);
                    break;
                default:
                    polys.Add(JsonSerializer.Deserialize<Geometry>(text, options)!);
                    break;
            }
        }
        catch (JsonException e) { throw new FileFormatException(path, $"invalid GeoJSON: {e.Message}", (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1)); }
        return FromGeometries(path, polys, crs);
    }

    private static SpatialReference ParseGeoJsonCrs(string path, JsonElement crsEl)
    {
        string? name = crsEl.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() : null;
        if (name is null) throw new FileFormatException(path, "the GeoJSON \"crs\" member has no properties.name.");
        if (name.Contains("CRS84", StringComparison.OrdinalIgnoreCase)) return SpatialReference.Wgs84;
        var digits = name.Split(':', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (int.TryParse(digits, out int code) && name.Contains("EPSG", StringComparison.OrdinalIgnoreCase))
        {
            if (!EpsgRegistry.IsSupported(code)) throw new FileFormatException(path, $"boundary CRS EPSG:{code} is not supported; supported are {EpsgRegistry.SupportedList}.");
            return SpatialReference.FromEpsg(code);
        }
        throw new FileFormatException(path, $"unknown boundary CRS '{name}'.");
    }

    private static Boundary ReadShapefile(string path)
    {
        var prj = Path.ChangeExtension(path, ".prj");
        SpatialReference crs;
        if (!File.Exists(prj)) throw new FileFormatException(path, $"the shapefile has no .prj ({prj}), so its CRS is unknown; add one (e.g. ogr2ogr -a_srs EPSG:4326).");
        var wkt = File.ReadAllText(prj).Trim();
        int? code = EpsgRegistry.Identify(wkt);
        if (code is int c) crs = SpatialReference.FromEpsg(c);
        else
        {
            try { EpsgRegistry.Get(new SpatialReference(null, wkt), prj); }
            catch (ArgumentException e) { throw new FileFormatException(prj, $"boundary CRS is unknown: {e.Message}"); }
            crs = new SpatialReference(null, wkt);
        }
        Geometry[] geoms;
        try { geoms = NetTopologySuite.IO.Esri.Shapefile.ReadAllGeometries(path); }
        catch (Exception e) when (e is not FileNotFoundException) { throw new FileFormatException(path, $"cannot read the shapefile: {e.Message}", inner: e); }
        return FromGeometries(path, geoms, crs);
    }

    private static Boundary FromGeometries(string path, IEnumerable<Geometry> geoms, SpatialReference crs)
    {
        var polys = new List<Polygon>();
        foreach (var g in geoms)
            for (int i = 0; i < g.NumGeometries; i++)
                if (g.GetGeometryN(i) is Polygon p && !p.IsEmpty) polys.Add(p);
        if (polys.Count == 0) throw new FileFormatException(path, "the file holds no polygon; a study-area boundary must be a Polygon or MultiPolygon.");
        var factory = polys[0].Factory;
        Geometry geom = polys.Count == 1 ? polys[0] : factory.CreateMultiPolygon([.. polys]).Union();
        return new Boundary(geom, crs, path);
    }

    /// <summary>
    /// The boundary in <paramref name="target"/>: each edge is densified to at most <paramref name="segments"/> pieces
    /// (so straight lines in one CRS follow the curved image in the other) and every vertex transformed.
    /// </summary>
    public Boundary TransformTo(SpatialReference target, int segments = 16)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tr = new CrsTransform(Crs, target, Source, target.ToString());
        if (tr.IsIdentity) return this;
        var env = Geometry.EnvelopeInternal;
        double maxLen = Math.Max(env.Width, env.Height) / Math.Max(1, segments * 4);
        var dense = maxLen > 0 ? NetTopologySuite.Densify.Densifier.Densify(Geometry, maxLen) : Geometry;
        var copy = dense.Copy();
        copy.Apply(new TransformFilter(tr));
        copy.GeometryChanged();
        return new Boundary(copy, target, Source);
    }

    private sealed class TransformFilter(CrsTransform tr) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = tr.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x); seq.SetY(i, y);
        }
    }
}
