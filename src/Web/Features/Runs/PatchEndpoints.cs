namespace TumorWeb.Web.Features.Runs;

public static class PatchEndpoints
{
    /// <summary>GET /extractions/{id}/patches/{patchId}.png: one extracted patch, looked up by id only (no paths from the request).</summary>
    public static IEndpointRouteBuilder MapPatchImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/extractions/{id:int}/patches/{patchId:long}.png", async (int id, long patchId, PatchImages images, CancellationToken ct) =>
        {
            try
            {
                var png = await images.PngAsync(id, patchId, ct);
                return png is null
                    ? Results.NotFound($"extraction run {id} has no patch {patchId}")
                    : Results.File(png, "image/png");
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
        return app;
    }
}
