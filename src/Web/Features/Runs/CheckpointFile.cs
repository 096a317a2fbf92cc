namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// One checkpoint of a training run as the page lists it. <see cref="Epoch"/> counts finished
/// epochs and <see cref="Step"/> optimizer steps, from the file's header; <see cref="Problem"/> says
/// why the header could not be read.
/// </summary>
public sealed record CheckpointFile(string Name, long Bytes, DateTimeOffset ModifiedAt, int? Epoch, long? Step, string? Problem);
