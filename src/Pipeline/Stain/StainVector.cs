using System.Text.Json.Serialization;

namespace TumorWeb.Pipeline.Stain;

/// <summary>A stain's optical density per RGB channel, as a unit vector (its colour, not its amount).</summary>
public readonly record struct StainVector(double R, double G, double B)
{
    [JsonIgnore] public double Length => Math.Sqrt(R * R + G * G + B * B);

    public StainVector Unit()
    {
        var length = Length;
        if (!(length > 0)) throw new ArgumentException("a stain vector cannot be zero");
        return new StainVector(R / length, G / length, B / length);
    }

    public double Dot(StainVector other) => R * other.R + G * other.G + B * other.B;

    /// <summary>The angle between two stain colours, in degrees.</summary>
    public double DegreesTo(StainVector other) =>
        Math.Acos(Math.Clamp(Unit().Dot(other.Unit()), -1, 1)) * 180 / Math.PI;

    public double[] ToArray() => [R, G, B];
}
