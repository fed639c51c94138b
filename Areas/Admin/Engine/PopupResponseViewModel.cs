namespace WebApp.Admin;

/// <summary>What a popup form answers its opener with after saving: "add" or "change", the object's key and display string.</summary>
public sealed record PopupResponseViewModel(string Action, string Value, string Text, string ModelName);
