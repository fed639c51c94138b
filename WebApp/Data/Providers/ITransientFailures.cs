namespace WebApp.Data.Providers;

/// <summary>Recognises failures that trying the same work again may cure: a busy database, a deadlock, a serialization failure.</summary>
internal interface ITransientFailures
{
    bool IsTransient(Exception exception);
}
