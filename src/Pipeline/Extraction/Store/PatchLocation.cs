namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// Where one patch record lies in a patch pack: shard number, byte offset of the record in that
/// shard file, and the record's whole length (header and payload), so one read fetches it.
/// </summary>
public readonly record struct PatchLocation(int Shard, long Offset, int Length);
