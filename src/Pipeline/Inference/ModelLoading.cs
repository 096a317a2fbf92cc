using TumorWeb.Pipeline.Inference.Baseline;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Pipeline.Inference;

/// <summary>
/// The one place the command line and the evaluation stage turn a model file into a classifier. Knows the darkness
/// baseline (a JSON file with "kind": "darkness-baseline") and checkpoints written by train.
/// </summary>
public static class ModelLoading
{
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a model this build can load; the message names the file.</exception>
    public static LoadedModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: model file not found", path);
        if (DarknessModelFile.IsDarknessModel(path))
            return new LoadedModel(new DarknessClassifier(DarknessModelFile.Read(path)), []);
        if (Checkpoints.IsCheckpoint(path))
        {
            var header = Checkpoints.ReadHeader(path);
            return new LoadedModel(PatchClassifiers.Load(path), header.TrainingSlides, header.TrainingSlideHashes, header.PatchMicrons);
        }
        throw new InvalidDataException($"{path}: not a model file this build can load (a train checkpoint or {DarknessModel.Kind} JSON)");
    }
}
