namespace TumorWeb.Web.Features.Accounts;

/// <summary>The verbs of the audit log.</summary>
public static class AuditActions
{
    public const string DatasetRegister = "dataset.register";
    public const string DatasetRefresh = "dataset.refresh";
    public const string DatasetDelete = "dataset.delete";
    public const string SlideRole = "slide.role";
    public const string AnnotationsSave = "annotations.save";
    public const string GroundTruthSource = "slide.ground-truth";
    public const string RootAdd = "root.add";
    public const string RootRemove = "root.remove";
    public const string JobStart = "job.start";
    public const string JobCancel = "job.cancel";
    public const string JobResume = "job.resume";
    public const string ShareCreate = "share.create";
    public const string ShareRevoke = "share.revoke";
    public const string UserCreate = "user.create";
    public const string UserRole = "user.role";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserDelete = "user.delete";
    public const string UserPassword = "user.password";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string SignIn = "account.signin";
    public const string SignInFailed = "account.signin-failed";
    public const string SignOut = "account.signout";

    /// <summary>The name recorded for what the app does on its own (the demo dataset, the first admin from settings).</summary>
    public const string System = "system";
}
