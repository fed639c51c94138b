namespace WebApp.Mail;

/// <summary>An email ready to send: the body is HTML whose every piece of data has been encoded.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody);
