namespace TumorWeb.Web.Features.Datasets;

/// <summary>The datasets feature's endpoints: /api/datasets, /api/roots and the slide thumbnails.</summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasets(this IEndpointRouteBuilder app)
    {
        app.MapDatasetsApi();
        app.MapGet("/thumbnails/{slideId:int}", Thumbnail);
        return app.MapDataRoots();
    }

    private static IResult Thumbnail(int slideId, SlideThumbnails thumbnails)
    {
        var path = thumbnails.PathOf(slideId);
        return File.Exists(path)
            ? Results.File(path, "image/png", lastModified: File.GetLastWriteTimeUtc(path))
            : Results.NotFound();
    }
}
