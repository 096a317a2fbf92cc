namespace TumorWeb.Pipeline.Inference;

/// <summary>Patches of cells [Start, Start + Count) of the scoring order, read into a pooled buffer.</summary>
internal sealed record PatchBatch(byte[] Buffer, int Start, int Count);
