using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using FluentValidation;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Every text a form model holds, checked against <see cref="TextInput"/> with each validation
/// (<see cref="ValidationExtensions.ValidateIntoAsync{T}"/>), so no validator can forget the rule: a single-line
/// field takes no line breaks, no field takes invisible control or format characters. Nested input models
/// (a member's row in a list) are walked too; properties of types outside the portal are not.
/// </summary>
public static class TextFields
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>> Readable = new();

    /// <summary>The paths (as FluentValidation names them: "Members[0].Name") of texts that are not clean.</summary>
    public static IEnumerable<string> Unclean(object? model) => Walk(model, string.Empty, 0);

    /// <summary>The message for one unclean field, with the field's name as its rule calls it.</summary>
    public static string Message<T>(IValidator<T> validator, T model, string path)
    {
        var name = DisplayName(validator, model, path) ?? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "Input" : "Eingabe");
        return ValidatorOptions.Global.LanguageManager.GetString(ValidationLanguage.CleanTextKey, CultureInfo.CurrentUICulture)
            .Replace("{PropertyName}", name, StringComparison.Ordinal);
    }

    private static string? DisplayName<T>(IValidator<T> validator, T model, string path)
    {
        if (path.Contains('.') || path.Contains('[')) return null;
        var rule = validator.CreateDescriptor().GetRulesForMember(path).FirstOrDefault();
        return rule?.GetDisplayName(new ValidationContext<T>(model));
    }

    private static IEnumerable<string> Walk(object? model, string prefix, int depth)
    {
        if (model is null || depth > MaxDepth) yield break;
        foreach (var property in Readable.GetOrAdd(model.GetType(), PropertiesOf))
        {
            var value = property.GetValue(model);
            var path = prefix + property.Name;
            switch (value)
            {
                case string text when !TextInput.IsClean(text, IsMultiLine(property)):
                    yield return path;
                    break;
                case string:
                    break;
                case IEnumerable items when IsPortalType(ElementType(property.PropertyType)):
                    var index = 0;
                    foreach (var item in items)
                    {
                        foreach (var inner in Walk(item, $"{path}[{index}].", depth + 1)) yield return inner;
                        index++;
                    }

                    break;
                case not null when IsPortalType(property.PropertyType):
                    foreach (var inner in Walk(value, path + ".", depth + 1)) yield return inner;
                    break;
            }
        }
    }

    private static bool IsMultiLine(PropertyInfo property) =>
        property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText;

    private static IReadOnlyList<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToList();

    private static bool IsPortalType(Type? type) =>
        type is { IsClass: true } && type != typeof(string) && type.Namespace?.StartsWith("NestPortal.", StringComparison.Ordinal) == true;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;
}
