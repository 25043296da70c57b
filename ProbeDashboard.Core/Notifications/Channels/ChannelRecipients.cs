namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>
/// Turns service channel inputs into recipient rows: checks them (errors keyed <c>recipients[i].field</c>), keeps
/// stored secrets an update leaves out (matched by kind and name), and stores plain settings in clear and secret
/// ones encrypted.
/// </summary>
public static class ChannelRecipients
{
    public const int MaxNameLength = 200;

    /// <summary>Checks what needs no stored group; a required secret may still be missing (<see cref="ValidateSecrets"/>).</summary>
    public static void Validate(IReadOnlyList<ChannelRecipientInput?> inputs, Dictionary<string, string[]> errors)
    {
        var names = new HashSet<(string, string)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var at = $"recipients[{i}]";
            var input = inputs[i];
            if (ChannelCatalog.Named(input?.Kind?.Trim().ToLowerInvariant()) is not { } definition)
            {
                errors[$"{at}.kind"] = [$"kind must be one of {string.Join(", ", ChannelCatalog.All.Select(d => d.Name))}"];
                continue;
            }
            var given = input!.Given();
            foreach (var name in given.Keys.Where(n => definition.Fields.All(f => f.Name != n)))
                errors[$"{at}.{name}"] = [$"{name} is not a setting of {definition.Name}"];
            foreach (var field in definition.Fields)
            {
                if (!given.TryGetValue(field.Name, out var value) || value.Length == 0)
                {
                    // A left-out secret may be stored already; ValidateSecrets decides once the group is loaded.
                    if (field.Required && (!field.Secret || value is "")) errors[$"{at}.{field.Name}"] = [$"{field.Name} is required for {definition.Name}"];
                    continue;
                }
                if (field.Problem(value) is { } problem) errors[$"{at}.{field.Name}"] = [problem];
            }
            var recipientName = NameOf(input, definition);
            if (recipientName.Length > MaxNameLength) errors[$"{at}.name"] = [$"name is longer than {MaxNameLength} characters"];
            else if (!names.Add((definition.Name, recipientName)))
                errors[$"{at}.name"] = [$"two {definition.Name} recipients are named '{recipientName}'; give each its own name"];
        }
    }

    /// <summary>Required secrets neither given nor stored for the same kind and name.</summary>
    public static void ValidateSecrets(IReadOnlyList<ChannelRecipientInput> inputs, IReadOnlyList<NotificationRecipient> existing,
        SecretProtector secrets, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            var definition = ChannelCatalog.Named(inputs[i].Kind?.Trim().ToLowerInvariant())!;
            var values = Secrets(inputs[i], definition, existing, secrets);
            foreach (var field in definition.Fields.Where(f => f.Secret && f.Required && !values.ContainsKey(f.Name)))
                errors[$"recipients[{i}].{field.Name}"] = [$"{field.Name} is required for {definition.Name}"];
        }
    }

    public static IEnumerable<NotificationRecipient> Build(IReadOnlyList<ChannelRecipientInput> inputs, IReadOnlyList<NotificationRecipient> existing, SecretProtector secrets) =>
        inputs.Select(input =>
        {
            var definition = ChannelCatalog.Named(input.Kind?.Trim().ToLowerInvariant())!;
            var secretValues = Secrets(input, definition, existing, secrets);
            return new NotificationRecipient
            {
                Channel = definition.Kind,
                Address = NameOf(input, definition),
                SettingsJson = ChannelSettings.Serialize(Plain(input, definition)),
                ProtectedSecret = ChannelSettings.Serialize(secretValues) is { } json ? secrets.Protect(json) : null,
            };
        });

    /// <summary>The name given, or one made from the plain settings (e.g. "telegram -100123").</summary>
    public static string NameOf(ChannelRecipientInput input, ChannelDefinition definition) =>
        string.IsNullOrWhiteSpace(input.Name) ? definition.DefaultName(Plain(input, definition)) : input.Name.Trim();

    private static Dictionary<string, string> Plain(ChannelRecipientInput input, ChannelDefinition definition)
    {
        var given = input.Given();
        return definition.Fields.Where(f => !f.Secret && given.TryGetValue(f.Name, out var v) && v.Length > 0)
            .ToDictionary(f => f.Name, f => given[f.Name]);
    }

    /// <summary>Secrets given, else those stored for the same kind and name; "" drops one.</summary>
    private static Dictionary<string, string> Secrets(ChannelRecipientInput input, ChannelDefinition definition,
        IReadOnlyList<NotificationRecipient> existing, SecretProtector secrets)
    {
        var name = NameOf(input, definition);
        var stored = existing.FirstOrDefault(r => r.Channel == definition.Kind && r.Address == name)?.ProtectedSecret is { } protectedJson
            ? ChannelSettings.Parse(secrets.Unprotect(protectedJson)) : [];
        var given = input.Given();
        var values = new Dictionary<string, string>();
        foreach (var field in definition.Fields.Where(f => f.Secret))
        {
            if (given.TryGetValue(field.Name, out var value)) { if (value.Length > 0) values[field.Name] = value; }
            else if (stored.TryGetValue(field.Name, out var kept)) values[field.Name] = kept;
        }
        return values;
    }
}
