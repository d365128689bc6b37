namespace EcoNotebooks.RemoteSensing;

/// <summary>How clear observations of several scenes are combined per pixel.</summary>
public enum CompositeMethod
{
    /// <summary>Per-band median of the clear observations (Google Earth Engine <c>ImageCollection.median()</c>); with an even count the mean of the two middle values.</summary>
    Median,
    /// <summary>All bands from the clear observation with the largest NDVI (GEE <c>qualityMosaic('NDVI')</c>); ties go to the earlier scene in the list.</summary>
    MaxNdvi,
}
