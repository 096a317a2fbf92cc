using System.Security.Cryptography;
using System.Text;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// Random secrets for API tokens, share links and the set-up link, and the hash stored in their place.
/// 256 random bits make a secret unguessable, so one fast SHA-256 is enough to keep it from the database.
/// </summary>
public static class Secrets
{
    public static string New(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
