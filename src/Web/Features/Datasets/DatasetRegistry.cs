using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Datasets;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// Registers folders of slides as datasets: checks the folder, stores one row per slide at once, and
/// leaves reading the slides to <see cref="DatasetScans"/>. Never writes or deletes a slide file.
/// </summary>
public sealed class DatasetRegistry(IDbContextFactory<TumorWebDbContext> dbFactory, DatasetRoots roots, DatasetScans scans,
    SlideThumbnails thumbnails, DatasetLifetimes lifetimes, AuditLog audit, TimeProvider time)
{
    public DatasetRoots Roots => roots;

    public DatasetScans Scans => scans;

    /// <summary>
    /// Throws <see cref="DatasetFolderException"/> for a folder outside the roots, missing, empty,
    /// without slides or already registered, and <see cref="ArgumentException"/> for a negative threshold.
    /// <paramref name="grid"/> sets the dataset's tumor-slide threshold, kept for its later scans.
    /// <paramref name="actor"/> is the user name the audit log records.
    /// </summary>
    public async Task<Dataset> RegisterAsync(string actor, string folder, string name, GridOptions? grid = null, CancellationToken ct = default)
    {
        Api.TextLimits.Require(folder, Api.TextLimits.Folder, "the folder");
        Api.TextLimits.Require(name, Api.TextLimits.DatasetName, "the dataset name");
        grid ??= new GridOptions();
        if (grid.TumorSlideThreshold < 0)
            throw new ArgumentException($"tumor slide threshold must be 0 or more (got {grid.TumorSlideThreshold})");
        var path = DataRootFolder.Resolve(folder, roots.Allowed);
        var files = FindSlides(folder, path);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Datasets.FirstOrDefaultAsync(d => d.Folder == path, ct) is { } existing)
            throw new DatasetFolderException(folder, $"is already registered as dataset {existing.Id} \"{existing.Name}\"");
        var dataset = new Dataset
        {
            Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(path) : name.Trim(),
            Folder = path,
            CreatedAt = time.GetUtcNow(),
            TumorSlideThreshold = grid.TumorSlideThreshold,
            Slides = files.Select(NewRow).ToList(),
        };
        // The audit entry names the dataset's id, known only after the first save; one transaction keeps both or neither.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(audit.Entry(actor, AuditActions.DatasetRegister, $"dataset {dataset.Id}", $"\"{dataset.Name}\" at {path}, {dataset.Slides.Count} slides"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        scans.Start(dataset.Id, grid);
        return dataset;
    }

    /// <summary>
    /// Reads the folder again: new slides are added, rows of vanished ones removed, and every slide is
    /// read anew. Roles already set are kept, so a user's choice survives. False for an unknown id.
    /// </summary>
    public async Task<bool> RefreshAsync(string actor, int datasetId, GridOptions? grid = null, CancellationToken ct = default)
    {
        await scans.CancelAsync(datasetId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.Include(d => d.Slides).FirstOrDefaultAsync(d => d.Id == datasetId, ct);
        if (dataset is null) return false;
        var files = FindSlides(dataset.Folder, dataset.Folder);
        var vanished = dataset.Slides.Where(s => files.All(f => f.Name != s.Name)).ToList();
        foreach (var slide in vanished) thumbnails.Delete(slide.Id);
        db.RegisteredSlides.RemoveRange(vanished);
        foreach (var file in files)
        {
            var row = dataset.Slides.FirstOrDefault(s => s.Name == file.Name);
            if (row is null) dataset.Slides.Add(row = NewRow(file));
            (row.SlidePath, row.MaskPath, row.AnnotationPath) = (file.SlidePath, file.MaskPath, file.AnnotationPath);
            (row.Vendor, row.Error) = (null, null);
        }
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.DatasetRefresh, $"dataset {datasetId}", $"{files.Count} slides, {vanished.Count} gone"));
        await db.SaveChangesAsync(ct);
        scans.Start(datasetId, grid ?? new GridOptions());
        return true;
    }

    /// <summary>Removes the dataset's rows and cached thumbnails, and stops work for it; the slide files stay untouched.</summary>
    public async Task<bool> DeleteAsync(string actor, int datasetId, CancellationToken ct = default)
    {
        await scans.CancelAsync(datasetId);
        lifetimes.End(datasetId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.Include(d => d.Slides).FirstOrDefaultAsync(d => d.Id == datasetId, ct);
        if (dataset is null) return false;
        db.Datasets.Remove(dataset);
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.DatasetDelete, $"dataset {datasetId}", $"\"{dataset.Name}\" at {dataset.Folder} (files kept)"));
        await db.SaveChangesAsync(ct);
        foreach (var slide in dataset.Slides) thumbnails.Delete(slide.Id);
        return true;
    }

    /// <summary>Marks a slide as a tumor or normal slide; false when the dataset has no such slide.</summary>
    public async Task<bool> SetRoleAsync(string actor, int datasetId, int slideId, SlideRole role, CancellationToken ct = default)
    {
        if (role == SlideRole.Unknown) throw new ArgumentException("a slide's role is Tumor or Normal", nameof(role));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slide = await db.RegisteredSlides.FirstOrDefaultAsync(s => s.Id == slideId && s.DatasetId == datasetId, ct);
        if (slide is null) return false;
        slide.Role = role;
        slide.RoleSetByUser = true;
        db.AuditEntries.Add(audit.Entry(actor, AuditActions.SlideRole, $"slide {slideId} of dataset {datasetId}", $"{slide.Name}: {role}"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IReadOnlyList<DatasetSlide> FindSlides(string input, string path)
    {
        try
        {
            return DatasetScanner.Scan(path);
        }
        catch (Exception e) when (e is InvalidDataException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new DatasetFolderException(input, e is InvalidDataException
                ? $"no slides in {path} (expected files such as name.tif with name_mask.tif, name.xml or name.geojson)"
                : $"cannot list {path}: {e.Message}");
        }
    }

    private static RegisteredSlide NewRow(DatasetSlide file) => new()
    {
        Name = file.Name,
        SlidePath = file.SlidePath,
        MaskPath = file.MaskPath,
        AnnotationPath = file.AnnotationPath,
    };
}
