namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// What to generate: <paramref name="Slides"/> slides of <paramref name="Width"/> x <paramref name="Height"/>
/// pixels, the last <paramref name="NormalSlides"/> of them without tumor, at <paramref name="Mpp"/>
/// microns per pixel (written as the TIFF resolution tags; 0.25 is a 40x scan). <paramref name="StainShift"/> (-1 to 3) moves
/// every slide's stain outside the default range: tilted stain vectors, and more haematoxylin above 0, less below; 0 writes the default slides.
/// </summary>
public sealed record SynthOptions(string OutputDirectory, int Slides, int Width, int Height, int Seed, int NormalSlides = 0, double Mpp = SynthOptions.DefaultMpp,
    double StainShift = 0)
{
    public const double DefaultMpp = 0.25;

    /// <summary>Below 0 a slide takes up less haematoxylin (faded, under-stained); above 0 more.</summary>
    public const double MinStainShift = -1;

    /// <summary>Past 1 the stain vectors stay where 1 puts them and only the haematoxylin uptake keeps rising.</summary>
    public const double MaxStainShift = 3;

    public const int MinSide = 512;

    /// <summary>TIFF and the strip buffers stay comfortable below this; CAMELYON slides are about 100,000 wide.</summary>
    public const int MaxSide = 200_000;

    public int TumorSlides => Slides - NormalSlides;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new ArgumentException("the output folder is empty");
        if (Slides < 1) throw new ArgumentException($"the number of slides must be at least 1 (got {Slides})");
        if (NormalSlides < 0) throw new ArgumentException($"the number of normal slides cannot be negative (got {NormalSlides})");
        if (NormalSlides > Slides)
            throw new ArgumentException($"the number of normal slides ({NormalSlides}) cannot exceed the number of slides ({Slides})");
        if (!(StainShift is >= MinStainShift and <= MaxStainShift)) throw new ArgumentException($"the stain shift must be between {MinStainShift} and {MaxStainShift} (got {StainShift})");
        if (Width < MinSide || Height < MinSide)
            throw new ArgumentException($"slide size {Width}x{Height} is too small: width and height must each be at least {MinSide} pixels");
        if (!(Mpp > 0 && Mpp <= Pipeline.Slides.SlideResolution.MaxTagMpp))
            throw new ArgumentException($"microns per pixel must be above 0 and at most {Pipeline.Slides.SlideResolution.MaxTagMpp} (got {Mpp})");
        if (Width > MaxSide || Height > MaxSide)
            throw new ArgumentException($"slide size {Width}x{Height} is too large: width and height must each be at most {MaxSide} pixels");
    }
}
