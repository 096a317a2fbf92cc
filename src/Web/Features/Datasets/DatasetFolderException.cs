namespace TumorWeb.Web.Features.Datasets;

/// <summary>A folder that cannot become a dataset; the message names the folder and the problem.</summary>
public sealed class DatasetFolderException(string folder, string problem)
    : ArgumentException($"{folder}: {problem}")
{
    public string Folder { get; } = folder;
    public string Problem { get; } = problem;
}
