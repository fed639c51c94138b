using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebApp.Data.Providers;

namespace WebApp.Data.Seeding;

/// <summary>
/// Inserts many entities fast through ADO.NET: multi-row INSERTs on one prepared command, reused for every full batch.
/// Columns, value converters (money as cents on SQLite) and parameter types all come from the EF model, so each row is
/// stored exactly as SaveChanges would store it, on any provider. Every mapped property is written, keys included
/// (the engine's <see cref="IBulkInsertKeys"/> says what explicit keys need); call <see cref="CompleteAsync"/> at the end.
/// </summary>
internal sealed class BulkInserter<TEntity> : IAsyncDisposable where TEntity : class
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ISqlGenerationHelper _sql;
    private readonly string _table;
    private readonly Column[] _columns;
    private readonly List<TEntity> _pending;
    private readonly IBulkInsertKeys _keys;
    private readonly string? _generatedKey;
    private DbCommand? _fullBatch;

    public long Inserted { get; private set; }

    /// <summary>Rows in one INSERT statement: <see cref="AddAsync"/> writes whenever this many are waiting.</summary>
    public int RowsPerStatement { get; }

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, ValueConverter? Converter, bool IsNullable);

    /// <param name="maxParametersPerStatement">
    /// Kept small: Microsoft.Data.Sqlite looks every parameter up by name on each execution, so a statement's cost
    /// grows with the square of its parameters (200,000 products took 89 s at 4,000 per statement, 17 s at 100-250).
    /// </param>
    public BulkInserter(AppDbContext db, DbTransaction transaction, int maxParametersPerStatement = 200)
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");

        _connection = db.Database.GetDbConnection();
        _transaction = transaction;
        _sql = db.GetService<ISqlGenerationHelper>();
        _table = _sql.DelimitIdentifier(table.Name, table.Schema);
        _columns =
        [
            .. entityType.GetProperties()
                .Where(p => p.GetColumnName(table) is not null)
                .Select(p =>
                {
                    var mapping = p.GetRelationalTypeMapping();
                    return new Column(p.GetColumnName(table)!, p.GetGetter(), mapping, mapping.Converter, p.IsNullable);
                }),
        ];
        RowsPerStatement = Math.Max(1, maxParametersPerStatement / _columns.Length);
        _keys = db.Provider().BulkInsertKeys;
        // A key the database would generate is given here: the engine may need to be told (IDENTITY_INSERT, sequences).
        _generatedKey = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key]
            ? key.GetColumnName(table)
            : null;
        _pending = new List<TEntity>(RowsPerStatement);
    }

    public async Task AddAsync(TEntity entity, CancellationToken cancellationToken)
    {
        _pending.Add(entity);
        if (_pending.Count == RowsPerStatement)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Writes the rows still waiting, then brings the engine's key generation past the keys written.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (_generatedKey is null || _keys.AfterLoad(_table, _generatedKey) is not { } sql) return;
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Writes the rows still waiting for a full batch.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;

        var isFull = _pending.Count == RowsPerStatement;
        var command = isFull ? _fullBatch ??= CreateCommand(RowsPerStatement) : CreateCommand(_pending.Count);
        try
        {
            var parameter = 0;
            foreach (var entity in _pending)
            {
                foreach (var column in _columns)
                {
                    var value = column.Getter.GetClrValue(entity);
                    if (column.Converter is not null) value = column.Converter.ConvertToProvider(value);
                    command.Parameters[parameter++].Value = value ?? DBNull.Value;
                }
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (!isFull) await command.DisposeAsync();
        }
        Inserted += _pending.Count;
        _pending.Clear();
    }

    private DbCommand CreateCommand(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var text = new StringBuilder();
        if (_generatedKey is not null) text.Append(_keys.BeforeInsert(_table, _generatedKey));
        text.Append("INSERT INTO ").Append(_table).Append(" (")
            .AppendJoin(", ", _columns.Select(c => _sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Length; column++)
            {
                var name = $"p{row}_{column}";
                if (column > 0) text.Append(", ");
                text.Append(_sql.GenerateParameterNamePlaceholder(name));
                // The mapping configures the parameter (type, size) the same way EF does for its own commands.
                command.Parameters.Add(_columns[column].Mapping.CreateParameter(
                    command, _sql.GenerateParameterName(name), value: null, _columns[column].IsNullable));
            }
            text.Append(')');
        }
        text.Append(';');
        if (_generatedKey is not null) text.Append(_keys.AfterInsert(_table, _generatedKey));
        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_fullBatch is not null) await _fullBatch.DisposeAsync();
    }
}
