namespace WebApp.Admin;

/// <summary>Why an object-level permission or a form rule refused: the rule's short name (for the security log) and the message a person reads.</summary>
public sealed record AdminRefusal(string Rule, string Message);
