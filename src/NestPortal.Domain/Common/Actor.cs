namespace NestPortal.Domain.Common;

/// <summary>Who did something, as recorded in histories: the user id and the name shown to people.</summary>
public sealed record Actor(string UserId, string Name);
