using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Web.Features.Accounts;

/// <summary>POST /api/users.</summary>
public sealed record NewUserRequest(string? UserName, string? Password, string? Role);

/// <summary>PATCH /api/users/{id}: what is given changes, what is left out stays.</summary>
public sealed record UserChangeRequest(string? Role, bool? Disabled);

/// <summary>POST /api/tokens.</summary>
public sealed record NewTokenRequest(string? Name);

/// <summary>A token as its owner sees it later: never the secret, never its hash.</summary>
public sealed record TokenView(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static TokenView From(ApiToken token) =>
        new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.LastUsedAt, token.RevokedAt);
}

/// <summary>The answer to POST /api/tokens: the only time the token itself is sent.</summary>
public sealed record CreatedTokenView(int Id, string Name, string Prefix, string Token);
