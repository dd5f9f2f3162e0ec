namespace CustomerRegister.Infrastructure;

/// <summary>
/// Source-generated log messages. Parameters that would carry personal data are classified, so the redactor
/// erases them; everything else is an id or a category.
/// </summary>
public static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Page sign-in {Result} for {Email}")]
    public static partial void PageSignIn(ILogger logger, string result, [PersonalData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created with roles {Roles} for {Email}")]
    public static partial void UserCreated(ILogger logger, Guid userId, string roles, [PersonalData] string email);
}
