using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Web.Features.Sharing;

public enum ShareLinkState
{
    Active,
    Expired,
    Revoked,
}

public static class ShareLinkStates
{
    /// <summary>A revoked link stays revoked after its expiry date; a link expires at the instant of ExpiresAt.</summary>
    public static ShareLinkState StateAt(this ShareLink link, DateTimeOffset now) =>
        link.RevokedAt is not null ? ShareLinkState.Revoked
        : now >= link.ExpiresAt ? ShareLinkState.Expired
        : ShareLinkState.Active;
}
