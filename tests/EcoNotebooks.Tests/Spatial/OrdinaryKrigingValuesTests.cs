using EcoNotebooks.Rasters;
using EcoNotebooks.Spatial;

namespace EcoNotebooks.Tests.Spatial;

public class OrdinaryKrigingValuesTests
{
    // Guards the variance-free grid prediction: identical values to PredictGrid (gstat-checked) at every pixel.
    [Fact]
    public void Values_only_grid_prediction_equals_full_prediction()
    {
        var (x, y, z) = GstatReference.Points();
        var ok = new OrdinaryKriging(x, y, z, new VariogramModel(VariogramModelType.Spherical, 2.0, 2500, 0.1));
        var grid = RasterGrid.NorthUp(9, 6, 0, 10000, 1200, SpatialReference.Unknown);
        var (p, _) = ok.PredictGrid(grid);
        var q = ok.PredictGridValues(grid);
        Assert.True(q.Grid.Matches(grid));
        Assert.Equal(p.Band(0).ToDoubleArray(), q.Band(0).ToDoubleArray());
    }
}
